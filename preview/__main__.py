"""`python -m preview OUTPUTDIR --port 8000`: serve a built site on 127.0.0.1 until Ctrl-C."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import make_server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m preview", description=__doc__)
    parser.add_argument("site", type=Path, help="the built site (e.g. output)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"make serve: no built site in {args.site} (run make html)", file=sys.stderr)
        return 2
    try:
        server = make_server(args.site, args.port, args.bind)
    except OSError as problem:
        print(f"make serve: cannot listen on {args.bind}:{args.port}: {problem.strerror} "
              "(another server? try PORT=8001)", file=sys.stderr)
        return 2
    print(f"Serving {args.site} on http://{args.bind}:{server.server_address[1]}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


raise SystemExit(main())
