"""A 20 MB hand-written article through the whole pipeline: shipped settings, plugins and tags.toml.

Seeds that large are refused by the converter, but an editor can still put
such a file in content/articles. The build must stay linear in it: the site
with a 20 MB article is built against the same site with a 2 MB one, in CPU
seconds. Linear stages give about 6 times the 2 MB build (the fixed start-up
is most of that build); one quadratic stage costing half a second at 2 MB
would add 50 s at 20 MB and fail the bound. The old tagger took 46 s at 2 MB.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.support.site import ROOT, build

HERE = Path(__file__).resolve().parent
MIB = 2**20
LINEAR_RATIO_LIMIT = 12.0
CPU_LIMIT_20MB = 240.0  # about 50 s of CPU here; quadratic work would take hours
pytestmark = pytest.mark.slow

FIRST = ["Anna", "Bernd", "Clara", "Dieter", "Eva", "Franz", "Gerda", "Hans", "Ines", "Jakob",
         "Karin", "Lukas", "Maria", "Norbert", "Olga", "Peter", "Rita", "Stefan", "Tanja", "Udo"]
LAST = ["Huber", "Gruber", "Bauer", "Wagner", "Müller", "Pichler", "Steiner", "Moser", "Mayer", "Hofer",
        "Leitner", "Berger", "Fuchs", "Eder", "Fischer", "Schmid", "Winkler", "Weber", "Schwarz", "Maier"]
PLACES = ["Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt", "Berlin", "Hamburg", "München", "Köln"]
PARAGRAPHS = [
    "Die Außenminister der NATO haben am Abend in {place} über die Lage in der Ukraine beraten. "
    "{first} {last}, die Sprecherin des Bündnisses, sagte, Russland müsse seine Truppen abziehen.",
    "Präsident Wladimir Putin wies die Forderungen zurück. Die russische Regierung sprach von einer "
    "Provokation; {last} nannte das „eine bekannte Antwort“ und kündigte neue Gespräche an.",
    "In {place} demonstrierten am Samstag mehrere tausend Menschen (laut Polizei 4.500) für den "
    "Frieden. Unter ihnen war auch {first} {last}, der Bürgermeister, der zu Besonnenheit aufrief.",
    "Die Europäische Union will ihre Sanktionen verschärfen. Angela Merkel und Werner Faymann "
    "sprachen sich in {place} dafür aus, {last} warnte vor den Kosten für die Wirtschaft.",
]


def article(size: int) -> tuple[str, str]:
    """A hand-written article of about `size` bytes of news prose (400 people, 10 places, aliases
    of the shipped tags.toml), and its last paragraph."""
    parts, total = [], 0
    while total < size:
        i = len(parts)
        parts.append(PARAGRAPHS[i % len(PARAGRAPHS)].format(
            first=FIRST[i % len(FIRST)], last=LAST[i // len(FIRST) % len(LAST)],
            place=PLACES[i // 7 % len(PLACES)]) + f" ({i + 1}.)")
        total += len(parts[-1].encode()) + 2
    header = ("Title: Ein Artikel so lang wie ein Buch\nDate: 2026-11-24T10:00:00+01:00\nLang: de\n"
              "Source: DW\nSummary: Die NATO berät über die Lage in der Ukraine.\n\n")
    return header + "\n\n".join(parts) + "\n", parts[-1]


NEIGHBOURS = {  # two ordinary articles on the same topics, so the big one's tags have pages
    "nato-berät.md": "Title: NATO berät über die Ukraine\nDate: 2026-11-23T09:00:00+01:00\nLang: de\n"
                     "Source: DW\nSummary: Die Außenminister der NATO beraten.\n\nDie Außenminister der NATO "
                     "haben in Brüssel über die Ukraine beraten. Russland müsse seine Truppen abziehen, "
                     "sagte die Sprecherin. Präsident Wladimir Putin wies das zurück.\n",
    "eu-sanktionen.md": "Title: EU verschärft Sanktionen gegen Russland\nDate: 2026-11-22T09:00:00+01:00\n"
                        "Lang: de\nSource: DW\nSummary: Die Europäische Union will Sanktionen.\n\n"
                        "Die Europäische Union will ihre Sanktionen gegen Russland verschärfen. Angela Merkel "
                        "sprach sich dafür aus; die NATO und die Ukraine begrüßten das.\n",
}


def _build(root: Path, size: int) -> tuple[Path, str, float]:
    content = root / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    shutil.copyfile(ROOT / "content" / "tags.toml", content / "tags.toml")
    for hand_written in (HERE / "content").glob("*.md"):
        shutil.copyfile(hand_written, content / "articles" / hand_written.name)
    for name, text in NEIGHBOURS.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    text, last = article(size)
    (content / "articles" / "sehr-lang.md").write_text(text, encoding="utf-8")
    start = os.times()
    build(content, root / "output", {"CACHE_PATH": str(root / "cache")})  # no 20 MB cache left behind
    end = os.times()
    cpu = (end.children_user - start.children_user) + (end.children_system - start.children_system)
    return root / "output", last, cpu


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    small = _build(tmp_path_factory.mktemp("article-2mb"), 2 * MIB)
    large = _build(tmp_path_factory.mktemp("article-20mb"), 20 * MIB)
    return small, large


def test_a_20_mb_article_builds_in_linear_time(sites):
    (_, _, small_cpu), (_, _, large_cpu) = sites
    assert large_cpu < CPU_LIMIT_20MB, large_cpu
    assert large_cpu < LINEAR_RATIO_LIMIT * small_cpu, (small_cpu, large_cpu)


def test_the_20_mb_article_is_published_whole_tagged_and_searchable(sites):
    _, (output, last, _) = sites
    page = (output / "articles" / "ein-artikel-so-lang-wie-ein-buch.html").read_text(encoding="utf-8")
    assert len(page) > 20 * MIB and f"<p>{last}</p>" in page
    assert page.rstrip().endswith("</html>")
    tags = _tags(page)
    assert len(tags & {"nato", "ukraine", "russland", "eu", "wladimir-putin", "angela-merkel"}) >= 2, tags
    for tag in tags:
        assert (output / "tag" / f"{tag}.html").is_file()
    search = [p for p in (output / "search").rglob("*") if p.is_file()]
    assert any("ein-artikel-so-lang-wie-ein-buch" in p.read_text(encoding="utf-8", errors="replace")
               for p in search if p.stat().st_size < 50 * MIB)


def _tags(page: str) -> set[str]:
    return set(re.findall(r'href="[^"]*/tag/([^"/]+)\.html"[^>]*rel="tag"', page))


def test_caches_and_pages_get_the_umask_s_mode(sites):
    _, (output, _, _) = sites
    umask = os.umask(0)
    os.umask(umask)
    caches = [p for p in (output.parent / "cache").rglob("*") if p.is_file()]
    assert any(p.parent.name == "autotag" for p in caches)
    written = [*caches, *output.rglob("*.html"), *(output / "search").rglob("*")]  # not copies of theme files
    assert {oct(p.stat().st_mode & 0o777) for p in written if p.is_file()} == {oct(0o666 & ~umask)}


def test_only_the_article_s_own_page_carries_its_body(sites):
    _, (output, _, _) = sites
    listing = []
    for path in output.rglob("*.html"):
        if path.name == "ein-artikel-so-lang-wie-ein-buch.html":
            continue
        text = path.read_text(encoding="utf-8")
        assert len(text) < MIB, path
        if "/articles/ein-artikel-so-lang-wie-ein-buch.html" in text and "<time" in text:
            listing.append(path.relative_to(output).as_posix())
    assert {"sources/dw.html", "archives/2026/11/24/index.html"} <= set(listing), listing
