"""`python -m site_check`: the command behind `make check`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import Problem
from .content import check_content
from .feeds import check_feeds, feed_files
from .html_validator import validate_html
from .links import check_links
from .sitemap import check_sitemap

DEFAULT_VNU = Path("node_modules/vnu-jar/build/dist/vnu.jar")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m site_check",
        description="Check the content folder and a built site; exit 1 on any problem.")
    parser.add_argument("--content", type=Path, help="articles folder to check (e.g. content/articles)")
    parser.add_argument("--seeds", type=Path, help="seed folder: its articles must be converted and current")
    parser.add_argument("--site", type=Path, help="built site to check (e.g. output)")
    parser.add_argument("--site-url", default="",
                        help="the published SITEURL: absolute links under it are internal")
    parser.add_argument("--articles-path", default="articles",
                        help="folder of the article pages inside the site (default: articles)")
    parser.add_argument("--vnu", type=Path, default=DEFAULT_VNU, help=f"vnu.jar (default: {DEFAULT_VNU})")
    return parser


def site_problems(site: Path, site_url: str, articles_path: str, vnu: Path) -> dict[str, list[Problem]]:
    """Every site check by name; a missing site is one problem."""
    if not (site / "index.html").is_file():
        return {"site": [Problem(site, "no built site here (run make html or make publish first)")]}
    return {
        "html": validate_html(site, vnu),
        "links": check_links(site, site_url),
        "feeds": check_feeds(site),
        "sitemap": check_sitemap(site, site_url, articles_path),
    }


def _display(problem: Problem) -> str:
    relative = os.path.relpath(problem.file)
    return str(problem if relative.startswith("..") else problem._replace(file=Path(relative)))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not (args.content or args.site):
        _parser().error("give --content, --site or both")
    results: dict[str, list[Problem]] = {}
    checked = []
    if args.content:
        results["content"] = check_content(args.content, args.seeds)
        checked.append(f"{sum(1 for _ in args.content.rglob('*.md'))} articles")
    if args.site:
        results.update(site_problems(args.site, args.site_url, args.articles_path, args.vnu))
        checked.append(f"{sum(1 for _ in args.site.rglob('*.html'))} pages, "
                       f"{len(feed_files(args.site)) if args.site.is_dir() else 0} feeds")
    for problems in results.values():
        for problem in problems:
            print(_display(problem), file=sys.stderr)
    total = sum(len(p) for p in results.values())
    counts = ", ".join(f"{name} {len(p)}" for name, p in results.items())
    print(f"site_check: checked {'; '.join(checked)}: "
          + (f"{total} problem{'s' if total != 1 else ''} ({counts})" if total else "no problems"))
    return 1 if total else 0
