"""The theme's budgets: build time against plain Pelican, page weight, and (optionally) Lighthouse.

    .venv/bin/python bench/theme_bench.py [--runs 3] [--lighthouse DIR]

Converts the 10kGNAD corpus (bench/make_seeds.py, the seed converter) into
bench/work/theme-content once, then builds it alternately with the project's
settings (pelicanconf.py with the theme's own plugins, sources and
digest_theme, and its pages; autotag and lunr_search, which have budgets of
their own, off) and with plain Pelican (default theme,
bench/plain_pelicanconf.py), interleaved; prints medians, ratios and the load. Then prints the gzip transfer size of the home and
an article page (HTML, stylesheet, favicon and the search script when it
exists; images excluded). With --lighthouse DIR (needs `npm i -E
lighthouse@12.2.3`), builds with publishconf.py and an absolute SITEURL on a
free 127.0.0.1 port, serves it there and writes Lighthouse reports for the
home, an article and a tag page into DIR. The machine is shared: trust ratios.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from interleave import Build, interleave, table  # noqa: E402
from make_seeds import write_seeds  # noqa: E402
from tests.support.browser import CHROMIUM, STRICT_CSP  # noqa: E402

WORK = ROOT / "bench" / "work"
PY = sys.executable
LIGHTHOUSE = os.environ.get("LIGHTHOUSE", str(ROOT / "node_modules" / ".bin" / "lighthouse"))
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def pelican_cmd(content: Path, output: Path, conf: Path) -> list[str]:
    return [PY, "-m", "pelican", str(content), "-o", str(output), "-s", str(conf), "--delete-output-directory"]


def prepare_content() -> tuple[Path, int]:
    seeds, content = WORK / "theme-seeds", WORK / "theme-content"
    for folder in (seeds, content):
        shutil.rmtree(folder, ignore_errors=True)
    count = write_seeds(seeds)
    subprocess.run([PY, "-m", "seed_converter", "-q", "--seeds", str(seeds), "--content", str(content / "articles")],
                   cwd=ROOT, check=True)
    (content / "pages").mkdir()
    return content, count


def build_times(content: Path, runs: int) -> tuple[Build, Build]:
    """The theme with its own plugins only (no autotag, no lunr_search and so no search page) against plain Pelican."""
    theme = Build("theme (pelicanconf.py, sources + digest_theme)",
                  pelican_cmd(content, WORK / "theme-out", ROOT / "pelicanconf.py")
                  + ["--extra-settings", 'PLUGINS=["fast_markdown", "sources", "digest_theme"]'])
    plain = Build("plain Pelican", pelican_cmd(content, WORK / "theme-plain", ROOT / "bench" / "plain_pelicanconf.py"))
    interleave([theme, plain], runs, ROOT)
    return theme, plain


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def transfer_sizes(site: Path) -> dict[str, int]:
    """Gzip bytes a first visit to each page transfers, images excluded."""
    article = sorted((site / "articles").glob("*.html"))[0]
    shared = [site / "theme/css/digest.css", site / "theme/favicon.svg"]
    search_js = site / "theme/search/search-field.js"
    if search_js.exists():
        shared.append(search_js)
    common = sum(gz(p) for p in shared)
    return {"stylesheet": gz(site / "theme/css/digest.css"), "stylesheet raw": (site / "theme/css/digest.css").stat().st_size,
            "home": gz(site / "index.html") + common, "article": gz(article) + common,
            "home html": gz(site / "index.html"), "article html": gz(article)}


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", STRICT_CSP)
        super().end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def bound_server():
    """A 127.0.0.1 server bound before the build (SITEURL needs its port), serving once `start` is called."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)

    def start(directory: Path) -> None:
        server.RequestHandlerClass = functools.partial(_Handler, directory=str(directory))
        threading.Thread(target=server.serve_forever, daemon=True).start()

    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", start
    finally:
        server.shutdown()
        server.server_close()


def lighthouse(content: Path, reports: Path) -> dict[str, dict[str, int]]:
    site = WORK / "theme-lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    scores = {}
    with bound_server() as (base, start):
        subprocess.run(pelican_cmd(content, site, ROOT / "publishconf.py"),
                       cwd=ROOT, check=True, env={**os.environ, "SITEURL": base}, stdout=subprocess.DEVNULL)
        article = sorted((site / "articles").glob("*.html"))[0].relative_to(site).as_posix()
        tags = sorted((site / "tag").glob("*.html")) if (site / "tag").exists() else []
        tag = tags[0].relative_to(site).as_posix() if tags else "tags.html"
        start(site)
        for name, path in (("home", ""), ("article", article), ("tag", tag)):
            out = reports / f"{name}.report.json"
            subprocess.run(
                [str(LIGHTHOUSE), f"{base}/{path}", "--quiet", "--output=json", "--output=html",
                 f"--output-path={reports / name}", f"--only-categories={','.join(CATEGORIES)}",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                cwd=ROOT, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
            report = json.loads(out.read_text(encoding="utf-8"))
            scores[f"{name} ({path or '/'})"] = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lighthouse", type=Path, metavar="DIR", help="also write Lighthouse reports into DIR")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    content, count = prepare_content()
    theme, plain = build_times(content, args.runs)
    print(f"build, {count} articles, {args.runs} interleaved runs, medians (budget 1.20 × plain Pelican):")
    print(table([theme, plain], [plain]))
    sizes = transfer_sizes(WORK / "theme-out")
    print("transfer, gzip, images excluded (budget 50 KB per page, 15 KB stylesheet):")
    print(f"  home {sizes['home'] / 1024:.1f} KB (html {sizes['home html'] / 1024:.1f} KB)"
          f" | article {sizes['article'] / 1024:.1f} KB (html {sizes['article html'] / 1024:.1f} KB)"
          f" | stylesheet {sizes['stylesheet'] / 1024:.1f} KB gzip, {sizes['stylesheet raw'] / 1024:.1f} KB raw")
    if args.lighthouse:
        print("lighthouse (budget 95 each):")
        for page, scores in lighthouse(content, args.lighthouse).items():
            print(f"  {page}: " + ", ".join(f"{c} {s}" for c, s in scores.items()))


if __name__ == "__main__":
    main()
