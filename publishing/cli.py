"""`python -m publishing`: precompress a built site; plan or run uploads (used by the Makefile)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import git_pages, s3
from .changes import Changes
from .precompress import precompress


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m publishing")
    commands = parser.add_subparsers(dest="command", required=True)
    pre = commands.add_parser("precompress", help="write .gz and .br copies beside the text files")
    pre.add_argument("site", type=Path)
    git = commands.add_parser("github-plan", help="list what `make github` would change")
    git.add_argument("site", type=Path)
    git.add_argument("--remote", default="origin")
    git.add_argument("--branch", default="gh-pages")
    bucket = commands.add_parser("s3", help="mirror the site into an S3-compatible bucket")
    bucket.add_argument("site", type=Path)
    bucket.add_argument("--bucket", required=True)
    bucket.add_argument("--prefix", default="", help="folder inside the bucket (`blog` = `blog/`)")
    bucket.add_argument("--endpoint-url", default=None, help="an S3-compatible server (default: AWS)")
    bucket.add_argument("--dry-run", action="store_true", help="list the changes, change nothing")
    return parser


def _report(changes: Changes, done: str) -> None:
    for line in changes.lines():
        print(line)
    print(f"{changes.summary()} ({done})")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no built site here (run make publish first)", file=sys.stderr)
        return 2
    if args.command == "precompress":
        print(f"precompressed: {len(precompress(args.site))} files written in {args.site}")
    elif args.command == "github-plan":
        _report(git_pages.plan(args.site, args.remote, args.branch), "dry run")
    else:
        import boto3

        try:
            s3.folder_prefix(args.prefix)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 2
        client = boto3.client("s3", endpoint_url=args.endpoint_url or None)
        _report(s3.sync(args.site, client, args.bucket, args.prefix, args.dry_run),
                "dry run" if args.dry_run else "uploaded")
    return 0
