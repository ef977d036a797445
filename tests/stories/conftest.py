"""Small sites built from the test set once per session: the front page's four-source story,
editors' choices, and the same site without the stories plugin (for the feed)."""

from __future__ import annotations

import pytest

from tests.support.images import image_host
from tests.support.site import build

from . import sitefiles, testset

# Two events (4 and 3 sources, one report in English), a distractor of each, an unrelated article;
# the newest is within 24 hours of the four-source story, so both are the day's top stories.
FRONT_PAGE = ["e01-dw", "e01-orf", "e01-spiegel", "e01-reuters-en", "d01-stoltenberg-warschau",
              "e02-br", "e02-sz", "e02-tagesschau", "d02-hamburg-hochbahn", "u06-wetter"]
EXTRA = {
    "e01-orf": {"Image": "{images}/photo.jpg", "Image-Alt": "Jens Stoltenberg"},  # the lead
    "e02-tagesschau": {"Story": "no"},  # matches e02, kept alone by the editor
    "d02-hamburg-hochbahn": {"Story": "Streiktag"},
    "u06-wetter": {"Story": "streiktag"},  # the editor's story joins any two articles (case does not matter)
}
FEEDS = {"FEED_ALL_ATOM": "feeds/all.atom.xml", "FEED_DOMAIN": "", "SITEURL": ""}


def _build(folder, plugins=None):
    """The site serves its own images (from a test image host on 127.0.0.1), so its pages hold
    under `default-src 'self'`."""
    items = [i for i in testset.items() if i.id in FRONT_PAGE]
    with image_host() as (base, _):
        extra = {slug: {k: v.replace("{images}", base) for k, v in fields.items()} for slug, fields in EXTRA.items()}
        content = sitefiles.write_content(folder / "content", items, extra)
        settings = {"CACHE_PATH": str(folder / "cache"), "AUTOTAG_CACHE_PATH": str(folder / "cache" / "autotag"),
                    "LOCAL_IMAGES": True, "LOCAL_IMAGES_DOWNLOAD": True, **FEEDS}
        if plugins is not None:
            settings["PLUGINS"] = plugins
        build(content, folder / "output", settings)
    return folder / "output"


@pytest.fixture(scope="session")
def story_site(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("stories-site"))


@pytest.fixture(scope="session")
def plain_site(tmp_path_factory):
    """The same content without the stories plugin."""
    from pelicanconf import PLUGINS

    return _build(tmp_path_factory.mktemp("stories-plain"), [p for p in PLUGINS if p != "stories"])
