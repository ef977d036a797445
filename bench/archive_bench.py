"""Archives at scale and Lighthouse on every reading page type.

    .venv/bin/python bench/archive_bench.py [--copies 10] [--days 30] [--browser] [--lighthouse DIR]

Writes the 10kGNAD corpus as seeds (bench/make_seeds.py; --copies N replicates it),
spreads their dates over --days days (seed modification times, which the converter
takes as the articles' dates: 06:00-22:00 in the site's zone), converts and builds
them with the project's settings (tagging on, search and stories off: they have
budgets of their own), then prints the largest archive page in bytes and DOM
elements against the budgets (100 KB, 1,500). --browser also runs
tests/theme/test_archive_scale.py on that site (axe, 390 and 1280 px, both schemes).
--lighthouse DIR builds the site with publishconf.py on a 127.0.0.1 port and writes
mobile Lighthouse reports for the home, an article, a tag, a day, a month and a year
page into DIR. --images gives every third article a lead image (the corpus has none):
real JPEGs from the test image host on 127.0.0.1 (tests/support/images.py), downloaded
and turned into the site's own variants by local_images, so the pages carry
thumbnails and the article measured has its lead image. Heavy: run under
`flock /tmp/heavy.lock`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_seeds import spread_times, write_seeds  # noqa: E402
from theme_bench import CATEGORIES, LIGHTHOUSE, bound_server  # noqa: E402
from tests.support.browser import CHROMIUM  # noqa: E402
from tests.support.images import image_host  # noqa: E402

WORK = ROOT / "bench" / "work"
PY = sys.executable
PLUGINS = ["incremental", "site_lists", "fast_markdown", "sources", "local_images", "digest_theme", "autotag"]
MAX_BYTES, MAX_ELEMENTS = 100 * 1024, 1500
PHOTOS = ("photo.jpg", "other.jpg", "wien.jpg")


def add_images(articles: Path, base: str) -> int:
    """Give every third article (in name order) a lead image from the host at `base`, half of
    them with alt text; the converter takes only https URLs, so the Markdown is edited."""
    count = 0
    for k, path in enumerate(sorted(articles.glob("*.md"))):
        if k % 3:
            continue
        head, sep, body = path.read_text(encoding="utf-8").partition("\n\n")
        alt = "Symbolbild" if k % 2 else ""
        path.write_text(f"{head}\nImage: {base}/{PHOTOS[k // 3 % len(PHOTOS)]}\nImage-Alt: {alt}{sep}{body}",
                        encoding="utf-8")
        count += 1
    return count


def prepare(copies: int, days: int) -> Path:
    seeds, content = WORK / f"archive-seeds-{copies}", WORK / f"archive-content-{copies}"
    for folder in (seeds, content):
        shutil.rmtree(folder, ignore_errors=True)
    write_seeds(seeds, copies=copies)
    spread_times(seeds, days)
    subprocess.run([PY, "-m", "seed_converter", "-q", "--seeds", str(seeds), "--content", str(content / "articles")],
                   cwd=ROOT, check=True)
    (content / "pages").mkdir(exist_ok=True)
    return content


def build(content: Path, output: Path, conf: str = "pelicanconf.py", env: dict | None = None) -> float:
    started = time.monotonic()
    settings = {"PLUGINS": PLUGINS, "LOCAL_IMAGES_DOWNLOAD": True, "LOCAL_IMAGES_CACHE": str(WORK / "archive-images")}
    subprocess.run([PY, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / conf),
                    "--delete-output-directory", "--extra-settings", *(f"{k}={json.dumps(v)}" for k, v in settings.items())],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    return time.monotonic() - started


def budgets(site: Path) -> dict:
    pages = [site / "archives.html", *sorted((site / "archives").rglob("index.html"))]
    sizes = [(p.stat().st_size, p) for p in pages]
    elements = [(len(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").find_all(True)), p) for p in pages]
    return {"pages": len(pages), "max_bytes": max(sizes), "max_elements": max(elements),
            "home_bytes": (site / "index.html").stat().st_size}


def lighthouse(content: Path, reports: Path, with_images: bool) -> dict:
    site = WORK / "archive-lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    scores = {}
    with bound_server() as (base, start):
        build(content, site, "publishconf.py", {"SITEURL": base})
        days = sorted((site / "archives").glob("*/*/*/index.html"))
        pages = {
            "home": "",
            "article": next(p for p in sorted((site / "articles").glob("*.html"))
                            if not with_images or "lead-image" in p.read_text(encoding="utf-8")).relative_to(site).as_posix(),
            "tag": max((site / "tag").glob("*.html"), key=lambda p: p.stat().st_size).relative_to(site).as_posix(),
            "day": max(days, key=lambda p: p.stat().st_size).relative_to(site).parent.as_posix() + "/",
            "month": sorted((site / "archives").glob("*/*/index.html"))[-1].relative_to(site).parent.as_posix() + "/",
            "year": sorted((site / "archives").glob("*/index.html"))[-1].relative_to(site).parent.as_posix() + "/",
        }
        start(site)
        for name, path in pages.items():
            subprocess.run(
                [str(LIGHTHOUSE), f"{base}/{path}", "--quiet", "--output=json", "--output=html",
                 f"--output-path={reports / name}", f"--only-categories={','.join(CATEGORIES)}",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                cwd=ROOT, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
            report = json.loads((reports / f"{name}.report.json").read_text(encoding="utf-8"))
            scores[f"{name} (/{path})"] = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--lighthouse", type=Path, metavar="DIR")
    parser.add_argument("--images", action="store_true")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    with image_host() if args.images else contextlib.nullcontext((None, None)) as (base, _):
        run(args, base)


def run(args, images: str | None) -> None:
    content = prepare(args.copies, args.days)
    count = sum(1 for _ in (content / "articles").glob("*.md"))
    if images:
        print(f"{add_images(content / 'articles', images):,} articles with a lead image")
    print(f"load before: {open('/proc/loadavg').read().strip()}")
    if not args.lighthouse or args.browser:
        site = WORK / f"archive-site-{args.copies}"
        seconds = build(content, site)
        found = budgets(site)
        print(f"{count:,} articles over {args.days} days, built in {seconds:.0f} s; {found['pages']} archive pages")
        size, page = found["max_bytes"]
        print(f"  largest archive page: {size / 1024:.1f} KB ({page.relative_to(site)}), budget {MAX_BYTES // 1024} KB")
        elements, page = found["max_elements"]
        print(f"  most DOM elements: {elements} ({page.relative_to(site)}), budget {MAX_ELEMENTS}")
        print(f"  home page: {found['home_bytes'] / 1024:.1f} KB")
        if args.browser:
            subprocess.run([PY, "-m", "pytest", "-q", "tests/theme/test_archive_scale.py"], cwd=ROOT, check=False,
                           env={**os.environ, "ARCHIVE_SCALE_SITE": str(site)})
    if args.lighthouse:
        print("lighthouse, mobile (budget 95 each):")
        for page, scores in lighthouse(content, args.lighthouse, bool(images)).items():
            print(f"  {page}: " + ", ".join(f"{c} {s}" for c, s in scores.items()))
    print(f"load after: {open('/proc/loadavg').read().strip()}")


if __name__ == "__main__":
    main()
