"""Read Markdown with one Python-Markdown instance per build instead of one per file.

Pelican's MarkdownReader builds a new `Markdown` (its extensions, parsers and
patterns) for every file: about a fifth of reading an article. Markdown's own
`reset()` exists to convert many documents with one instance, so this reader
keeps two: one for documents (with the meta extension) and one for formatted
metadata fields such as `Summary` (without it, as Pelican does). The HTML and
metadata are the stock reader's (tests/markdown/test_fast_markdown.py).

It also reads the dates the converter writes (`2026-11-25T15:43:39+01:00`)
without dateutil's general parser, which Pelican calls for every `Date`
(a twentieth of a build); the same datetime, tz object included, and any
other form still goes to Pelican.

And it keeps Python-Markdown linear in the number of paragraphs: its block
processors take each block off the front of a plain list (`pop(0)`) and put
the rest back (`insert(0, rest)`), each a move of every block after it, so a
document of n blocks costs n * n (100,000 one-line paragraphs: 14 s; 400,000,
as a 1 MiB seed of short lines gives: minutes). Its parser here hands them a
BlockQueue instead, where both are constant time; the HTML is the same.
"""

from __future__ import annotations

import logging
import re

from dateutil.tz import tzoffset
from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime, pelican_open

from site_check.dates import DATE_FIELDS, usable_date

logger = logging.getLogger(__name__)
# The priority markdown.extensions.meta registers its preprocessor with (documented there).
_META_PRIORITY = 27
# ISO dates with a time and a non-zero offset; dateutil reads `+00:00` and `Z` as tzutc().
_ISO_WITH_OFFSET = re.compile(r"(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?([+-])(\d\d):(\d\d)")


def iso_date(value: str) -> SafeDatetime | None:
    """`value` as pelican.utils.get_date reads it, when it is an ISO date with an offset; else None."""
    match = _ISO_WITH_OFFSET.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute, second, sign, off_h, off_m = match.groups()
    offset = (int(off_h) * 60 + int(off_m)) * 60
    if offset == 0:
        return None
    try:
        return SafeDatetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0),
                            tzinfo=tzoffset(None, offset if sign == "+" else -offset))
    except ValueError:  # 2026-02-30 and the like: let Pelican say so
        return None


class BlockQueue:
    """The blocks Python-Markdown's block processors still have to parse, the first one last.

    The processors use a list of blocks only through `while blocks`, `blocks[0]`,
    `blocks.pop(0)` and `blocks.insert(0, block)`; kept back to front, each is
    constant time. Indexes count from the front, as in the list it replaces;
    anything else a list could do fails loudly instead of going wrong.
    """

    __slots__ = ("_back_to_front",)

    def __init__(self, blocks: list[str]):
        self._back_to_front = blocks[::-1]

    def __len__(self) -> int:
        return len(self._back_to_front)

    def __getitem__(self, index: int) -> str:
        return self._back_to_front[self._position(index)]

    def pop(self, index: int = -1) -> str:
        return self._back_to_front.pop(self._position(index))

    def insert(self, index: int, block: str) -> None:
        if index < 0:
            raise IndexError("BlockQueue.insert counts from the front")
        self._back_to_front.insert(max(0, len(self._back_to_front) - index), block)

    def _position(self, index: int) -> int:
        if not isinstance(index, int):
            raise TypeError(f"BlockQueue indexes are whole numbers, not {type(index).__name__}")
        return -1 - index  # front index i is the (i + 1)-th from the end, and the other way round


def linear_markdown(**config) -> Markdown:
    """A `Markdown` whose block parser works through a BlockQueue: linear in the number of blocks."""
    md = Markdown(**config)
    parse_blocks = md.parser.parseBlocks

    def parse_chunk(parent, text: str) -> None:  # BlockParser.parseChunk, with a BlockQueue
        parse_blocks(parent, BlockQueue(text.split("\n\n")))

    md.parser.parseChunk = parse_chunk
    return md


class ReusingMarkdownReader(MarkdownReader):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._document_md: Markdown | None = None
        self._fields_md: Markdown | None = None
        self._meta_preprocessor = None

    def read(self, source_path):
        if self._document_md is None:
            self._document_md = linear_markdown(**self.settings["MARKDOWN"])
            self._fields_md = linear_markdown(**self.settings["MARKDOWN"])
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

    def process_metadata(self, name, value):
        if name in DATE_FIELDS and isinstance(value, str):
            date = iso_date(value) if name == "date" else None
            # The date rule make check applies: an unusable date fails this file, naming it
            # and (Pelican itself only says "Could not process") the reason.
            try:
                return usable_date(date or super().process_metadata(name, value), value, name)
            except ValueError as error:
                logger.error("%s: %s", self._source_path, error)
                raise
        return super().process_metadata(name, value)


def use_reusing_reader(readers) -> None:
    for extension in MarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = ReusingMarkdownReader


def register():
    signals.readers_init.connect(use_reusing_reader)
