"""`python -m seed_converter`: the command behind `make content`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .convert import convert_seeds


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m seed_converter",
        description="Convert seeds/*.txt into Pelican Markdown articles.")
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), help="seed folder (default: seeds)")
    parser.add_argument("--content", type=Path, default=Path("content/articles"),
                        help="where articles go (default: content/articles)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--force", action="store_true",
                      help="regenerate every article, hand-edited ones too (keeps Date and Slug)")
    mode.add_argument("--check", action="store_true",
                      help="change nothing; exit 1 if an article is missing or older than its seed")
    parser.add_argument("--timezone", default="Europe/Berlin", help="zone for dates (default: Europe/Berlin)")
    parser.add_argument("--default-lang", default="de",
                        help="language when detection cannot decide (default: de)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.seeds.is_dir():
        print(f"{args.seeds}: no such seed folder", file=sys.stderr)
        return 2
    report = convert_seeds(args.seeds, args.content, force=args.force, check=args.check,
                           timezone=args.timezone, default_lang=args.default_lang)
    for path, problem in report.failed:
        print(f"{path}: {problem}", file=sys.stderr)
    for path, problem in report.out_of_date:
        print(f"{path}: {problem}", file=sys.stderr)
    for path, warning in report.warnings:
        print(f"{path}: warning: {warning}", file=sys.stderr)
    for path, seed_changed in report.kept:
        if seed_changed or not args.quiet:
            note = "; its seed changed since (--force regenerates it)" if seed_changed else ""
            print(f"{path}: kept the hand-edited version{note}")
    if not args.quiet:
        print(f"{len(report.written)} written, {report.unchanged} unchanged, "
              f"{len(report.kept)} hand-edited kept, {len(report.failed)} failed"
              + (f", {len(report.out_of_date)} out of date" if args.check else ""))
    return 0 if report.ok else 1
