"""The built theme passes the Nu HTML Checker and has no broken internal link or fragment.

The checks are the ones `make check` runs (site_check), applied to the theme's test site.
"""

from pathlib import Path

from site_check.html_validator import validate_html
from site_check.links import check_links

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_nu_html_checker_reports_no_errors(site):
    assert [str(p) for p in validate_html(site, VNU)] == []


def test_no_broken_internal_links(site):
    assert [str(p) for p in check_links(site)] == []
