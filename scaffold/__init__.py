"""`make new`: scaffold a hand-written article with today's date and the required metadata."""
