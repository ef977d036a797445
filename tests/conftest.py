import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))
# No build the tests start downloads a lead image (pelicanconf.py reads this); the image
# tests serve theirs on 127.0.0.1 and switch downloads on for their own builds.
os.environ["LOCAL_IMAGES_DOWNLOAD"] = "0"


def pytest_collection_modifyitems(config, items):
    """Tests marked `corpus` skip with one line saying why when ../shared's corpus is absent."""
    from tests.support.corpus import CORPUS, CORPUS_MISSING

    if not CORPUS.is_file():
        for item in items:
            if item.get_closest_marker("corpus"):
                item.add_marker(pytest.mark.skip(reason=CORPUS_MISSING))


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    from tests.support.browser import CHROMIUM, launch

    if CHROMIUM is None:
        pytest.exit("no Chromium: set CHROMIUM or install chromium (`make doctor` says how)", returncode=3)
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
