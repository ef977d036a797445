"""Queries as readers type them, each with the article a reader would expect
in the first five hits and the reason, made from a built site's search
texts with a fixed seed (bench/search_quality.py runs them).

Categories (the ones issue 13 measured):
- typing:   a finished word of a headline, then the first letters of a rare
            headline word (still being typed)
- compound: a part of a compound in the headline that the article never
            uses alone (`Arrest` for `Hausarrest`), with one more headline word
- reverse:  a compound no article has, made from "<B> von/der <A>" in the
            article's text (`Lebensmittelverschwendung`)
- phrase:   two common words, quoted, that stand together in this article only
- number:   a number as written (`1,6`, `2.000`, `3:0`, a year, `1400` for
            `1.400`) and the word after it, a pair in this article only
- question: a question around rare headline words, with words the article
            does not have (so only the most-words fallback finds it)
- typo:     a rare headline word with one typo and another headline word, or
            two rare words each with a typo
- names:    a headline token with a hyphen or slash, and another word

    python bench/search_queries.py SITE [--seed 13] [--out bench/search_queries.json]

The articles are picked by word statistics of the texts (search/text/*.txt
and the store) only, never by running a search engine.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))
from lunr_search.pipelines import STOP_WORDS_DE  # noqa: E402  (a number then a stop word means the number alone)

WORD = re.compile(r"[^\W\d_][\w]*(?:[-/][\w]+)*|\d+(?:[.,:]\d+)*", re.UNICODE)
ALPHA = re.compile(r"^[A-Za-zÄÖÜäöüß]+$")
NUMBER_FORMS = [re.compile(r"^\d+,\d+$"), re.compile(r"^\d{1,3}(\.\d{3})+$"), re.compile(r"^\d+:\d+$"),
                re.compile(r"^(19|20)\d\d$")]
QUESTIONS = ["wer {a} {b} eigentlich", "was passiert mit {a} und {b}", "warum {a} {b} jetzt genau",
             "wie viele {a} {b} gibt es eigentlich", "wann kommt {a} {b} endlich", "wo {a} {b} überhaupt"]
PER_CATEGORY = {"typing": 20, "compound": 20, "reverse": 8, "phrase": 15, "number": 15, "question": 15,
                "typo": 15, "names": 10}


def read_site(site: Path) -> list[dict]:
    meta = json.loads(next((site / "search").glob("meta.*.json")).read_text(encoding="utf-8"))
    articles = []
    for path in meta["store"]["files"]:
        for doc in json.loads((site / path).read_text(encoding="utf-8"))["docs"]:
            text = (site / meta["text"] / f"{doc[5]}.txt").read_text(encoding="utf-8")
            articles.append({"url": doc[1], "title": doc[0], "text": text})
    return articles


def words(text: str) -> list[str]:
    return WORD.findall(text)


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    kind = rng.choice(["swap", "drop", "double", "substitute"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    letter = rng.choice([c for c in "aeinorstu" if c != word[i]])
    return word[:i] + letter + word[i + 1:]


def make_queries(articles: list[dict], seed: int = 13) -> list[dict]:
    rng = random.Random(seed)
    df: Counter[str] = Counter()
    doc_words = []
    for a in articles:
        ws = words(a["text"])
        doc_words.append(ws)
        df.update({w.lower() for w in ws})
    bigram_docs: dict[tuple[str, str], set[int]] = defaultdict(set)
    for n, ws in enumerate(doc_words):
        for x, y in zip(ws, ws[1:]):
            bigram_docs[(x.lower(), y.lower())].add(n)
    vocabulary = set(df)
    capitalised = {w for ws in doc_words for w in ws if w[:1].isupper()}
    queries: list[dict] = []
    used: set[str] = set()
    order = list(range(len(articles)))

    def add(category, query, n, reason):
        if query.lower() in used or sum(q["category"] == category for q in queries) >= PER_CATEGORY[category]:
            return False
        used.add(query.lower())
        queries.append({"category": category, "query": query, "url": articles[n]["url"],
                        "title": articles[n]["title"], "reason": reason})
        return True

    def title_words(n):
        return [w for w in words(articles[n]["title"]) if ALPHA.match(w)]

    def other_word(n, not_this, max_df=40):
        options = [w for w in title_words(n) if w != not_this and len(w) >= 5 and df[w.lower()] <= max_df]
        return rng.choice(options) if options else None

    rng.shuffle(order)
    for n in order:
        # typing: a finished headline word, then a rare one being typed
        rare = [w for w in title_words(n) if len(w) >= 9 and df[w.lower()] <= 3]
        if rare:
            w = rng.choice(rare)
            other = other_word(n, w)
            if other:
                add("typing", f"{other} {w[:max(5, len(w) - 4)]}", n,
                    f"'{other}' typed, '{w}' (headline, {df[w.lower()]} articles) still being typed")
        # compound: a part the article never says alone
        for w in title_words(n):
            if len(w) < 10 or not w[0].isupper():
                continue
            lower_text = {x.lower() for x in doc_words[n]}
            for i in range(4, len(w) - 4):
                head, tail = w[:i].lower(), w[i:].lower()
                for part, rest in ((tail, head), (head, tail)):
                    rest = rest[:-1] if rest.endswith("s") and rest[:-1] in vocabulary else rest
                    if len(part) >= 5 and part.capitalize() in capitalised and part not in lower_text \
                            and 1 <= df[part] <= 3 and len(rest) >= 4 and df[rest] >= 3:
                        other = other_word(n, w)
                        if other and add("compound", f"{part.capitalize()} {other}", n,
                                         f"'{part.capitalize()}' is part of '{w}' in the headline; "
                                         f"the article never says it alone"):
                            break
                else:
                    continue
                break
        # reverse: "<B> von/der <A>" as one compound no article has
        ws = doc_words[n]
        for x, link, y in zip(ws, ws[1:], ws[2:]):
            if link in ("von", "der", "des") and ALPHA.match(x) and ALPHA.match(y) and x[0].isupper() \
                    and y[0].isupper() and len(x) >= 6 and len(y) >= 5:
                a = y[:-1] if y.endswith("n") and y[:-1].lower() in vocabulary else y
                compound = a + x.lower()
                if compound.lower() not in vocabulary and len(compound) <= 30 and df[a.lower()] >= 5 \
                        and df[x.lower()] >= 5:
                    add("reverse", compound, n, f"no article has '{compound}'; this one says '{x} {link} {y}'")
                    break
        # phrase: two common words together only here
        pairs = [(x, y) for x, y in zip(ws, ws[1:]) if ALPHA.match(x) and ALPHA.match(y) and len(x) >= 4
                 and len(y) >= 4 and df[x.lower()] >= 15 and df[y.lower()] >= 15
                 and len(bigram_docs[(x.lower(), y.lower())]) == 1]
        if pairs:
            x, y = rng.choice(pairs)
            add("phrase", f'"{x} {y}"', n, f"'{x} {y}' verbatim only here; both words in 15+ articles")
        # number: as written, with the word after it
        nums = [(x, y) for x, y in zip(ws, ws[1:]) if any(p.match(x) for p in NUMBER_FORMS)
                and ALPHA.match(y) and len(y) >= 4 and y.lower() not in STOP_WORDS_DE
                and len(bigram_docs[(x.lower(), y.lower())]) == 1]
        if nums:
            x, y = rng.choice(nums)
            typed = x.replace(".", "") if NUMBER_FORMS[1].match(x) and rng.random() < 0.5 else x
            add("number", f"{typed} {y}", n, f"'{x} {y}' only here" + (" (typed without the dot)" if typed != x else ""))
        # question: rare headline words in a question with words the article lacks
        content = [w for w in title_words(n) if len(w) >= 6 and df[w.lower()] <= 25]
        if len(content) >= 2:
            a, b = rng.sample(content, 2)
            q = rng.choice(QUESTIONS).format(a=a, b=b)
            lower_text = {x.lower() for x in doc_words[n]}
            if any(w not in lower_text for w in q.lower().split()):
                add("question", q, n, f"a question around '{a}' and '{b}' from the headline")
        # typo
        rare = [w for w in title_words(n) if len(w) >= 8 and df[w.lower()] <= 5]
        if rare:
            w = rng.choice(rare)
            t = typo(w, rng)
            if t.lower() not in vocabulary:
                if len(rare) >= 2 and rng.random() < 0.4:
                    w2 = rng.choice([r for r in rare if r != w] or [w])
                    t2 = typo(w2, rng)
                    if w2 != w and t2.lower() not in vocabulary:
                        add("typo", f"{t} {t2}", n, f"two typos: '{w}' and '{w2}' from the headline")
                        continue
                other = other_word(n, w)
                if other:
                    add("typo", f"{other} {t}", n, f"'{w}' (headline) with a typo, after '{other}'")
        # names: hyphens and slashes
        tokens = [w for w in words(articles[n]["title"]) if ("-" in w or "/" in w) and len(w) >= 6]
        if tokens:
            w = rng.choice(tokens)
            other = other_word(n, w, 60)
            if other:
                add("names", f"{w} {other}", n, f"'{w}' from the headline as written")
    return queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("search_queries.json"))
    args = parser.parse_args()
    queries = make_queries(read_site(args.site), args.seed)
    args.out.write_text(json.dumps(queries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(queries)} queries: {dict(Counter(q['category'] for q in queries))} -> {args.out}")


if __name__ == "__main__":
    main()
