"""The term → display-form table of the typo fallback (theme/static/search/search-fuzzy.js).

A corrected query names the word as readers know it: for every index term,
the surface form it most often comes from in the indexed fields
(`luftwaffenbasis` → `Luftwaffenbasis`, `regier` → `Regierung`). Ties go to
the form that sorts first, so builds are deterministic.

The table is keyed by term, so it does not depend on how the index is laid
out or split. Per language it is one string of lines, sorted by term:

    <p><rest>[TAB<code>]

`p` is chr(48 + n): the term shares its first n characters with the line
before, `rest` is the remainder. `code` gives the form from the term:

    no TAB    the term itself              (gewinnt)
    "en"      the term plus a suffix       (spiel → spielen)
    "^ung"    capitalised, plus a suffix   (regier → Regierung)
    "%^2|e"   umlauts at these positions of the term (a/o/u → ä/ö/ü),
              capitalised if "^", plus a suffix (fluchtling → Flüchtlinge)
    "=NATO"   the whole form                (nato → NATO)

Terms whose form is just the term capitalised (`luftwaffenbasis`), a third of
all, have no line: that is what a missing term means. Terms with anything
but letters (numbers, `innsbruck/eisenstadt`) have no line either: they are
shown capitalised. Fetched only when a fallback happens (docs/search.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .analysis import SurfaceForm
from .pipelines import trim

FORMAT_VERSION = 1
CAPITALISED = "^"
_UMLAUT = {"a": "ä", "o": "ö", "u": "ü"}
MAX_SHARED = 40  # longest prefix one line shares with the one before


def display_forms(surface_forms: Iterable[SurfaceForm]) -> dict[str, str]:
    """Index term → its most frequent surface form, from each word's
    occurrences as written in the indexed fields (analysis.py)."""
    by_term: dict[str, dict[str, int]] = {}
    for term, word, count in surface_forms:
        forms = by_term.setdefault(term, {})
        form = trim(word)
        forms[form] = forms.get(form, 0) + count
    return {term: min(forms, key=lambda form: (-forms[form], form)) for term, forms in by_term.items()}


def _umlauts(term: str, form: str) -> str | None:
    """The "%" code of `form`, if it is `term` with umlauts restored (and
    perhaps capitalised) plus a suffix."""
    head, suffix = form[:len(term)], form[len(term):]
    positions = _positions(head)
    if any(term[i] not in _UMLAUT for i in positions):
        return None
    restored = "".join(_UMLAUT[c] if i in positions else c for i, c in enumerate(term))
    capitalised = head[:1] != head[:1].lower()
    if (restored[:1].upper() + restored[1:] if capitalised else restored) != head:
        return None
    return "%" + ("^" if capitalised else "") + ",".join(map(str, sorted(positions))) + "|" + suffix


def _positions(head: str) -> set[int]:
    return {i for i, c in enumerate(head) if c.lower() in "äöü"}


def encode(term: str, form: str) -> str:
    """`form` coded against `term` (see the module docstring); search-fuzzy.js'
    displayForm decodes it."""
    capitalised = term[:1].upper() + term[1:]
    if form.startswith(term) and not form[len(term):].startswith(("^", "=", "%")):
        return form[len(term):]
    if form.startswith(capitalised):
        return CAPITALISED + form[len(capitalised):]
    return _umlauts(term, form) or "=" + form


def _shared(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a[:MAX_SHARED], b):
        if x != y:
            break
        n += 1
    return n


def front_coded(terms: Iterable[str]) -> str:
    """`terms` (sorted) as lines `<p><rest>` coded as the table's keys are:
    the term list of an index (terms.<hash>.json), read by search-core.js."""
    lines, previous = [], ""
    for term in terms:
        shared = _shared(previous, term)
        lines.append(chr(48 + shared) + term[shared:])
        previous = term
    return "\n".join(lines)


def display_table(forms: Mapping[str, str]) -> str:
    """The table of one language (see the module docstring)."""
    lines, previous = [], ""
    for term in sorted(forms):
        code = encode(term, forms[term])
        if code == CAPITALISED or not term.isalpha():
            continue
        shared = _shared(previous, term)
        lines.append(chr(48 + shared) + term[shared:] + (f"\t{code}" if code else ""))
        previous = term
    return "\n".join(lines)


def display_json(tables: Mapping[str, str]) -> dict:
    """The content of `display.<hash>.json`, from each index language's table."""
    return {"version": FORMAT_VERSION, "forms": dict(tables)}
