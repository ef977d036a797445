"""The reusing Markdown reader gives exactly what Pelican's own reader gives, file after file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.readers import MarkdownReader, Readers
from pelican.settings import read_settings

from fast_markdown import ReusingMarkdownReader, iso_date, use_reusing_reader
from site_check.dates import usable_date
from tests.support.scaling import linear_bound, timings
from tests.support.site import ROOT

DOCS = {
    "footnotes.md": "Title: Eins\nDate: 2026-11-01 10:00\nSummary: Ein *Vorspann*[^a].\n\n"
                    "Text mit Fußnote[^a] und HTML.\n\n[^a]: Die Fußnote.\n",
    "abbr.md": "Title: Zwei\nDate: 2026-11-02\nTags: NATO, Russland\n\n"
               "Die NATO tagt.\n\n*[NATO]: Nordatlantikpakt\n",
    "table.md": "Title: Drei\nDate: 2026-11-03\nAuthors: A, B\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "looks-like-meta.md": "Title: Vier\nDate: 2026-11-04\nSummary: Ort: Wien\n\nZeit: heute\n\nText.\n",
    "no-metadata.md": "Nur Text, ohne Kopf.\n",
    "footnotes-again.md": "Title: Fünf\nDate: 2026-11-05\n\nZweite Fußnote[^a].\n\n[^a]: Andere.\n",
}


def read_all(reader, folder):
    return [reader.read(str(folder / name)) for name in [*DOCS, *DOCS]]  # every file twice, in turn


def test_same_html_and_metadata_as_pelicans_reader_in_any_order(tmp_path):
    for name, text in DOCS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    pelican_settings = read_settings(str(ROOT / "pelicanconf.py"))
    stock = read_all(MarkdownReader(pelican_settings), tmp_path)
    reused = read_all(ReusingMarkdownReader(pelican_settings), tmp_path)
    assert reused == stock
    # the cases that would show leaked state: footnotes, abbreviations, metadata of the previous file
    by_name = dict(zip([*DOCS, *DOCS], reused))
    assert "Die Fußnote" not in by_name["footnotes-again.md"][0]
    assert "<abbr" not in by_name["table.md"][0]
    assert by_name["no-metadata.md"][1] == {}
    assert str(by_name["looks-like-meta.md"][1]["summary"]) == "<p>Ort: Wien</p>"
    assert "Zeit: heute" in by_name["looks-like-meta.md"][0]


def test_the_plugin_replaces_only_pelicans_markdown_reader():
    pelican_settings = read_settings(str(ROOT / "pelicanconf.py"))
    readers = Readers(pelican_settings)  # pelicanconf.py lists fast_markdown, but the signal only fires once registered
    use_reusing_reader(readers)
    for extension in MarkdownReader.file_extensions:
        assert readers.reader_classes[extension] is ReusingMarkdownReader
    assert readers.reader_classes["html"] is not ReusingMarkdownReader


DATES = st.builds(
    "{:04d}-{:02d}-{:02d}{}{:02d}:{:02d}{}{}".format,
    st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32), st.sampled_from(["T", " ", "_", ""]),
    st.integers(0, 25), st.integers(0, 61), st.sampled_from(["", ":00", ":59", ":7"]),
    st.sampled_from(["+01:00", "-05:30", "+00:00", "Z", "", "+14:00", "-00:30", "+1:00"]),
)


@settings(max_examples=300, deadline=None)
@given(DATES)
def test_dates_read_as_pelican_reads_them_and_unusable_ones_refused(value):
    reader = ReusingMarkdownReader(read_settings(str(ROOT / "pelicanconf.py")))
    try:  # Pelican's reading, then the date rule the build shares with make check
        expected = usable_date(MarkdownReader.process_metadata(reader, "date", value), value)
    except ValueError:
        expected = ValueError
    try:
        got = reader.process_metadata("date", value)
    except ValueError:
        got = ValueError
    assert got == expected
    if got is not ValueError:
        assert type(got) is type(expected) and got.tzinfo == expected.tzinfo
        assert got.isoformat() == expected.isoformat() and got.tzname() == expected.tzname()


def test_the_converters_dates_take_the_fast_path():
    date = iso_date("2026-11-25T15:43:39+01:00")
    assert date is not None and date.isoformat() == "2026-11-25T15:43:39+01:00"
    assert iso_date("2026-11-25T15:43:39+00:00") is None  # dateutil's tzutc(), Pelican's way


_MARKDOWN_CONFIG = {"extensions": ["markdown.extensions.extra", "markdown.extensions.meta"], "output_format": "html5"}
BLOCKS = st.sampled_from([
    "Ein Absatz.", "Zwei\nZeilen.", "    eingerückter Code", "    Code\n\n    weiter", "> Zitat\nweiter",
    "> Zitat\n\n> zwei", "* eins\n* zwei", "1. eins\n2. zwei", "* Liste\n\n    mit Absatz", "# Titel",
    "Titel\n=====", "---", "Text[^a] mit Fußnote.", "[^a]: Die Fußnote.\n\n    zweiter Absatz",
    "*[NATO]: Nordatlantikpakt", "Die NATO tagt.", "Begriff\n:   Erklärung", "| a | b |\n|---|---|\n| 1 | 2 |",
    "<div markdown=\"1\">\n*innen*\n</div>", "<div>\nroh\n</div>", "```\numzäunt\n\n```", "[a]: https://example.org",
    "[Link][a]", "", " ", "\n", "Absatz {: #id }",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(BLOCKS, max_size=14), st.lists(st.sampled_from(["\n\n", "\n", "\n\n\n"]), min_size=14, max_size=14))
def test_the_block_queue_gives_the_html_of_python_markdowns_list(blocks, separators):
    from markdown import Markdown

    from fast_markdown import linear_markdown

    text = "".join(block + separator for block, separator in zip(blocks, separators))
    assert linear_markdown(**_MARKDOWN_CONFIG).convert(text) == Markdown(**_MARKDOWN_CONFIG).convert(text)


def test_many_paragraphs_take_linear_time():
    """Python-Markdown's own list makes this quadratic: 100,000 paragraphs 14 s, 400,000 minutes."""
    from fast_markdown import linear_markdown

    def run(count):
        html = linear_markdown(**_MARKDOWN_CONFIG).convert("Ein Satz.\n\n" * count)
        assert html.count("<p>") == count

    small, large = timings(run, 25_000, 100_000, tries=2)
    assert large < linear_bound(25_000, 100_000) * small, (small, large)
