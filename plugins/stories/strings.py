"""The stories' words on the pages, in German and English (the site's DEFAULT_LANG chooses)."""

from __future__ import annotations

STRINGS = {
    "de": {
        "more": "Mehr zu dieser Meldung",
        "also_at": "auch bei",
        "top": "Top-Meldungen",
        "sources": "{0} Quellen",
        "reports": "{0} Berichte",
        "all_reports": "Alle {0} Berichte zu dieser Meldung",
        "story_title": "Meldung: {0}",
        "story_intro": "{0} Berichte von {1}, in zeitlicher Reihenfolge.",
        "story_feed": "Feed dieser Meldung (Atom)",
        "and": "und",
    },
    "en": {
        "more": "More on this story",
        "also_at": "also at",
        "top": "Top stories",
        "sources": "{0} sources",
        "reports": "{0} reports",
        "all_reports": "All {0} reports on this story",
        "story_title": "Story: {0}",
        "story_intro": "{0} reports from {1}, oldest first.",
        "story_feed": "This story's feed (Atom)",
        "and": "and",
    },
}


def strings_for(lang: str) -> dict[str, str]:
    return STRINGS.get((lang or "de")[:2], STRINGS["de"])
