"""Bytes of a seed file to clean text (and warnings), or a SeedError saying why not.

UTF-8 is the seed format's encoding. A UTF-8 file with a few bad bytes stays
UTF-8: each bad byte becomes U+FFFD and a warning names its offset. Windows-1252
is used only when the file is clearly not UTF-8 (its bad bytes outnumber its
well-formed multi-byte sequences). UTF-16 is read when it starts with a byte
order mark; other encodings are refused by name.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from .errors import SeedError

_UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
# C0 and C1 control characters other than tab, newline, carriage return,
# form feed and vertical tab: a file holding them is not text.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SHOWN_OFFSETS = 3


class Decoded(NamedTuple):
    text: str
    warnings: tuple[str, ...] = ()


class _BadBytes:
    """The `seed-replace` error handler's findings: how many bad sequences, and where the first were."""

    count = 0
    offsets: list[int] = []


def _replace_and_record(error: UnicodeDecodeError) -> tuple[str, int]:
    _BadBytes.count += 1
    if len(_BadBytes.offsets) < _SHOWN_OFFSETS:
        _BadBytes.offsets.append(error.start)
    return "\ufffd", error.end


codecs.register_error("seed-replace", _replace_and_record)


def _utf8_with_replacements(data: bytes) -> tuple[str, int, list[int]]:
    """UTF-8 text with U+FFFD for each bad sequence; their number and first offsets."""
    _BadBytes.count, _BadBytes.offsets = 0, []
    text = data.decode("utf-8", errors="seed-replace")
    return text, _BadBytes.count, _BadBytes.offsets


def _offsets(offsets: list[int], count: int, data: bytes) -> str:
    shown = ", ".join(f"0x{data[o]:02x} at byte offset {o}" for o in offsets)
    more = count - len(offsets)
    return shown + (f" and {more} more" if more > 0 else "")


def _unicode(data: bytes) -> tuple[str, tuple[str, ...]]:
    if data.startswith(_UTF32_BOMS):
        raise SeedError("UTF-32 text (byte order mark): save the seed as UTF-8")
    for bom, codec in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), ()
            except UnicodeDecodeError as error:
                raise SeedError(f"starts with a UTF-16 byte order mark but is not UTF-16 "
                                f"(byte offset {error.start + len(bom)}): save the seed as UTF-8") from None
    if b"\x00" in data:
        if len(data) >= 4 and (data[1::2].count(0) > len(data) // 4 or data[0::2].count(0) > len(data) // 4):
            raise SeedError("looks like UTF-16 without a byte order mark: save the seed as UTF-8")
        raise SeedError("not a text file (contains NUL bytes)")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    text, bad, offsets = _utf8_with_replacements(data)
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad  # non-ASCII characters, not U+FFFD
    if multibyte >= bad:
        noun = "sequence" if bad == 1 else "sequences"
        return text, (f"not valid UTF-8: {bad} bad byte {noun} replaced with U+FFFD "
                      f"({_offsets(offsets, bad, data)})",)
    try:
        return data.decode("cp1252"), (f"not UTF-8: read as Windows-1252 (first non-UTF-8 byte "
                                       f"{_offsets(offsets[:1], 1, data)})",)
    except UnicodeDecodeError as error:
        raise SeedError(f"not a text file (byte 0x{data[error.start]:02x} at offset {error.start} "
                        "is neither UTF-8 nor Windows-1252)") from None


def decode_seed(data: bytes) -> Decoded:
    """Decode a seed's bytes; LF line ends; warnings for anything that was repaired."""
    text, warnings = _unicode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise SeedError(f"not a text file (control character U+{ord(bad.group()):04X} on line {line})")
    return Decoded(text, warnings)
