class SeedError(ValueError):
    """A seed that cannot become an article; the message names the problem."""
