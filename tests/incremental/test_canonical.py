"""The digests a page's reads are compared by (pure, over stand-ins for Pelican's content objects)."""

from __future__ import annotations

import json

from incremental.canonical import Digests


class Article:
    """Duck-typed like pelican.contents.Content, which is what the digests look for."""

    def __init__(self, path: str, title: str):
        self.source_path = path
        self.title = title
        self.related = []
        self.newer = None

    url = property(lambda self: self.source_path + ".html")

    def get_relative_source_path(self):
        return self.source_path

    def get_content(self, siteurl):
        return ""


def test_equal_values_digest_alike_whether_or_not_they_share_objects():
    kind = "place"
    shared = {"Wien": kind, "Graz": kind}
    loaded = json.loads('{"Wien": "place", "Graz": "place"}')
    assert Digests().of(shared) == Digests().of(loaded)
    assert Digests().of([shared, shared]) == Digests().of([loaded, dict(loaded)])


def test_an_article_digest_covers_what_it_points_to_one_reference_deep():
    def site():
        a, b, c = Article("a", "A"), Article("b", "B"), Article("c", "C")
        a.related = [b]
        b.newer = c
        return a, b, c

    base = Digests().of(site()[0])
    a, b, _ = site()
    b.title = "B, edited"  # shown on a's page: a's digest changes
    assert Digests().of(a) != base
    a, b, _ = site()
    b.newer = Article("d", "D")  # b's own neighbour: a's page cannot show it
    assert Digests().of(a) == base
    a, _, _ = site()
    a.related = [Article("d", "D")]  # another article in a's list
    assert Digests().of(a) != base


def test_digests_made_in_a_forked_process_are_the_ones_made_here():
    import os
    import pickle
    a, b, c = Article("a", "A"), Article("b", "B"), Article("c", "C")
    a.related, b.newer = [b], c
    items = [a, b, c]
    expected = Digests().contents_of(items)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        with os.fdopen(write, "wb") as out:
            out.write(pickle.dumps(Digests().contents_of(items[1:])))
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as source:
        made_there = pickle.loads(source.read())
    os.waitpid(pid, 0)
    digests = Digests()
    digests.add_contents(items[1:], made_there)
    b.title = "changed after the digest was made"  # taken as given, not made again
    assert digests.content(b) == expected[id(b)] and digests.content(c) == expected[id(c)]
    assert digests.content(a) != expected[id(a)]  # a was not given: made here, from b's state now
