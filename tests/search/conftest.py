"""One small site with the search plugin, built from seeds once per session,
served on 127.0.0.1, and a fresh Chromium page per test that records console problems."""

from __future__ import annotations

import pytest

from tests.support.browser import collect_console_problems, serve
from tests.support.site import ROOT, make_site
# The search with the theme's plugins, without tagging (the plugin adds its search page).
SEARCH_SETTINGS = {"PLUGINS": ["sources", "digest_theme", "lunr_search"]}

DW_SEED = "000_c591847d4ff4d1f0.txt"
SEEDS = {
    DW_SEED: (ROOT / "seeds" / DW_SEED).read_text(encoding="utf-8"),
    "010_ukraine.txt": (
        "Ukraine meldet neue Angriffe im Osten des Landes\nORF\n"
        "Die Armee der Ukraine berichtet von schweren Kämpfen bei Charkiw.\n"
        "Mehrere Dörfer seien unter Beschuss geraten, hieß es am Morgen aus Kiew.\n"),
    "011_nato.txt": (
        "NATO plant ein Manöver in Norwegen\nORF\n"
        "Die NATO übt im Frühjahr mit tausenden Soldaten im hohen Norden.\n"
        "Das Manöver soll die Verteidigung der Nordflanke proben, sagte ein Sprecher.\n"),
    "012_wien.txt": (
        "Rapid Wien gewinnt das Derby gegen die Austria\nderStandard\n"
        "Vor ausverkauftem Haus siegte Rapid in Wien mit zwei zu eins.\n"
        "Die Polizei meldete einen ruhigen Abend, die Politik lobte die Fans. "
        "Drei Prozent mehr Zuschauer als im Vorjahr kamen ins Stadion.\n"),
    "013_oesterreich.txt": (
        "Österreich verschärft die Regeln für Flüchtlinge\nderStandard\n"
        "Die Regierung in Österreich hat neue Regeln für Asylverfahren beschlossen.\n"
        "Flüchtlinge sollen schneller einen Bescheid bekommen, kündigte der Minister an.\n"),
    "014_muenchen.txt": (
        "Trump spricht in München über Zölle\nSZ\n"
        "Der frühere Präsident Donald Trump trat am Abend in München auf.\n"
        "Er sprach vor allem über Zölle und die Wirtschaft der USA.\n"),
    "015_script.txt": (
        "Warnung vor <script>alert(1)</script> in Webseiten\nheise\n"
        "Sicherheitsforscher warnen vor eingeschleusten Skripten in Webseiten.\n"
        "Betroffen seien vor allem veraltete Systeme, schreiben die Forscher.\n"),
    "017_gespraeche.txt": (
        "Gespräche über den Haushalt gehen weiter\nORF\n"
        "Die Gespräche der Koalition über das Budget dauern an.\n"
        "Eine Einigung sei noch nicht in Sicht, hieß es aus Verhandlerkreisen.\n"),
    "020_scripts.txt": (
        "Москва и Αθήνα: مرحبا بكم, שלום עולם, 北京欢迎你\nTASS\n"
        "Встреча в Москве прошла спокойно. Η συνάντηση στην Αθήνα.\n"
        "Die Delegationen trafen sich am Abend.\n"),
    "021_hausarrest.txt": (
        "Hausarrest für den Bürgermeister von Graz\nORF\n"
        "Das Gericht verhängte den Arrest im eigenen Haus bis zum Prozess.\n"
        "Die Verschwendung von Lebensmitteln in der Stadtküche war der Anlass, hieß es.\n"),
    "022_zahlen.txt": (
        "Sturm verliert 3:0 in Salzburg vor 1.400 Fans\nORF\n"
        "Die Grazer kassierten in der zweiten Hälfte drei Tore und eine Rote Karte.\n"
        "Der Verein hatte 2015 noch 1,6 Millionen Euro Gewinn gemacht.\n"),
    "023_karte.txt": (
        "Rote Zahlen und eine gelbe Karte für den Klub\nORF\n"
        "Die Bilanz ist rot, die Karte des Vereins gelb, die Stimmung trüb. Rote Zahlen, Karte, Karte.\n"
        "Der Vorstand will sparen.\n"),
    "024_unsichtbar.txt": (
        "Der Bundes\u200btag berät über das Budget\nDW\n"
        "Die Abgeordneten des Bundes\u200btags streiten über die Schulden.\n"
        "Eine Einigung ist nicht in Sicht.\n"),
    "016_english.txt": (
        "NATO foreign ministers prepare talks with Russia\nBBC\n"
        "The alliance said on Friday that it was ready to listen to Moscow's concerns.\n"
        "Diplomats expect difficult negotiations about security in Europe next week.\n"),
}


@pytest.fixture(scope="session")
def search_site(tmp_path_factory):
    """The output folder of the built site."""
    return make_site(tmp_path_factory.mktemp("search-site"), SEEDS, settings=SEARCH_SETTINGS)


@pytest.fixture(scope="module")
def base_url(search_site):
    with serve(search_site) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.problems = collect_console_problems(page)
    yield page
    context.close()
