import re

import pytest

from seed_converter.decode import decode_seed
from seed_converter.errors import SeedError
from seed_converter.seed import parse_seed

SEED = "![Alt text](https://example.org/a.jpg)\nHeadline\nDW\nThe lead.\nFirst paragraph.\nSecond paragraph."


def test_parses_all_parts():
    seed = parse_seed(SEED)
    assert seed.image_url == "https://example.org/a.jpg"
    assert seed.image_alt == "Alt text"
    assert (seed.headline, seed.source, seed.lead) == ("Headline", "DW", "The lead.")
    assert seed.paragraphs == ("First paragraph.", "Second paragraph.")


def test_image_line_is_optional():
    seed = parse_seed("Headline\nDW\nLead.\nBody.")
    assert seed.image_url is None and seed.image_alt is None
    assert seed.headline == "Headline"


def test_blank_lines_and_surrounding_whitespace_are_ignored():
    seed = parse_seed("\n\n  Headline  \n\n\t DW\n\n\nLead   with  gaps.\n \n Body\tpara. \n\n")
    assert (seed.headline, seed.source, seed.lead, seed.paragraphs) == (
        "Headline", "DW", "Lead with gaps.", ("Body para.",))


def test_no_break_space_inside_text_is_kept():
    assert parse_seed("H\nDW\n10\u00a0Prozent.").lead == "10\u00a0Prozent."


@pytest.mark.parametrize("data", [
    b"Headline\r\nDW\r\nLead.\r\nBody.",
    b"\xef\xbb\xbfHeadline\nDW\nLead.\nBody.",
    b"Headline\rDW\rLead.\rBody.",
])
def test_line_ends_and_byte_order_mark(data):
    seed = parse_seed(decode_seed(data).text)
    assert seed.headline == "Headline" and seed.paragraphs == ("Body.",)


def test_windows_1252_is_decoded_when_not_utf8():
    data = "Gespräche über Öl\nDW\n„Zitat“ – Lead.\nBody €.".encode("cp1252")
    seed = parse_seed(decode_seed(data).text)
    assert seed.headline == "Gespräche über Öl"
    assert seed.lead == "„Zitat“ – Lead."
    assert seed.paragraphs == ("Body €.",)


def test_utf8_wins_over_windows_1252():
    assert decode_seed("Straße".encode("utf-8")).text == "Straße"


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b"  \n\t\n \r\n", "only whitespace"),
    (b"Just a headline\n", "only a headline"),
    (b"![Alt](https://example.org/a.jpg)\n", "only an image line"),
    (b"Headline\nDW\n", "no lead"),
    (b"Head\x00line\nDW\nLead.", "NUL bytes"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "NUL bytes"),
    (b"Headline\nDW\nLead \x1b[31m red.", "control character U+001B"),
    (b"\x81\x8d\x8f not text", "neither UTF-8 nor Windows-1252"),
    (b"![broken(https://x.org/a.jpg)\nHeadline\nDW\nLead.", "not `![ALT](URL)`"),
    (b"Headline\n" + b"A lead that went into the source line because the scraper lost it. " * 2 + b"\nMore.",
     "should name the source"),
])
def test_bad_input_gets_a_clear_error(data, problem):
    with pytest.raises(SeedError, match=re.escape(problem)):
        parse_seed(decode_seed(data).text)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:image/png;base64,AAAA", "ftp://x.org/a.jpg",
                                 "//x.org/a.jpg", "JaVaScRiPt:alert(1)"])
def test_image_accepts_only_web_urls(url):
    seed = parse_seed(f"![Alt]({url})\nHeadline\nDW\nLead.")
    assert seed.image_url is None and seed.image_alt is None
    assert seed.headline == "Headline"
    assert "only https" in seed.warnings[0]


def test_image_without_alt_text_uses_headline():
    seed = parse_seed("![](https://x.org/a.jpg)\nHeadline\nDW\nLead.")
    assert seed.image_alt == "Headline"
