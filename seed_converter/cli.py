"""`python -m seed_converter`: the command behind `make content`."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from .convert import convert_seeds, display_path
from .seed_files import MAX_SEED_BYTES


def seed_limit_mib(text: str) -> float:
    """`--max-seed-mib`'s value: a positive number of MiB."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"not a positive number of MiB: {text!r}")
    return value


def add_seed_limit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--max-seed-mib", type=seed_limit_mib, default=MAX_SEED_BYTES / 2**20,
                        help="largest seed file read, in MiB; a larger one is refused by name "
                             f"(default: {MAX_SEED_BYTES / 2**20:g})")


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
    add_seed_limit(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    return parser


def _exit_on_signal(signum, _frame):
    """SIGTERM and SIGHUP end the run like Ctrl-C does: cleanly, temporary files removed."""
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _exit_on_signal)
    if not args.seeds.is_dir():
        print(f"{display_path(args.seeds)}: no such seed folder", file=sys.stderr)
        return 2
    try:
        report = convert_seeds(args.seeds, args.content, force=args.force, check=args.check,
                               timezone=args.timezone, default_lang=args.default_lang,
                               max_seed_bytes=int(args.max_seed_mib * 2**20))
    except KeyboardInterrupt:
        print("interrupted: every article written so far is complete; nothing half-written is left",
              file=sys.stderr)
        return 130
    except OSError as error:  # the folders themselves: unreadable, not creatable
        where = display_path(Path(str(error.filename))) if error.filename else "seed_converter"
        print(f"{where}: {error.strerror}", file=sys.stderr)
        return 2
    for path, problem in [*report.failed, *report.out_of_date]:
        print(f"{display_path(path)}: {problem}", file=sys.stderr)
    for path, warning in report.warnings:
        print(f"{display_path(path)}: warning: {warning}", file=sys.stderr)
    for path in report.swept:
        print(f"{display_path(path)}: removed (a temporary file an interrupted run left)", file=sys.stderr)
    for path, seed_changed in report.kept:
        if seed_changed or not args.quiet:
            note = "; its seed changed since (--force regenerates it)" if seed_changed else ""
            print(f"{display_path(path)}: kept the hand-edited version{note}")
    if not args.quiet:
        print(f"{len(report.written)} written, {report.unchanged} unchanged, "
              f"{len(report.kept)} hand-edited kept, {len(report.failed)} failed"
              + (f", {len(report.out_of_date)} out of date" if args.check else ""))
    return 0 if report.ok else 1
