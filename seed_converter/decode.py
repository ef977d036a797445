"""Bytes of a seed file to clean text, or a SeedError saying why not."""

import re

from .errors import SeedError

_BOM = b"\xef\xbb\xbf"
# C0 and C1 control characters other than tab, newline, carriage return,
# form feed and vertical tab: a file holding them is not text.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def decode_seed(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), else Windows-1252; LF line ends."""
    if b"\x00" in data:
        raise SeedError("not a text file (contains NUL bytes)")
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise SeedError(
                f"not a text file (byte 0x{data[exc.start]:02x} at offset {exc.start} "
                "is neither UTF-8 nor Windows-1252)") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise SeedError(f"not a text file (control character U+{ord(bad.group()):04X} on line {line})")
    return text
