"""Warnings (not problems) for legal pages that still show the theme's placeholders.

The theme marks every setting it could not fill on the Impressum and the
privacy page with `data-placeholder="<setting>"`; a site can be built and
previewed with them, but should not be published so.

    python -m site_check.legal OUTPUTDIR   prints the warnings, exits 0
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r'data-placeholder="([A-Za-z_]+)"')


def placeholder_warnings(site: Path) -> list[str]:
    """One line per page of `site` whose legal text still has placeholders, naming the settings."""
    warnings = []
    for page in sorted(site.glob("*.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        names = sorted(set(PLACEHOLDER.findall(text)))
        if names:
            warnings.append(f"warning: {page}: placeholders remain in this legal page: LEGAL[{', '.join(names)}]"
                            " (set LEGAL in pelicanconf.py before publishing)")
    return warnings


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for line in placeholder_warnings(Path(args[0] if args else "output")):
        print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
