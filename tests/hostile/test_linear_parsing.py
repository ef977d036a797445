"""The converter's hand-written parsers equal the patterns they replace, and stay linear.

The old patterns (kept here as the oracle) backtracked: a 2 MB lead of
`") Aus "` or an image line of `](a` repeated took minutes.
"""

import html
import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from seed_converter.byline import find_byline
from seed_converter.markdown_text import escape_markdown
from seed_converter.seed import split_image_line

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
