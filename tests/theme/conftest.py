import pytest

from tests.theme.sitefixture import SITE_SETTINGS, build_site


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The small test site built once with the theme: one article per tag, source and day page
    (so each has a page 2), the home page's whole days from one article on."""
    return build_site(tmp_path_factory.mktemp("theme-site"), SITE_SETTINGS)


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The same site built with publishconf.py: absolute URLs and all feeds."""
    return build_site(tmp_path_factory.mktemp("theme-published"), conf="publishconf.py")
