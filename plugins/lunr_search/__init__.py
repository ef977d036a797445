"""Pelican adapter of the client-side search: articles in, search files out.

Settings (defaults in DEFAULTS; docs/search.md explains them):

LUNR_SEARCH_FIELDS     field -> boost; fields among title, tags, lead, body,
                       source, author, parts (the parts of German compounds)
LUNR_SEARCH_LANGUAGES  languages with their own index; an article in any other
                       language goes to DEFAULT_LANG's index (or the first)
LUNR_SEARCH_OUTPUT_DIR folder in the output for the search files
LUNR_SEARCH_SHARD_BYTES about this many bytes of JSON per index shard
LUNR_SEARCH_STORE_CHUNK articles per store file

Each article's analysis and the compound splits are kept between builds in
CACHE_PATH/lunr_search/ (analysis_cache.py, compound_cache.py), so a build
reads and analyses only the articles it has not seen, and splits only words
it has not seen; when nothing the search files are made from changed, the
last build's are kept as they are (last_build.py). A site of at least
MODEL_COPY_MIN articles also keeps a copy of the splitter's model there
(charsplit_model.py), written after the first build that imported the model
for a few new articles, so later such builds do not import it. A search
file already in the output with the same bytes is left as it is and listed
in the generator's `kept_outputs` (so the incremental plugin does not remove
it); text files of articles not read again are not even compared.

The plugin owns its page: when it is enabled and the theme has a
search.html, it adds `search` to DIRECT_TEMPLATES (`initialized`), so a build
without the plugin has no search page.
The index is built once the articles are read and tagged
(`article_generator_finalized`), so the hashed file names reach search.html
through the context as `LUNR_SEARCH` (`meta`: the file naming all others;
`script`: the page's main script, page_script.py, and `prefetch`, its
small first one, when the theme has the page);
the files are written with the articles
(`article_writer_finalized`), after Pelican has emptied the output folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from functools import partial
from pathlib import Path

from pelican import signals

from seed_converter.atomic import write_if_changed

from . import analysis_cache, charsplit_model, compound_cache, last_build
from .code_digest import code_digest
from .search_index import FIELD_NAMES, SearchDoc, build_search_files, html_to_text, plain
from .pipelines import PIPELINES
from .page_script import page_script, prefetch_script

DEFAULTS = {
    "LUNR_SEARCH_FIELDS": {"title": 10, "tags": 5, "lead": 3, "body": 1, "source": 2, "author": 2, "parts": 1},
    "LUNR_SEARCH_LANGUAGES": ["de", "en"],
    "LUNR_SEARCH_OUTPUT_DIR": "search",
    "LUNR_SEARCH_SHARD_BYTES": 100_000,
    "LUNR_SEARCH_STORE_CHUNK": 64,
}

logger = logging.getLogger(__name__)
MODEL_COPY_MIN = 500  # articles: a site this big is rebuilt often, with few new words each time
MODEL_COPY_AFTER = 50  # articles analysed at most: the copy is written after a build it would have served


def settings_of(settings: dict) -> dict:
    """The plugin's settings with defaults filled in, checked."""
    merged = {key: settings.get(key, value) for key, value in DEFAULTS.items()}
    unknown_fields = set(merged["LUNR_SEARCH_FIELDS"]) - set(FIELD_NAMES)
    if unknown_fields:
        raise ValueError(f"LUNR_SEARCH_FIELDS: unknown fields {sorted(unknown_fields)}; "
                         f"choose among {list(FIELD_NAMES)}")
    unknown_langs = set(merged["LUNR_SEARCH_LANGUAGES"]) - set(PIPELINES)
    if unknown_langs or not merged["LUNR_SEARCH_LANGUAGES"]:
        raise ValueError(f"LUNR_SEARCH_LANGUAGES: {sorted(unknown_langs) or 'empty'}; "
                         f"supported: {sorted(PIPELINES)}")
    for key in ("LUNR_SEARCH_SHARD_BYTES", "LUNR_SEARCH_STORE_CHUNK"):
        if not isinstance(merged[key], int) or merged[key] < 1:
            raise ValueError(f"{key}: a positive whole number, not {merged[key]!r}")
    return merged


def _authors(article) -> str:
    # Not `article.author`: Pelican fills that from the AUTHOR setting when an
    # article names nobody, and the site's name is no author to search for.
    metadata = article.metadata
    authors = metadata.get("authors") or ([metadata["author"]] if "author" in metadata else [])
    return ", ".join(str(a) for a in authors)


def _tags(article) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The article's tag names and their pages' URLs ("" for a tag without a page)."""
    with_page = list(getattr(article, "tags", None) or [])
    without_page = [str(tag) for tag in getattr(article, "tags_without_page", None) or []]
    return (tuple([str(tag) for tag in with_page] + without_page),
            tuple([tag.url for tag in with_page] + [""] * len(without_page)))


def search_doc(article) -> SearchDoc:
    tags, tag_urls = _tags(article)
    title, lead, source, author = (html_to_text(article.title), html_to_text(article.summary),
                                   plain(str(getattr(article, "source", "") or "")), _authors(article))
    return SearchDoc(
        url=article.url,
        title=title,
        date=article.date.date().isoformat(),
        lang=article.lang,
        source=source,
        author=author,
        lead=lead,
        body=partial(html_to_text, article.content),
        tags=tags,
        tag_urls=tag_urls,
        story_size=_story_size(article),
        digest=fields_digest(title, lead, article.content, source, author, article.lang, *tags),
    )


def fields_digest(*values: str) -> str:
    """A digest of what an article's indexed fields are made from (the body as HTML)."""
    digest = hashlib.blake2b(digest_size=16)
    for value in values:
        digest.update(value.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def _story_size(article) -> int:
    size = getattr(article, "story_size", 1)
    return size if isinstance(size, int) and size > 0 else 1


def build(generator) -> None:
    settings = generator.settings
    config = settings_of(settings)
    languages = config["LUNR_SEARCH_LANGUAGES"]
    default_lang = settings.get("DEFAULT_LANG")
    fallback = default_lang if default_lang in languages else languages[0]
    articles = list(generator.articles) + list(generator.translations)
    docs = [search_doc(a) for a in articles]
    folder = config["LUNR_SEARCH_OUTPUT_DIR"].strip("/")
    cache_folder = Path(settings["CACHE_PATH"]) / "lunr_search"
    analysis_key = analysis_cache.cache_key(list(config["LUNR_SEARCH_FIELDS"]), languages, fallback)
    # Pelican empties the output folder after this, before anything is written
    emptied = bool(settings.get("DELETE_OUTPUT_DIRECTORY"))
    digest = last_build.inputs_digest(docs, analysis_key, code_digest(), folder,
                                      config["LUNR_SEARCH_SHARD_BYTES"], config["LUNR_SEARCH_STORE_CHUNK"])
    record = None if emptied else last_build.reusable(cache_folder, digest, generator.output_path)
    if record is not None:  # nothing the files are made from changed: keep them all
        generator.lunr_search_files = []
        kept = list(record["files"])
        meta, display = record["meta"], record["display"]
        with open(os.path.join(generator.output_path, *meta.split("/")), "rb") as handle:
            meta_data = handle.read()
    else:
        analyses = analysis_cache.load(cache_folder, analysis_key, logger.warning)
        files = _build_files(generator, docs, config, folder, languages, fallback, analyses, cache_folder, emptied)
        if analyses.added or analyses.used.keys() != analyses.entries.keys():
            analysis_cache.save(cache_folder, analysis_key, analyses, logger.warning)
        last_build.save(cache_folder, digest, files, logger.warning)
        generator.lunr_search_files = files.files
        kept, meta, display, meta_data = list(files.kept), files.meta.path, files.display.path, files.meta.data
    generator.kept_outputs = list(getattr(generator, "kept_outputs", [])) + kept
    generator.context["LUNR_SEARCH"] = {"meta": meta, "display": display}
    if has_search_page(settings):
        sources = os.path.join(settings["THEME"], "static", "search")
        script, prefetch = page_script(sources, folder), prefetch_script(sources, folder, meta_data)
        generator.lunr_search_files += [script, prefetch]
        generator.context["LUNR_SEARCH"] |= {"script": script.path, "prefetch": prefetch.path}


def _build_files(generator, docs, config, folder, languages, fallback, analyses, cache_folder, emptied):
    """The search files made anew, from the kept analyses and splits."""
    kept_texts = {} if emptied else text_files(os.path.join(generator.output_path, *folder.split("/"), "text"))
    splits = compound_cache.Kept(cache_folder, logger.warning)
    model_copy = charsplit_model.lookup_file(cache_folder)
    files = build_search_files(docs, config["LUNR_SEARCH_FIELDS"], languages, fallback, folder,
                               config["LUNR_SEARCH_SHARD_BYTES"], config["LUNR_SEARCH_STORE_CHUNK"],
                               compound_memo=splits, cache=analyses, kept_texts=kept_texts,
                               compound_model=model_copy)
    if len(docs) >= MODEL_COPY_MIN and analyses.added <= MODEL_COPY_AFTER and charsplit_model.is_imported() \
            and not model_copy.is_file():
        charsplit_model.write_copy(model_copy, charsplit_model.imported(), logger.warning)
    splits.save_if_grown()
    return files


def text_files(folder: str) -> dict[str, int]:
    """Name -> size of the text files in `folder` (none when it is missing)."""
    try:
        with os.scandir(folder) as entries:
            return {entry.name[:-4]: entry.stat().st_size for entry in entries
                    if entry.name.endswith(".txt") and entry.is_file()}
    except OSError:
        return {}


def write(generator, writer) -> None:
    """Write the search files whose bytes changed (atomically); the others
    are left as they are and listed in `kept_outputs`."""
    kept = generator.kept_outputs
    for search_file in generator.lunr_search_files:
        path = os.path.join(generator.output_path, *search_file.path.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if not write_if_changed(path, search_file.data):
            kept.append(search_file.path)


def has_search_page(settings: dict) -> bool:
    return os.path.isfile(os.path.join(settings["THEME"], "templates", "search.html"))


def add_search_page(pelican) -> None:
    """Make search.html a direct template when the theme has one (ours does;
    a theme without it still gets the index files)."""
    settings = pelican.settings
    templates = list(settings.get("DIRECT_TEMPLATES", []))
    if "search" not in templates and has_search_page(settings):
        settings["DIRECT_TEMPLATES"] = [*templates, "search"]


def check_settings(pelican) -> None:
    """A bad setting stops the build before anything is read, with one line and no traceback."""
    try:
        settings_of(pelican.settings)
    except ValueError as error:
        sys.exit(f"lunr_search: {error}")


def register():
    signals.initialized.connect(check_settings)
    signals.initialized.connect(add_search_page)
    signals.article_generator_finalized.connect(build)
    signals.article_writer_finalized.connect(write)
