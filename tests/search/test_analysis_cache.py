"""Each article's analysis kept between builds (plugins/lunr_search/analysis_cache.py)."""

import io
import zipfile

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lunr_search import analysis_cache
from lunr_search.search_index import SearchDoc, build_search_files

FIELDS = {"title": 10, "tags": 5, "lead": 3, "body": 1, "parts": 1}
LANGS = ["de", "en"]
KEY = analysis_cache.cache_key(list(FIELDS), LANGS, "de")
WORDS = ["Wien", "wählt", "Flüchtlinge", "Hausarrest", "der", "die", "Regierung", "Minister", "Graz", "Wahl",
         "votes", "the", "Lebensmittelverschwendung", "2015", "1,6", "Österreich", "Oesterreich", "Москва"]


def doc(n: int, title: str, body: str, lang: str = "de", tags=()) -> SearchDoc:
    return SearchDoc(url=f"articles/{n}.html", title=title, date=f"2026-01-{n % 28 + 1:02d}", lang=lang,
                     lead=f"Lead {title}", body=body, tags=tuple(tags), digest=f"{title}|{body}|{lang}|{tags}")


DOCS = [doc(1, "Wien wählt", "Die Wahl in Wien. Hausarrest für den Minister.", tags=["Wien"]),
        doc(2, "Vienna votes", "The mayor of Vienna.", lang="en"),
        doc(3, "Graz", "Lebensmittelverschwendung in Graz, 2015 waren es 1,6 Millionen."),
        doc(4, "Flüchtlinge", "Flüchtlinge in Österreich.", tags=["Flüchtlinge", "Österreich"])]


def build(docs, cache=None, kept=None):
    built = build_search_files(docs, FIELDS, LANGS, "de", cache=cache, kept_texts=kept)
    return built


def contents(built):
    return sorted((f.path, f.data) for f in built.files)


def output_texts(built):
    """Name -> size of the text files a build would leave in the output."""
    return {f.path.rsplit("/", 1)[1][:-4]: len(f.data) for f in built.files if "/text/" in f.path}


def test_a_warm_build_reads_no_body_and_gives_the_same_files(tmp_path):
    cold_cache = analysis_cache.AnalysisCache()
    cold = build(DOCS, cold_cache)
    analysis_cache.save(tmp_path, KEY, cold_cache, pytest.fail)

    def unread(n):
        def body():
            raise AssertionError(f"article {n} was read again")
        return body
    warm_docs = [SearchDoc(**{**d.__dict__, "body": unread(n)}) for n, d in enumerate(DOCS)]
    warm_cache = analysis_cache.load(tmp_path, KEY, pytest.fail)
    warm = build(warm_docs, warm_cache, output_texts(cold))
    assert warm_cache.added == 0
    texts = {f.path for f in cold.files if "/text/" in f.path}
    assert contents(warm) == [f for f in contents(cold) if f[0] not in texts]
    assert sorted(warm.kept) == sorted(texts)


def test_an_article_whose_text_file_is_missing_is_read_again(tmp_path):
    cache = analysis_cache.AnalysisCache()
    cold = build(DOCS, cache)
    kept = output_texts(cold)
    missing = sorted(kept)[0]
    kept_wrong_size = dict(kept, **{missing: kept[missing] + 1})
    again = build(DOCS, cache, kept_wrong_size)
    assert cache.added == len(DOCS) + 1
    assert [p for p in again.kept if missing in p] == []
    assert contents(again) == [f for f in contents(cold) if "/text/" not in f[0] or missing in f[0]]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
                          st.lists(st.sampled_from(WORDS), max_size=12), st.sampled_from(["de", "en", "fr"])),
                min_size=1, max_size=6),
       st.lists(st.booleans(), min_size=6, max_size=6), st.lists(st.booleans(), min_size=6, max_size=6))
def test_any_mix_of_kept_and_new_analyses_gives_the_files_of_a_cold_build(articles, cached, changed):
    """Articles analysed in an earlier build (some of them since changed or gone) and new ones."""
    docs = [doc(n, " ".join(title), " ".join(body), lang) for n, (title, body, lang) in enumerate(articles)]
    earlier = [d if not changed[n] else doc(n, d.title + " alt", "anders", d.lang)
               for n, d in enumerate(docs) if cached[n]] + [doc(99, "Gone", "weg")]
    cache = analysis_cache.AnalysisCache()
    first = build(earlier, cache)
    kept = output_texts(first)
    cache.used.clear()
    cold = build(docs)
    warm = build(docs, cache, kept)
    assert [f for f in contents(cold) if f[0] not in warm.kept] == contents(warm)
    assert all(p.rsplit("/", 1)[1][:-4] in kept for p in warm.kept)
    assert set(cache.used) == {d.digest for d in docs}


def test_entries_of_articles_no_longer_built_leave_the_file(tmp_path):
    cache = analysis_cache.AnalysisCache()
    build(DOCS, cache)
    analysis_cache.save(tmp_path, KEY, cache, pytest.fail)
    cache = analysis_cache.load(tmp_path, KEY, pytest.fail)
    build(DOCS[:2], cache)
    analysis_cache.save(tmp_path, KEY, cache, pytest.fail)
    assert set(analysis_cache.load(tmp_path, KEY, pytest.fail).entries) == {d.digest for d in DOCS[:2]}


def test_analyses_of_other_code_or_settings_are_not_read(tmp_path):
    cache = analysis_cache.AnalysisCache()
    build(DOCS, cache)
    analysis_cache.save(tmp_path, "old code", cache, pytest.fail)
    assert analysis_cache.load(tmp_path, KEY, pytest.fail).entries == {}
    assert analysis_cache.cache_key(["title", "body"], LANGS, "de") != KEY


def damaged(path):
    """Files a crash, a disk error or another program could leave."""
    cache = analysis_cache.AnalysisCache()
    build(DOCS, cache)
    analysis_cache.save(path, KEY, cache, pytest.fail)
    good = (path / analysis_cache.FILE).read_bytes()
    with np.load(io.BytesIO(good)) as archive:
        arrays = dict(archive)
    yield good[: len(good) // 2]  # cut short
    yield b"not a zip file"
    for name, value in [("term", arrays["term"] + 10_000), ("term.at", arrays["term.at"][:-1]),
                        ("de.word_terms", arrays["de.word_terms"][:-1])]:
        target = path / "bad.npz"
        np.savez(target, **{**arrays, name: value})
        yield target.read_bytes()
    yield _without(good, "digests.npy")


def _without(data: bytes, member: str) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename != member:
                target.writestr(item, source.read(item))
    return out.getvalue()


def test_a_damaged_file_costs_one_warning_and_the_same_index(tmp_path):
    expected = contents(build(DOCS))
    for n, data in enumerate(damaged(tmp_path)):
        (tmp_path / analysis_cache.FILE).write_bytes(data)
        warnings = []
        cache = analysis_cache.load(tmp_path, KEY, lambda *args: warnings.append(args))
        assert cache.entries == {} and len(warnings) == 1, n
        assert str(tmp_path / analysis_cache.FILE) in str(warnings[0])
        assert contents(build(DOCS, cache)) == expected


def test_an_unwritable_folder_costs_one_warning(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    warnings = []
    analysis_cache.save(blocker / "sub", KEY, analysis_cache.AnalysisCache(), lambda *args: warnings.append(args))
    assert len(warnings) == 1
