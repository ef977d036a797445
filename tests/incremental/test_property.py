"""Random edits to a small site: after each, the incremental build equals a clean full build byte for byte."""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings, strategies as st

from tests.incremental.site import ROOT, article_text, build, copy_theme, files_of

NAMES = ["Wien", "Berlin", "NATO", "Ukraine", "Angela Merkel", "Graz", "Linz", "Salzburg"]
SOURCES = ["derStandard", "DW", "ORF"]
SITE_SETTINGS = {
    "DEFAULT_PAGINATION": 2,  # pages of lists after a few articles
    "SITEMAP_MAX_URLS": 12,  # a sitemap index after a few more
    "AUTOTAG_MIN_ARTICLES": 2,
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
    "TAG_FEED_ATOM": "feeds/tag/{slug}.atom.xml",
}
IN_WORKERS = {"INCREMENTAL_WORKERS": 3, "INCREMENTAL_RENDER_MIN": 0}
TEMPLATES = ["base.html", "article.html", "term_page.html", "macros.html", "archives.html"]

steps = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(NAMES), st.sampled_from(NAMES), st.integers(1, 6),
              st.sampled_from(SOURCES), st.booleans()),
    st.tuples(st.just("edit body"), st.integers(0, 50), st.sampled_from(NAMES)),
    st.tuples(st.just("edit title"), st.integers(0, 50), st.sampled_from(NAMES)),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("tags.toml"), st.sampled_from(NAMES), st.booleans()),
    st.tuples(st.just("template"), st.sampled_from(TEMPLATES)),
    st.tuples(st.just("nothing")),
)


class Site:
    def __init__(self, root):
        self.root = root
        self.content = root / "content"
        (self.content / "articles").mkdir(parents=True)
        (self.content / "pages").mkdir()
        (self.content / "pages" / "about.md").write_text("Title: Über\nSlug: about\n\nÜber diese Seite.\n",
                                                         encoding="utf-8")
        shutil.copy(ROOT / "content" / "tags.toml", self.content / "tags.toml")
        self.theme = copy_theme(root / "theme")
        self.count = 0
        self.edits = 0

    def articles(self):
        return sorted((self.content / "articles").glob("*.md"))

    def pick(self, index):
        files = self.articles()
        return files[index % len(files)] if files else None

    def apply(self, step):
        kind = step[0]
        self.edits += 1
        if kind == "add":
            _, first, second, day, source, byline = step
            self.count += 1
            slug = f"meldung-{self.count}"
            (self.content / "articles" / f"{slug}.md").write_text(article_text(
                slug, f"{first} und {second} beraten", day, source, f"{first} trifft {second} in {first}.",
                f"{first} sagte am Montag, {second} habe zugestimmt. {first} und {second} wollen weiter reden.",
                tags=first if self.count % 3 == 0 else "", author="Maria Huber" if byline else ""),
                encoding="utf-8")
        elif kind in ("edit body", "edit title"):
            file = self.pick(step[1])
            if file is None:
                return
            text = file.read_text(encoding="utf-8")
            if kind == "edit body":
                text += f"\n{step[2]} meldete sich am Abend noch einmal ({self.edits}).\n"
            else:
                text = text.replace("Title: ", f"Title: {step[2]}: ", 1)
            file.write_text(text, encoding="utf-8")
        elif kind == "delete":
            file = self.pick(step[1])
            if file is not None:
                file.unlink()
        elif kind == "tags.toml":
            table = self.content / "tags.toml"
            text = table.read_text(encoding="utf-8")
            name, block = step[1], step[2]
            if block:
                text = text.replace("words = [", f'words = [\n  "{name}",', 1)
            else:
                text = text.replace("[aliases]", f'[aliases]\n"{name} ({self.edits})" = ["{name}"]', 1)
            table.write_text(text, encoding="utf-8")
        elif kind == "template":
            template = self.theme / "templates" / step[1]
            template.write_text(template.read_text(encoding="utf-8") + f"{{# edit {self.edits} #}}\n",
                                encoding="utf-8")


@settings(max_examples=1, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(steps, min_size=20, max_size=20))
def test_incremental_build_equals_a_full_build_after_every_step(tmp_path_factory, step_list):
    root = tmp_path_factory.mktemp("incremental")
    site = Site(root)
    tag_cache = {"AUTOTAG_CACHE_PATH": str(root / "tag-cache")}  # content-keyed, shared on purpose
    for step in [("add", "Wien", "NATO", 3, "DW", True), ("add", "Wien", "Graz", 2, "ORF", False), *step_list]:
        site.apply(step)
        # the incremental builds decide and render their pages in three processes, the full ones in one
        summary = build(site.content, root / "output", root / "cache", site.theme,
                        {**SITE_SETTINGS, **tag_cache, **IN_WORKERS})
        shutil.rmtree(root / "full", ignore_errors=True)
        shutil.rmtree(root / "full-cache", ignore_errors=True)
        build(site.content, root / "full", root / "full-cache", site.theme,
              {**SITE_SETTINGS, **tag_cache, "INCREMENTAL_WORKERS": 1}, full=True)
        incremental, full = files_of(root / "output"), files_of(root / "full")
        assert sorted(incremental) == sorted(full), (step, summary)
        different = [name for name in full if incremental[name] != full[name]]
        assert different == [], (step, summary)
