"""Make the hostile seed folder: seeds/ plus what git cannot hold.

    python tests/hostile/make_hostile.py OUTDIR [--no-large]

Copies every seed in tests/hostile/seeds/ into OUTDIR, then adds file names
git cannot carry portably (a newline, bytes that are not UTF-8), symbolic
links (to /etc/passwd, to a directory, to a seed, dangling, an editor's lock
file), a FIFO, a socket, a directory named `*.txt`, a 40 MiB sparse file over
the size limit, and multi-megabyte adversarial seeds. expected.toml says what
the converter must do with each.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
MIB = 2**20


def _seed(headline: str, lead: str, *body: str) -> bytes:
    return "\n".join([headline, "DW", lead, *body]).encode("utf-8") + b"\n"


def adversarial_seeds() -> dict[str, bytes]:
    """The multi-megabyte seeds whose lines the old patterns took minutes (or forever) on."""
    sentence = "Der Gemeinderat hat am Abend über den Haushalt für das kommende Jahr beraten. "
    return {
        "adversarial-byline-2mb.txt": _seed("Lange Zeile mit Bylines", '") Aus ' * 300_000 + "x.", "Text."),
        "adversarial-image-line.txt": ("![" + "](a" * 66_000 + "\nTitel\nDW\nLead.\n").encode(),
        "adversarial-image-alt-2mb.txt": ("![" + "](a" * 700_000 + "](https://example.org/a.jpg)\n"
                                          "Bild mit langem Alternativtext\nDW\nLead.\n").encode(),
        "huge-20mb.txt": _seed("Ein sehr langer Artikel", sentence,
                               *[sentence * 20] * (20 * MIB // (len(sentence.encode()) * 20))),
    }


def make_folder(out: Path, large: bool = True) -> Path:
    """Fill `out` with the hostile seeds; return it."""
    out.mkdir(parents=True, exist_ok=True)
    for seed in SEEDS.iterdir():
        shutil.copyfile(seed, out / seed.name)
    base = _seed
    (out / "in\nname.txt").write_bytes(base("Zeilenumbruch im Dateinamen", "Der Name hat einen Umbruch.", "Text."))
    (out / os.fsdecode(b"not-utf8-\xff\xfe.txt")).write_bytes(
        base("Dateiname kein UTF-8", "Der Name ist kein UTF-8.", "Text."))
    (out / os.fsdecode(b"\xff\xfe.txt")).write_bytes(base("###", "Weder Schlagzeile noch Name ergeben einen Slug."))
    os.symlink("/etc/passwd", out / "passwd-link.txt")
    os.symlink("-leading-dash.txt", out / "inside-link.txt")
    os.symlink("/etc", out / "dir-link.txt")
    os.symlink("does-not-exist.txt", out / "broken-link.txt")
    os.symlink("user@host.4242:1700000000", out / ".#lock.txt")  # what Emacs leaves
    (out / ".hidden.txt").write_bytes(base("Versteckt", "Eine versteckte Datei.", "Text."))
    os.mkfifo(out / "fifo.txt")
    (out / "directory.txt").mkdir()
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(out / "socket.txt"))
    with open(out / "too-large.txt", "wb") as sparse:
        sparse.truncate(40 * MIB)
    if large:
        for name, data in adversarial_seeds().items():
            (out / name).write_bytes(data)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--no-large", action="store_true", help="leave out the multi-megabyte seeds")
    args = parser.parse_args()
    make_folder(args.out, large=not args.no_large)
    return 0


if __name__ == "__main__":
    sys.exit(main())
