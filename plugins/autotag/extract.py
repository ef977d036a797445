"""Candidate tags of one article: whole names, typed, weighted, and its topics.

Pure: plain strings in, plain data out (JSON-friendly, so it can be cached).
`extract` returns `{"candidates": {key: [weight, forms, type, lower, mid]},
"ambiguous": [surname, ...]}`: `key` is the lowercased tag, `weight` sums
the weights of the fields it occurs in (headline and lead weigh more than the
body), `forms` counts how it was written, `type` is person, organisation,
place or topic, and for one-word names `lower` / `mid` count how often the
article writes the word in lower case / capitalised inside a sentence (the
ranking sums them over the site). `ambiguous` lists surnames the article
uses alone for two people, which were dropped.

Every step is one pass over the article's tokens with dictionary look-ups of
bounded length, so the time is linear in the article's length.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Protocol

from .table import TagTable
from .text import Token, is_acronym, opens_sentence, tokens
from .wordsets import WordSets

PERSON, ORGANISATION, PLACE, TOPIC = "person", "organisation", "place", "topic"
MAX_NAME_WORDS = 4
MAX_TOPICS = 2
# A topic needs min_weight + TOPIC_MIN weighted trigger words with one in the headline or lead,
# or min_weight + TOPIC_BODY without.
TOPIC_MIN, TOPIC_BODY = 1, 2
# Compounds of a table's acronym (`US-Wahl`) count for its tag from min_weight + COMPOUND_MIN.
COMPOUND_MIN = 2
# `Wien – `, `Bujumbura/Genf – `, `Columbia (South Carolina) – ` opening a lead
# or body says where the reporter was, not what the article is about.
DATELINE = re.compile(r"^\s*[^\W\d_][\w./() -]{0,60}? ?[–—] ?")
# Lowercase words inside a name: `Lars von Trier`, `Stade de France`, `Van der Bellen`.
PARTICLES = frozenset({"van", "von", "de", "da", "di", "del", "della", "du", "la", "le", "dos", "do", "bin",
                       "ibn", "ter", "ten", "zu", "al", "el", "af", "av", "degli", "dei"})
# and the pairs: `van der`, `von der`, `de la`
PARTICLE_PAIRS = frozenset({("van", "der"), ("von", "der"), ("van", "den"), ("von", "den"), ("van", "de"),
                            ("de", "la"), ("de", "los"), ("de", "las"), ("von", "und"), ("van", "het")})
# Of these, the ones that can open a name when capitalised (`Van der Bellen`, `De Baets`).
OPENING_PARTICLES = frozenset({"Van", "Von", "De", "Da", "Di", "Del", "Della", "Du", "La", "Le", "Ter",
                               "Dos", "Bin", "Ibn", "Al", "El"})
_LOW_OPENERS = frozenset(p.lower() for p in OPENING_PARTICLES)
SAINTS = frozenset({"St", "Sankt", "San", "Santa", "Saint"})
# Lowercase prefixes of Arabic names: `al-Hussein`, `el-Sisi`.
NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "ar-", "an-", "az-")
# Common nouns that head an organisation's name: `Universität Salzburg`, `Bank Austria`.
ORG_HEADS = frozenset({
    "Universität", "Uni", "University", "Bank", "Institut", "Stiftung", "Verband", "Partei", "Gruppe",
    "Group", "Museum", "Theater", "Stadttheater", "Landestheater", "Schauspielhaus", "Staatsoper", "Oper",
    "Festspiele", "Klinikum", "Verlag", "Zoo", "Club", "Klub", "Verein", "Casinos", "Team", "Liste",
})
_INFLECTION = ("en", "em", "er", "es", "e")
# The strong nominative ending of an adjective before a noun of each gender (plural: `e`).
_NOMINATIVE = {"m": "er", "f": "e", "n": "es"}


class Names(Protocol):
    def proper_noun(self, word: str) -> bool: ...  # tagged first as a proper noun
    def known(self, word: str) -> bool: ...  # cheap to ask about
    def common_word(self, word: str) -> bool: ...  # known in lower case as no noun or name
    def adjective(self, word: str) -> bool: ...  # known in lower case as an attributive adjective


class _Found:
    """Weighted mentions per key, with their written forms and types."""

    def __init__(self) -> None:
        self.weight: Counter = Counter()
        self.forms: dict[str, Counter] = {}
        self.kind: dict[str, str] = {}

    def add(self, form: str, weight: int, kind: str, count: int = 1) -> str:
        key = form.lower()
        self.weight[key] += weight
        self.forms.setdefault(key, Counter())[form] += count
        self.kind.setdefault(key, kind)
        return key

    def move(self, old: str, new_form: str) -> None:
        """Count `old`'s mentions for `new_form` (`Schwabs` for `Schwab`, `Thiem` for `Dominic Thiem`)."""
        new = new_form.lower()
        self.weight[new] += self.weight.pop(old)
        counts = self.forms.pop(old)
        target = self.forms.setdefault(new, Counter())
        if not target:  # the new key's own spelling, `Werner Schwab` from `Werner Schwabs`
            target[new_form] += sum(counts.values())
        else:
            target[max(target, key=lambda f: (target[f], f))] += sum(counts.values())
        self.kind.setdefault(new, self.kind.pop(old))


class Extractor:
    """Everything about one language's lexicons and one tag table that `extract` needs."""

    def __init__(self, names: Names, table: TagTable, words: WordSets, lang: str = "de"):
        self.names, self.table, self.words = names, table, words
        self.german = lang == "de"
        # per distinct word as written, memoised (see _word_info)
        self.word_info: dict[str, tuple[tuple[str, ...], list | None, str | None]] = {}
        # phrases matched whole before names: the table's variants and multi-word places
        self.phrases: dict[str, list[tuple[tuple[str, ...], str, str, bool]]] = {}
        for variant, canonical in table.aliases.items():
            self._add_phrase(variant, canonical, table.types.get(canonical) or self._kind_of(canonical), True)
        for place in sorted(words.places):  # a set's order changes from process to process
            if " " in place:
                self._add_phrase(place, place, PLACE, False)
        for entries in self.phrases.values():  # longest first; of the same words, the table's first
            entries.sort(key=lambda e: (-len(e[0]), e[0]))

    def _add_phrase(self, text: str, target: str, kind: str, from_table: bool) -> None:
        parts = tuple(t.text for t in tokens(text))
        if parts:
            self.phrases.setdefault(parts[0], []).append((parts, target, kind, from_table))

    def _kind_of(self, name: str) -> str:
        if name in self.words.places:
            return PLACE
        if name in self.table.topics:
            return TOPIC
        words = name.split(" ")
        if len(words) > 1 and _looks_like_person(self, words):
            return PERSON
        return ORGANISATION

    def is_first_name(self, word: str) -> bool:
        w = self.words
        return word in w.first_names and word not in w.places and word not in w.surnames


def extract(fields: list[tuple[str, int]], names: Names, table: TagTable, words: WordSets,
            min_weight: int = 2, lang: str = "de", extractor: Extractor | None = None) -> dict:
    """Candidates from `fields`, a list of (plain text, weight), headline first.

    Words the lexicons do not settle are looked up in `names` (HanTa) only
    when they reach `min_weight` over all fields, words it does not know only
    from `min_weight + 1` (that keeps the slow tagger off words that cannot win).
    """
    ex = extractor or Extractor(names, table, words, lang)
    found = _Found()
    field_tokens: list[tuple[str, int, list[Token], list[bool]]] = []
    surface: Counter = Counter()
    lowercase: Counter = Counter()
    topic_weight: Counter = Counter()
    topic_head: set[str] = set()
    demonym_weight: Counter = Counter()
    for index, (text, weight) in enumerate(fields):
        if index:
            text = DATELINE.sub("", text, count=1)
        toks = tokens(text)
        used = [False] * len(toks)
        _match_phrases(ex, text, toks, used, weight, found)
        memo = ex.word_info
        words = [tok.text for tok in toks]
        in_phrase = Counter(w for w, u in zip(words, used) if u) if any(used) else None
        opening: set[str] = set()  # words that may open a topic phrase: counted where they stand
        for word, n in Counter(words).items():  # each word once, with its count
            info = memo.get(word)
            if info is None:
                info = memo[word] = _word_info(ex, word)
            topics, phrases, country = info
            if word[0].isupper():
                surface[word] += weight * (n - in_phrase[word] if in_phrase else n)
            else:
                lowercase[word] += n
                if country:
                    demonym_weight[country] += weight * n
            if phrases:
                opening.add(word)
                continue
            for topic in topics:
                topic_weight[topic] += weight * n
                if index < 2:
                    topic_head.add(topic)
        for i in [i for i, word in enumerate(words) if word in opening] if opening else ():
            topics, phrases, _ = memo[words[i]]
            for topic in _with_phrases(phrases, topics, toks, i):
                topic_weight[topic] += weight
                if index < 2:
                    topic_head.add(topic)
        field_tokens.append((text, weight, toks, used))

    def proper(word: str) -> bool:
        if surface[word] < min_weight or (surface[word] == min_weight and not names.known(word)):
            return False
        return names.proper_noun(word)

    singles: list[tuple[str, int, bool, bool]] = []  # (word, weight, opens a sentence, from a compound)
    runs: list[tuple[list[str], int]] = []
    for text, weight, toks, used in field_tokens:
        for run, initial, compound in _name_runs(ex, text, toks, used, proper):
            if initial and len(run) > 1 and lowercase[run[0].lower()]:
                run, initial = run[1:], False  # `Am Montag`, `Seine Partei`: a sentence's first word
            if len(run) > 1 and ex.german and _strip_genitive(run[0]) and run[0] not in ex.words.places \
                    and not names.adjective(run[0]):  # `Rotes Kreuz` is no genitive
                base = _strip_genitive(run[0])
                if surface[base] or base in ex.words.places:  # `Austrias Kayode`
                    singles.append((base, weight, initial, False))
                    run, initial = run[1:], False
            while len(run) > 1 and is_acronym(run[-1]) and run[0] in ex.words.first_names:
                singles.append((run.pop(), weight, False, False))  # `Andreas Khol ÖVP`: the party apart
            if len(run) == 1:
                singles.append((run[0], weight, initial, compound))
            else:
                runs.append((run, weight))

    persons_by_last: dict[str, set[str]] = {}
    first_words: set[str] = set()
    for run, weight in runs:
        if run[0] == "Uni":  # `Uni Salzburg` is `Universität Salzburg`
            run = ["Universität", *run[1:]]
        name = " ".join(run)
        kind = table.types.get(name) or ex._kind_of(name)
        if kind == ORGANISATION and _looks_like_person(ex, run):
            kind = PERSON
        key = found.add(name, weight, kind)
        first_words.add(run[0])
        if found.kind[key] == PERSON:
            persons_by_last.setdefault(run[-1], set()).add(key)
    _merge_genitives(ex, found, persons_by_last)
    _fold_short_forms(found)
    defined = _defined_acronyms(field_tokens, found)

    standalone = {w for w, _, _, compound in singles if not compound}
    as_compound: Counter = Counter()
    for w, weight, _, compound in singles:
        if compound:
            as_compound[w] += weight
    ambiguous: set[str] = set()
    mid: Counter = Counter()
    for word, weight, initial, compound in singles:
        owners = persons_by_last.get(word) or persons_by_last.get(_strip_genitive(word) or "")
        if owners:
            if len(owners) == 1:
                found.weight[next(iter(owners))] += weight
            else:
                ambiguous.add(word)
            continue
        if word not in table.aliases and not is_acronym(word) and (
                (word in first_words and word not in ex.words.places) or ex.is_first_name(word)):
            continue  # a first name alone is never a tag, nor the first word of a longer name
        if compound and word not in standalone and not (
                is_acronym(word) and table.canonical(word.lower()) and as_compound[word] >= min_weight + COMPOUND_MIN):
            continue  # `Apple-Server` counts for Apple only where Apple also stands alone; `US-Wahl`,
            # `US-Präsident`, `US-Armee` count for USA (the table's `US`) when they recur
        if word in defined:  # `Vienna Insurance Group (VIG)`: VIG counts for the full name
            found.weight[defined[word]] += weight
            continue
        canonical = table.canonical(word.lower())
        if canonical is not None:
            found.add(canonical, weight, table.types.get(canonical) or ex._kind_of(canonical))
            continue
        if initial and lowercase[word.lower()] and not is_acronym(word):
            continue  # `Seine`, `Knapp` opening a sentence, `seine`, `knapp` inside one
        if ex.german and word.lower() in ex.words.english_words and not is_acronym(word) \
                and word not in ex.words.places:
            continue  # `Awards`, `Outdoor`: English common words in German text
        kind = PLACE if word in ex.words.places else (table.types.get(word) or ORGANISATION)
        key = found.add(word, weight, kind)
        if not initial:
            mid[key] += 1
    _merge_genitives(ex, found, persons_by_last)
    for surname in ambiguous:
        found.weight.pop(surname.lower(), None)
        found.forms.pop(surname.lower(), None)
        found.kind.pop(surname.lower(), None)

    for country, weight in demonym_weight.items():
        if country.lower() in found.weight:  # `ägyptischen` adds to Ägypten only where Ägypten is named
            found.weight[country.lower()] += weight
    topics = sorted((t for t, w in topic_weight.items() if w >= TOPIC_MIN + min_weight and
                     (t in topic_head or w >= TOPIC_BODY + min_weight)), key=lambda t: (-topic_weight[t], t))
    for topic in topics[:MAX_TOPICS]:
        # a topic weighs like a name mentioned a few times, however many trigger words it has
        found.add(topic, min_weight + 1 + (topic in topic_head), TOPIC, count=0)
        found.kind[topic.lower()] = TOPIC

    candidates = {}
    for key in sorted(found.weight):
        if len(key) < 2 or key.isdigit():
            continue
        forms = found.forms[key]
        single = " " not in key and found.kind[key] != TOPIC
        lower = lowercase[key] if single else 0
        candidates[key] = [found.weight[key], dict(sorted(forms.items())), found.kind[key],
                           lower, mid[key] if single else 0]
    return {"candidates": candidates, "ambiguous": sorted(ambiguous)}


def _match_phrases(ex: Extractor, text: str, toks: list[Token], used: list[bool], weight: int,
                   found: _Found) -> None:
    """The table's variants and multi-word places, longest first; their tokens are used up."""
    phrases = ex.phrases
    after = 0  # the first token not yet used by a phrase
    for i in [i for i, tok in enumerate(toks) if tok.text in phrases]:  # the few words that open one
        if i < after:
            continue
        entries = phrases[toks[i].text]
        for index, (parts, target, kind, from_table) in enumerate(entries):
            end = i + len(parts)
            if end <= len(toks) and all(toks[i + k].text == parts[k] for k in range(1, len(parts))) \
                    and _tight(text, toks, i, end):
                written = text[toks[i].start:toks[end - 1].end]
                for other, other_target, other_kind, _ in entries[index + 1:]:
                    if other != parts or from_table:  # the table's variant wins
                        break
                    if other_target == written:  # `St. Petersburg` as written, not `St Petersburg`
                        target, kind = other_target, other_kind
                        break
                found.add(target, weight, kind)
                for k in range(i, end):
                    used[k] = True
                after = end
                break


def _tight(text: str, toks: list[Token], start: int, end: int) -> bool:
    """Whether tokens start..end-1 are separated by one space each (or `St. `, `U.S.`)."""
    for k in range(start + 1, end):
        gap = text[toks[k - 1].end:toks[k].start]
        if gap not in (". ", ".") and not _space(gap):
            return False
    return True


_PARENS_ACRONYM = re.compile(r"\(([A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7})\)")


def _defined_acronyms(field_tokens, found: _Found) -> dict[str, str]:
    """Acronyms defined in parentheses right after a name of their initials:
    `Vienna Insurance Group (VIG)` -> {"VIG": "vienna insurance group"} (`Andreas Khol (ÖVP)` is no definition)."""
    by_initials: dict[str, dict[int, set[str]]] = {}  # initials -> length -> names
    for key in found.weight:
        if " " in key and found.kind.get(key) != TOPIC:
            initials = "".join(w[0] for w in key.split(" ") if w[:1].isalpha()).upper()
            by_initials.setdefault(initials, {}).setdefault(len(key), set()).add(key)
    defined: dict[str, str] = {}
    for text, _, _, _ in field_tokens:
        for match in _PARENS_ACRONYM.finditer(text):
            acronym = match.group(1)
            # one look-up per length of name (a few), not one per name with these initials
            for length, keys in sorted(by_initials.get(acronym, {}).items()):
                before = text[max(0, match.start() - length - 1):match.start()].strip().lower()
                if before in keys:
                    defined.setdefault(acronym, before)
                    break
    return defined


def _word_info(ex: Extractor, word: str) -> tuple[tuple[str, ...], list | None, str | None]:
    """What a word as written says by itself: the topics it triggers (no phrases), the topic
    phrases it may open, and, for a lowercase word, the country of its demonym (`ägyptischen`)."""
    table = ex.table
    low = word.lower()
    topics = _word_topics(table, low) if table.topics else ()
    phrases = table.topic_phrases.get(low) if table.topics else None
    country = _demonym(ex.words.demonyms, word) if ex.words.demonyms and not word[0].isupper() else None
    return topics, phrases, country


def _with_phrases(phrases: list, topics: tuple[str, ...], toks: list[Token], i: int) -> tuple[str, ...]:
    """The topics of the phrases that start at token `i`, then the word's own."""
    found = [topic for parts, topic in phrases
             if i + len(parts) <= len(toks) and all(toks[i + k].text.lower() == parts[k] for k in range(1, len(parts)))]
    return tuple(dict.fromkeys([*found, *topics])) if found else topics


def _word_topics(table: TagTable, low: str) -> tuple[str, ...]:
    """Topics one lowercased word triggers by itself (no phrases), in the table's order of kinds."""
    hits = []
    exact = table.topic_words.get(low)
    if exact:
        hits.append(exact)
    for k in range(3, min(len(low), table.topic_affix_max) + 1):
        prefix = table.topic_prefixes.get(low[:k])
        if prefix:
            hits.append(prefix)
        suffix = table.topic_suffixes.get(low[-k:])
        if suffix:
            hits.append(suffix)
    return tuple(dict.fromkeys(hits))


def _demonym(demonyms: dict[str, str], word: str) -> str | None:
    if len(word) < 5 or not word.endswith(("isch", "ische", "ischen", "ischer", "isches", "ischem")):
        return None
    for ending in _INFLECTION:
        if word.endswith(ending) and word[:-len(ending)] in demonyms:
            return demonyms[word[:-len(ending)]]
    return demonyms.get(word)


def _strip_genitive(word: str) -> str | None:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "ß", "us", "is", "os")):
        return word[:-1]
    return None


def _looks_like_person(ex: Extractor, run: list[str]) -> bool:
    """A name of two or more words that opens with a first name and does not end in a place."""
    head = run[0]
    first = head in ex.words.first_names or ("-" in head and all(p in ex.words.first_names for p in head.split("-")))
    return first and not any(w in ex.words.major_places for w in run[1:])


def _fold_short_forms(found: _Found) -> None:
    """`Van der Bellen` counts for `Alexander Van der Bellen` when the article has exactly one
    person whose name ends so (with two, the short form is dropped)."""
    def by_ending(names: list[str]) -> dict[str, list[str]]:
        """Each name under every ending of whole words (`van der bellen`, `bellen`): one look-up
        finds the names a short form ends, whatever the number of names."""
        index: dict[str, list[str]] = {}
        for name in names:
            words = name.split(" ")
            for i in range(1, len(words)):
                index.setdefault(" ".join(words[i:]), []).append(name)
        return index
    persons = by_ending([k for k in found.weight if found.kind[k] == PERSON])
    longer = by_ending([k for k in found.weight if k.count(" ") > 1])
    for key in sorted(found.weight):
        if " " not in key or key not in found.weight:
            continue
        # `Dos Santos` for `José Eduardo Dos Santos`: a short form opening with a particle
        pool = longer if key.split(" ", 1)[0] in _LOW_OPENERS else persons
        owners = pool.get(key, ())
        if len(owners) == 1:
            found.move(key, max(found.forms[owners[0]], key=lambda f: (found.forms[owners[0]][f], f)))
        elif owners:
            found.weight.pop(key)
            found.forms.pop(key)
            found.kind.pop(key)


def _merge_genitives(ex: Extractor, found: _Found, persons_by_last: dict[str, set[str]]) -> None:
    """`Werner Schwabs` counts for `Werner Schwab`, `Russlands` for `Russland`, when the article
    has the base form too or the lexicons know it."""
    if not ex.german:
        return
    for key in sorted(found.weight):
        if key not in found.weight or found.kind.get(key) == TOPIC:
            continue
        form = max(found.forms[key], key=lambda f: (found.forms[key][f], f))
        words = form.split(" ")
        base_last = _strip_genitive(words[-1])
        if not base_last or form in ex.words.places or form in ex.table.aliases:
            continue
        base = " ".join([*words[:-1], base_last])
        known = (base.lower() in found.weight or base in ex.words.places or base_last in ex.words.surnames
                 or base_last in persons_by_last or (len(words) > 1 and words[0] in ex.words.first_names))
        if known and base.lower() != key:
            if len(words) > 1 and found.kind[key] == PERSON:
                persons_by_last.setdefault(base_last, set()).add(base.lower())
                persons_by_last.get(words[-1], set()).discard(key)
            found.move(key, base)


def _name_ish(ex: Extractor, text: str, toks: list[Token], i: int, proper, after_name: bool) -> bool:
    """Whether token `i` can be part of a name (`after_name`: it follows a first name or name)."""
    word = toks[i].text
    if not word[0].isupper() or len(word) < 2:
        if word[0].isdigit():  # `Nexus 6P`, `Model 3`
            return after_name and any(c.isupper() for c in word) and len(word) <= 4
        return word.startswith(NAME_PREFIXES) and len(word) > 4 and word[word.index("-") + 1].isupper()
    w = ex.words
    if is_acronym(word):
        return not _junk_acronym(ex, text, toks, i)
    if word in ex.table.blocked_forms:
        return False
    if word in ex.table.aliases or word in w.major_places:
        return True
    if "-" in word:
        parts = word.split("-")
        if not all(p[:1].isupper() or p.isdigit() for p in parts):
            return False
        return not (ex.german and w.ends_in_noun(parts[-1]) and parts[-1] not in w.surnames)
    if after_name and (word in w.surnames or not (ex.german and w.is_noun(word))
                       or (i and toks[i - 1].text in w.first_names and not opens_sentence(text, toks[i - 1]))):
        return True  # after a name, a word that is no common noun (`Laurent Mekul`); after a first name any
        # (`Walter Salzburger`)
    if word in w.first_names and _before_name(ex, text, toks, i) and not (
            ex.german and opens_sentence(text, toks[i]) and ex.names.common_word(word)):
        return True  # `Klaus Allofs`, `Mark Cavendish`: a first name before a name, even if also a noun
    if word in w.places or word in w.surnames or word in w.first_names:
        if ex.german and (w.is_noun(word) or (word in w.places and opens_sentence(text, toks[i]))):
            return proper(word)  # `Regen`, `Ob Google`: HanTa decides
        return True
    if ex.german and not after_name and ex.names.common_word(word):
        return False  # `Knapp`, `Lange`: HanTa knows the word in lower case as no noun
    return proper(word)


def _before_name(ex: Extractor, text: str, toks: list[Token], i: int) -> bool:
    """Whether a capitalised word that is no common noun follows token `i` after one space."""
    if i + 1 >= len(toks) or not _space(text[toks[i].end:toks[i + 1].start]):
        return False
    nxt = toks[i + 1].text
    return nxt[0].isupper() and len(nxt) > 1 and not is_acronym(nxt) and (
        nxt in ex.words.surnames or not ex.words.is_noun(nxt))


def _junk_acronym(ex: Extractor, text: str, toks: list[Token], i: int) -> bool:
    """`16 GB`, `(AUT)` in a results list, and script captions in capitals."""
    tok = toks[i]
    if i and toks[i - 1].text.isdigit() and text[toks[i - 1].end:tok.start] == " ":
        return True
    if text[tok.start - 1:tok.start] == "(" and text[tok.end:tok.end + 1] == ")" \
            and tok.text in ex.words.iso_codes:
        return True
    caps = 0
    for k in range(max(0, i - 2), min(len(toks), i + 3)):
        caps = caps + 1 if is_acronym(toks[k].text) and len(toks[k].text) > 2 else 0
        if caps >= 3:
            return True
    return False


def _name_runs(ex: Extractor, text: str, toks: list[Token], used: list[bool], proper):
    """Maximal runs of name tokens: `Jens Stoltenberg`, `Van der Bellen`, `St. Pölten`.

    Yields (words, opens a sentence, from a compound). Common nouns around a
    name are not part of it (`Innenministerin Johanna Mikl-Leitner`); a
    compound ending in a common noun (`Apple-Server`, `ZTE-Chef`) gives its
    name part, marked as coming from a compound.
    """
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        word = tok.text
        if used[i] or not (word[0].isupper() or word.startswith(NAME_PREFIXES)):
            i += 1
            continue
        if ex.german and i + 1 < n and not used[i + 1] and toks[i + 1].text[0].isupper() \
                and word.endswith(_INFLECTION) and word[1:].islower():
            adjective_name = _adjective_name(ex, text, toks, i)
            if adjective_name and not any(used[i:adjective_name[1]]):
                yield adjective_name[0], False, False
                i = adjective_name[1]
                continue
        opener = (word in OPENING_PARTICLES or word in SAINTS) and i + 1 < n
        if word in ORG_HEADS and i + 1 < n and not used[i + 1] and _space(text[tok.end:toks[i + 1].start]) \
                and toks[i + 1].text[0].isupper() and _name_ish(ex, text, toks, i + 1, proper, True):
            opener = True  # `Universität Salzburg`, `Casinos Austria`
        if not opener and ex.german and word[1:].islower() and i + 1 < n and not used[i + 1] \
                and _space(text[tok.end:toks[i + 1].start]) and toks[i + 1].text[0].isupper() \
                and not opens_sentence(text, tok) and ex.names.adjective(word) \
                and not (word.endswith("er") and not ex.names.adjective(word[:-2] + "en")) \
                and not ex.words.is_noun(toks[i + 1].text) and _name_ish(ex, text, toks, i + 1, proper, False):
            opener = True  # `Mobile World Congress`: a capitalised adjective inside a sentence opens a
            # name (not a place's, always capitalised: `Wiener Alexander Peya`)
        if not opener and not _name_ish(ex, text, toks, i, proper, False):
            if "-" in word and word[0].isupper():
                head = word.split("-", 1)[0]
                if len(head) > 1 and (is_acronym(head) or head in ex.words.places or not ex.words.is_noun(head)):
                    yield [head], False, True
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n and len(run) < MAX_NAME_WORDS + 2 and not used[j]:
            gap = text[toks[j - 1].end:toks[j].start]
            if toks[j - 1].text in SAINTS and gap in (". ", ".") and toks[j].text[0].isupper():
                run.append(j)
                j += 1
                continue
            if not _space(gap):
                break
            if (toks[j - 1].text.lower(), toks[j].text) in PARTICLE_PAIRS:  # `Van der Bellen`
                k = j + 1
                if k < n and not used[k] and _space(text[toks[j].end:toks[k].start]) \
                        and toks[k].text[0].isupper() and _name_ish(ex, text, toks, k, proper, True):
                    run.extend((j, k))
                    j = k + 1
                    continue
                break
            if toks[j].text in PARTICLES:
                k = j + 1
                if k < n and (toks[j].text, toks[k].text) in PARTICLE_PAIRS and _space(text[toks[j].end:toks[k].start]):
                    k += 1
                if k < n and not used[k] and _space(text[toks[k - 1].end:toks[k].start]) \
                        and toks[k].text[0].isupper() and _name_ish(ex, text, toks, k, proper, True):
                    run.extend(range(j, k + 1))
                    j = k + 1
                    continue
                break
            if _name_ish(ex, text, toks, j, proper, True):
                run.append(j)
                j += 1
                continue
            break
        # a capitalised particle or saint's title alone is no name
        while run and (toks[run[-1]].text in OPENING_PARTICLES or toks[run[-1]].text in SAINTS):
            run.pop()
        if len(run) == 1 and j < n and _binomial(ex, text, toks, run[0], j):
            run.append(j)  # a species: `Plecodus straeleni`
            j += 1
        if run:
            words = _join(text, toks, run)
            yield words, opens_sentence(text, toks[run[0]]), False
        i = max(j, i + 1)


def _adjective_name(ex: Extractor, text: str, toks: list[Token], i: int) -> tuple[list[str], int] | None:
    """Capitalised adjectives inside a sentence before a common noun are a name, in the
    nominative: `des Bayerischen Rundfunks` -> `Bayerischer Rundfunk`, `dem Roten Kreuz` ->
    `Rotes Kreuz`, `den Olympischen Spielen` -> `Olympische Spiele`, `der Vereinigten Arabischen
    Emirate` -> `Vereinigte Arabische Emirate`; names after the noun stay with it (`Demokratische
    Republik Kongo`). The noun's gender comes from the lexicon; a noun form of no gender it
    knows is a plural. A place's adjective (`Wiener`, `Kärntner`) is always capitalised, so it
    names nothing. Returns the words and the index after them."""
    n = len(toks)
    if opens_sentence(text, toks[i]):
        return None
    adjectives: list[tuple[str, str]] = []  # (stem, ending)
    j = i
    while j < n - 1 and len(adjectives) < 2 and _space(text[toks[j].end:toks[j + 1].start]):
        word = toks[j].text
        ending = next((e for e in _INFLECTION if word.endswith(e)), None)
        if len(word) < 4 or not word[0].isupper() or not word[1:].islower() or ending is None \
                or not ex.names.adjective(word) \
                or (ending == "er" and not ex.names.adjective(word[:-2] + "en")):
            break
        adjectives.append((word[:-len(ending)], ending))
        j += 1
    if not adjectives:
        return None
    noun = toks[j].text
    if len(noun) < 3 or not noun[0].isupper() or not noun[1:].islower() or not ex.words.ends_in_noun(noun) \
            or noun in ex.table.blocked_forms or text[toks[j].end:toks[j].end + 1] in ("-", "‑"):
        return None  # `Österreichische Bundes- und Landesstraßen`: a truncated compound
    base, gender = noun, None
    for cut in (1, 2):  # the genitive: `Rundfunks`, `Kreuzes`
        if noun.endswith("es"[2 - cut:]) and ex.words.gender(noun[:-cut]) in ("m", "n"):
            base, gender = noun[:-cut], ex.words.gender(noun[:-cut])
            break
    if gender is None and adjectives[-1][1] == "en" and noun.endswith("en") and ex.words.is_noun(noun[:-1]):
        base = noun[:-1]  # the dative plural: `Spielen` of `Spiele`
    else:
        gender = gender or ex.words.gender(noun)
        if gender is None and not ex.words.is_noun(noun):
            return None
    words = [stem + _NOMINATIVE.get(gender or "", "e") for stem, _ in adjectives] + [base]
    k = j + 1
    while k < n and len(words) < MAX_NAME_WORDS and _space(text[toks[k - 1].end:toks[k].start]) \
            and toks[k].text[0].isupper() and not is_acronym(toks[k].text) \
            and (toks[k].text in ex.words.places or toks[k].text[:-1] in ex.words.places):
        words.append(toks[k].text)  # `Demokratische Republik Kongo`, `Kommunistische Partei Chinas`
        k += 1
    return words, k


_EPITHET = ("i", "ae", "us", "um", "is", "ensis", "oides", "ii")


def _binomial(ex: Extractor, text: str, toks: list[Token], i: int, j: int) -> bool:
    """A genus (`Plecodus`) followed by a Latin epithet in lower case that HanTa does not know."""
    epithet = toks[j].text
    return (_space(text[toks[i].end:toks[j].start]) and epithet.isalpha() and epithet.islower()
            and len(epithet) > 4 and epithet.endswith(_EPITHET) and not ex.names.known(epithet)
            and not ex.words.is_noun(toks[i].text))


def _space(gap: str) -> bool:
    return 0 < len(gap) <= 3 and gap.count(" ") == len(gap)


def _join(text: str, toks: list[Token], run: list[int]) -> list[str]:
    """The words of a run, `St.` kept with its dot and joined to the next word."""
    words: list[str] = []
    glue = False
    for index in run:
        word = toks[index].text
        if glue:
            words[-1] += " " + word
            glue = False
            continue
        if word in SAINTS and text[toks[index].end:toks[index].end + 1] == "." and word == "St":
            words.append("St.")
            glue = True
            continue
        words.append(word)
    if glue:
        words.pop()
    return words
