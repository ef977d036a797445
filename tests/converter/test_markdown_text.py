import html

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings, strategies as st

from seed_converter.article import ArticleFacts, is_hand_edited, read_metadata, render_article
from seed_converter.decode import decode_seed
from seed_converter.errors import SeedError
from seed_converter.markdown_text import escape_markdown
from seed_converter.seed import normalize_line, parse_seed
from tests.support.site import ROOT


def _markdown() -> markdown.Markdown:
    """Markdown exactly as pelicanconf.py configures it for Pelican."""
    path = ROOT / "pelicanconf.py"
    namespace: dict = {"__file__": str(path)}
    exec(path.read_text(), namespace)
    config = namespace["MARKDOWN"]
    return markdown.Markdown(extensions=list(config["extension_configs"]),
                             extension_configs=config["extension_configs"],
                             output_format=config["output_format"])


DOCUMENT_MD = _markdown()
FIELD_MD = _markdown()
FIELD_MD.preprocessors.deregister("meta")  # as Pelican renders Summary


def rendered_paragraphs(source: str, md: markdown.Markdown = FIELD_MD) -> list[str]:
    md.reset()
    soup = BeautifulSoup(md.convert(source), "html.parser")
    assert [child.name for child in soup.find_all(recursive=False)] == ["p"] * len(soup.find_all(recursive=False))
    return [p.get_text() for p in soup.find_all("p", recursive=False)]


@pytest.mark.parametrize("text", [
    "# not a heading", "## neither", "* not a list", "- not a list", "+ not a list", "1. not a list",
    "2014. Jahr", "> not a quote", "<script>alert(1)</script>", "<b>bold?</b> no", "_under_ and *star*",
    "`code`", "[link](javascript:alert(1))", "![img](https://x.org/a.jpg)", "<https://example.org>",
    "---", "***", "___", ": definition?", "~~~", "```", "| a | b |", "=== setext?", "AT&T &amp; &lt;",
    "back\\slash \\*", "{: .class}", "Term\n", "*[HTML]: Hyper", "[^1]: note", "[id]: https://x.org",
    "a  b   c", "trailing two spaces  ", "    four spaces indent", "\tTab start", "!important",
])
def test_markdown_syntax_renders_as_the_characters(text):
    expected = normalize_line(text)
    assert rendered_paragraphs(escape_markdown(expected)) == [expected]


def test_javascript_url_never_becomes_a_link():
    FIELD_MD.reset()
    out = FIELD_MD.convert(escape_markdown("[klick](javascript:alert(1)) <javascript:alert(1)>"))
    assert "<a" not in out and "href" not in out


FACTS = ArticleFacts(slug="s", date="2022-01-07T10:00:00+01:00", lang="de",
                     seed_path="seeds/x.txt", seed_hash="sha256:0")


def render(seed_text: str) -> str:
    return render_article(parse_seed(seed_text), FACTS)


# Plain text, and text made mostly of the characters Markdown and HTML care about.
MARKUP_HEAVY = st.text(alphabet=st.sampled_from(list("#*_`[]<>()!-+.:~|=\\{}^ 1aÄ\t&;/\"'")) | st.characters(exclude_categories=("Cs",)))
LINES = st.lists(st.text() | MARKUP_HEAVY, min_size=0, max_size=8)


@settings(max_examples=500, deadline=None)
@given(LINES, st.booleans())
def test_any_text_converts_faithfully_or_fails_clearly(lines, as_cp1252):
    """For any text the converter renders the same paragraphs, or says why not."""
    text = "\n".join(lines)
    try:
        data = text.encode("cp1252") if as_cp1252 else text.encode("utf-8")
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    try:
        seed = parse_seed(decode_seed(data).text)
    except SeedError as problem:
        assert str(problem)
        return
    document = render_article(seed, FACTS)
    meta = read_metadata(document)
    assert html.unescape(meta["title"]) == seed.headline
    assert rendered_paragraphs(meta["summary"]) == [seed.lead]
    assert rendered_paragraphs(document, DOCUMENT_MD) == list(seed.paragraphs)
    assert not is_hand_edited(document, meta)


def test_hand_edits_are_detected():
    document = render("Headline\nDW\nLead.\nBody.")
    meta = read_metadata(document)
    assert not is_hand_edited(document, meta)
    edited = document.replace("Body.", "Body, edited.")
    assert is_hand_edited(edited, read_metadata(edited))
    no_hash = "\n".join(l for l in document.split("\n") if not l.startswith("Output-Hash"))
    assert is_hand_edited(no_hash, read_metadata(no_hash))


def test_title_is_html_escaped_and_metadata_complete():
    document = render("![A <b>](https://x.org/a.jpg)\n<script>alert(1)</script> & Co\nDW\nLead.\nBody.")
    meta = read_metadata(document)
    assert meta["title"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"
    assert meta["image-alt"] == "A <b>"
    assert set(meta) >= {"title", "slug", "date", "lang", "source", "summary", "image", "image-alt",
                         "seed", "seed-hash", "output-hash"}
