"""`python -m site_check`: the command behind `make check`."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from seed_converter.cli import add_seed_limit

from . import Problem
from .content import check_content
from .feeds import check_feeds, feed_files
from .html_validator import validate_html
from .legal import placeholder_warnings
from .links import check_links
from .sitemap import check_sitemap

DEFAULT_VNU = Path("node_modules/vnu-jar/build/dist/vnu.jar")
Check = Callable[[], list[Problem]]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m site_check",
        description="Check the content folder and a built site; exit 1 on any problem.")
    parser.add_argument("--content", type=Path, help="articles folder to check (e.g. content/articles)")
    parser.add_argument("--seeds", type=Path, help="seed folder: its articles must be converted and current")
    add_seed_limit(parser)
    parser.add_argument("--site", type=Path, help="built site to check (e.g. output)")
    parser.add_argument("--site-url", default="",
                        help="the published SITEURL: absolute links under it are internal")
    parser.add_argument("--articles-path", default="articles",
                        help="folder of the article pages inside the site (default: articles)")
    parser.add_argument("--vnu", type=Path, default=DEFAULT_VNU, help=f"vnu.jar (default: {DEFAULT_VNU})")
    return parser


def site_checks(site: Path, site_url: str, articles_path: str, vnu: Path) -> list[tuple[str, str, Check]]:
    """Every site check as (name, what it looks at, check); a missing site is one problem."""
    if not (site / "index.html").is_file():
        return [("site", f"the site in {site}", lambda: [Problem(site, "no built site here (run make html or make publish first)")])]
    pages = sum(1 for _ in site.rglob("*.html"))
    return [
        ("html", f"HTML of {_count(pages, 'page')} (Nu HTML Checker)",
         lambda: validate_html(site, vnu, progress=_counter(f"HTML of {_count(pages, 'page')}", pages))),
        ("links", f"links and #fragments in {_count(pages, 'page')}", lambda: check_links(site, site_url)),
        ("feeds", _count(len(feed_files(site)), "feed"), lambda: check_feeds(site)),
        ("sitemap", "the sitemap", lambda: check_sitemap(site, site_url, articles_path)),
    ]


def _count(n: int, thing: str) -> str:
    return f"{n:,} {thing}{'' if n == 1 else 's'}"


def _counter(what: str, total: int) -> Callable[[int], None] | None:
    """On a terminal, a counter that rewrites the progress line (at most every half second)."""
    if not sys.stdout.isatty():
        return None
    last = [0.0]

    def show(done: int) -> None:
        if time.monotonic() - last[0] >= 0.5:
            last[0] = time.monotonic()
            print(f"\rsite_check: {what} ... {done:,}/{total:,}", end="", flush=True)
    return show


def _run(what: str, check: Check) -> list[Problem]:
    """One check with its progress line: what it looks at first, then its count and time."""
    start = f"site_check: {what} ..."
    print(start, end="", flush=True)
    started = time.monotonic()
    problems = check()
    # A counter may have rewritten the line: write it whole again (padded over its longer text).
    result = f"{start} {_count(len(problems), 'problem')} ({time.monotonic() - started:.1f} s)"
    print(f"\r{result:<{len(start) + 16}}" if sys.stdout.isatty() else result[len(start):], flush=True)
    return problems


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
        articles = sum(1 for _ in args.content.rglob("*.md"))
        what = f"content: {_count(articles, 'article')}" + (" and their seeds" if args.seeds else "")
        results["content"] = _run(what, lambda: check_content(args.content, args.seeds,
                                                                    int(args.max_seed_mib * 2**20)))
        checked.append(f"{articles} articles")
    if args.site:
        for name, what, check in site_checks(args.site, args.site_url, args.articles_path, args.vnu):
            results[name] = _run(what, check)
        checked.append(f"{sum(1 for _ in args.site.rglob('*.html'))} pages, "
                       f"{len(feed_files(args.site)) if args.site.is_dir() else 0} feeds")
    for problems in results.values():
        for problem in problems:
            print(_display(problem), file=sys.stderr)
    if args.site and args.site.is_dir():
        for line in placeholder_warnings(args.site):
            print(line, file=sys.stderr)
    total = sum(len(p) for p in results.values())
    counts = ", ".join(f"{name} {len(p)}" for name, p in results.items())
    print(f"site_check: checked {'; '.join(checked)}: "
          + (f"{total} problem{'s' if total != 1 else ''} ({counts})" if total else "no problems"))
    return 1 if total else 0
