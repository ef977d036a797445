import pytest

from tests.support.images import image_host as serve_images
from tests.theme.sitefixture import SITE_SETTINGS, build_site


@pytest.fixture(scope="session")
def image_host():
    """Real JPEG and PNG files (and failures) served on 127.0.0.1: (base URL, request counter)."""
    with serve_images() as host:
        yield host


@pytest.fixture(scope="session")
def image_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("image-cache")


@pytest.fixture(scope="session")
def site(tmp_path_factory, image_host, image_cache):
    """The small test site built once with the theme: one article per tag, source and day page
    (so each has a page 2), the home page's whole days from one article on."""
    return build_site(tmp_path_factory.mktemp("theme-site"), SITE_SETTINGS, images=image_host[0], image_cache=image_cache)


@pytest.fixture(scope="session")
def published_site(tmp_path_factory, image_host, image_cache):
    """The same site built with publishconf.py: absolute URLs and all feeds."""
    return build_site(tmp_path_factory.mktemp("theme-published"), conf="publishconf.py",
                      images=image_host[0], image_cache=image_cache)
