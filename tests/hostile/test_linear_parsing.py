"""The converter's hand-written parsers equal the patterns they replace, and stay linear.

The old patterns (kept here as the oracle) backtracked: a 2 MB lead of
`") Aus "` or an image line of `](a` repeated took minutes.
"""

import html
import re
import time

from hypothesis import example, given, settings
from hypothesis import strategies as st

from seed_converter.byline import find_byline
from seed_converter.markdown_text import escape_markdown
from seed_converter.decode import decode_seed
from seed_converter.seed import normalize_line, split_image_line

OLD_BYLINE = re.compile(r"(?:^|(?<=[.!?…“”\"»«)]) )Aus (?P<words>[^.!?…]+)\.$")
OLD_INLINE = re.compile(r"([\\`*_{}\[\]])")
OLD_IMAGE_LINE = re.compile(r'!\[(?P<alt>.*)\]\((?P<url>\S+?)(?:\s+"[^"]*")?\)')


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('Aus .!?…"»)x')), max_size=40))
def test_byline_is_found_where_the_old_pattern_found_it(lead):
    match = OLD_BYLINE.search(lead)
    assert find_byline(lead) == ((match.start(), match["words"]) if match else None)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('![]( )"a\t\u00a0')), max_size=24))
def test_image_line_splits_as_the_old_pattern_split_it(text):
    for line in (text, "![" + text, "![" + text + ")"):
        match = OLD_IMAGE_LINE.fullmatch(line)
        assert split_image_line(line) == ((match["alt"], match["url"]) if match else None)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\\`*_{}[]a <&#1.")), max_size=20))
def test_inline_markers_are_escaped_as_the_old_pattern_escaped_them(text):
    text = "x" + text  # no block marker at the start: only the inline escaping applies
    assert escape_markdown(text) == OLD_INLINE.sub(r"\\\1", html.escape(text, quote=False))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \t\f\v\xa0a")), max_size=16))
def test_lines_fold_as_the_pattern_alone_folded_them(line):
    from seed_converter.seed import _SPACES

    assert normalize_line(line) == _SPACES.sub(" ", line).strip()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([b"a", b"\xc3\xa4", b"\xff", b"\xe4", b"\xe2\x80\x9e", b" "]), max_size=12))
def test_a_file_stays_utf8_while_its_good_multibyte_characters_outnumber_its_bad_bytes(parts):
    data = b"x" + b"".join(parts)
    text = decode_seed(data).text
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    multibyte = sum(1 for c in lenient if ord(c) > 0x7F) - bad
    assert (text == lenient) == (multibyte >= bad or bad == 0)


def _seconds(function, text: str) -> float:
    start = time.process_time()
    function(text)
    return time.process_time() - start


def test_multi_megabyte_adversarial_lines_take_linear_time():
    """2 MB of each pattern's worst case: well under a second each (the old patterns never finished)."""
    cases = [
        (find_byline, '") Aus ' * 300_000 + "."),
        (find_byline, "Aus " * 500_000 + "x."),
        (split_image_line, "![" + "](a" * 700_000),
        (split_image_line, "![" + "](a" * 700_000 + ")"),
        (split_image_line, "![" + '](a "' * 400_000 + '")'),
    ]
    for function, text in cases:
        assert len(text) >= 2_000_000
        assert _seconds(function, text) < 1.0, (function.__name__, text[:20])


def _project_markdown():
    import markdown

    return markdown.Markdown(extensions=["markdown.extensions.extra", "markdown.extensions.meta"],
                             output_format="html5")


@settings(max_examples=20, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\\`*_{}[]()<>&#!:~|=-+1. aä\"'")), min_size=1, max_size=30))
@example("  ")  # white space only: the paragraph folds to half its length
def test_a_long_paragraph_renders_as_its_escaped_markdown_would(unit):
    from seed_converter.markdown_text import LONG_PARAGRAPH, markdown_paragraph

    text = ("x" + unit) * (LONG_PARAGRAPH // (len(unit) + 1) + 1)
    text = " ".join(text.split())  # a seed paragraph: folded, stripped
    while len(text) <= LONG_PARAGRAPH:  # a unit of white space folds to one space: still long
        text = f"{text} {text}"
    raw, escaped = markdown_paragraph(text), escape_markdown(text)
    assert raw.startswith("<p>")
    header = "Title: t\n\n"  # as in an article: the body follows the metadata
    assert _project_markdown().convert(header + raw) == _project_markdown().convert(header + escaped)


def test_two_megabytes_of_markup_and_entities_build_in_linear_time():
    """The converter's article for 2 MB of markup characters renders in seconds (escaped inline, hours)."""
    from seed_converter.article import ArticleFacts, render_article
    from seed_converter.seed import parse_seed

    markup = "*fett* _kursiv_ [link](x) <b>html</b> `code` {x} \\ # 1. & a < b "
    seed = parse_seed("Markup\nDW\n" + markup * 30_000 + "\n" + markup * 30_000)
    facts = ArticleFacts("markup", "2022-01-01T10:00:00+01:00", "de", "seeds/m.txt", "sha256:0")
    document = render_article(seed, facts)
    assert len(document) > 4_000_000
    start = time.process_time()
    md = _project_markdown()
    html_out = md.convert(document)
    summary = _project_markdown().convert(md.Meta["summary"][0])
    assert time.process_time() - start < 10.0
    assert html_out.count("<b>") == 0 and html_out.startswith("<p>*fett* _kursiv_ [link](x) &lt;b&gt;")
    assert summary.startswith("<p>*fett*")
