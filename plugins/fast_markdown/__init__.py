"""Read Markdown with one Python-Markdown instance per build instead of one per file.

Pelican's MarkdownReader builds a new `Markdown` (its extensions, parsers and
patterns) for every file: about a fifth of reading an article. Markdown's own
`reset()` exists to convert many documents with one instance, so this reader
keeps two: one for documents (with the meta extension) and one for formatted
metadata fields such as `Summary` (without it, as Pelican does). The HTML and
metadata are the stock reader's (tests/markdown/test_fast_markdown.py).
"""

from __future__ import annotations

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

# The priority markdown.extensions.meta registers its preprocessor with (documented there).
_META_PRIORITY = 27


class ReusingMarkdownReader(MarkdownReader):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._document_md: Markdown | None = None
        self._fields_md: Markdown | None = None
        self._meta_preprocessor = None

    def read(self, source_path):
        if self._document_md is None:
            self._document_md = Markdown(**self.settings["MARKDOWN"])
            self._fields_md = Markdown(**self.settings["MARKDOWN"])
            self._meta_preprocessor = self._fields_md.preprocessors["meta"]
        self._source_path = source_path
        document = self._document_md.reset()
        with pelican_open(source_path) as text:
            content = document.convert(text)
        # _parse_metadata converts the formatted fields with self._md after
        # taking its meta preprocessor out; give it back for the next file.
        self._md = self._fields_md
        if "meta" not in self._md.preprocessors:
            self._md.preprocessors.register(self._meta_preprocessor, "meta", _META_PRIORITY)
        return content, self._parse_metadata(document.Meta)


def use_reusing_reader(readers) -> None:
    for extension in MarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = ReusingMarkdownReader


def register():
    signals.readers_init.connect(use_reusing_reader)
