"""`python -m scaffold --title "..."`: write content/articles/<slug>.md and print its path."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from seed_converter.files import scan_content

from .article import new_slug, render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scaffold", description=__doc__)
    parser.add_argument("--title", required=True)
    parser.add_argument("--content", type=Path, default=Path("content/articles"))
    parser.add_argument("--lang", default="de")
    parser.add_argument("--source", default="")
    parser.add_argument("--summary", default="")
    parser.add_argument("--timezone", default="Europe/Berlin")
    args = parser.parse_args(argv)
    if not args.title.strip():
        print("make new: TITLE is empty (make new TITLE=\"...\")", file=sys.stderr)
        return 2
    taken = scan_content(args.content).taken
    try:
        slug = new_slug(args.title, taken)
    except ValueError as problem:
        print(f"make new: {problem}", file=sys.stderr)
        return 2
    path = args.content / f"{slug}.md"
    args.content.mkdir(parents=True, exist_ok=True)
    now = datetime.now(ZoneInfo(args.timezone)).replace(microsecond=0)
    path.write_text(render(args.title, slug, now, args.lang, args.source, args.summary), encoding="utf-8")
    print(path)
    missing = [name for name, value in (("Source", args.source), ("Summary", args.summary)) if not value]
    if missing:
        print(f"{path}: fill in {' and '.join(missing)}; make check reports what is missing until you do")
    return 0


raise SystemExit(main())
