import pytest

from tests.theme.sitefixture import build_site


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The small test site built once with the theme (pagination 2, so the digest has two pages)."""
    return build_site(tmp_path_factory.mktemp("theme-site"), {"DEFAULT_PAGINATION": 2})


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The same site built with publishconf.py: absolute URLs and all feeds."""
    return build_site(tmp_path_factory.mktemp("theme-published"), conf="publishconf.py")
