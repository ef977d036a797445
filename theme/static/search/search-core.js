/*
 * Search logic without the DOM: read a reader's query, load the index shards
 * it needs, score the postings, mark matches and pick snippets.
 * The file formats and the reasoning are in docs/search.md.
 *
 * A query is words (split as the index splits text), each a clause that
 * every hit must match; `-word` excludes, `"two words"` is a phrase (its
 * words required, articles with them verbatim first), `word*` is a prefix,
 * `field:word` searches one field. The last word, unless a space follows,
 * is the word being typed: it matches its own term and, from its third
 * letter, every term it begins (weighted below the exact term).
 * A clause's score for an article is the best of its terms' (each: the sum
 * of the term's per-field BM25 scores, made at build time over the whole
 * collection, times the term's weight); an article's score is the sum over
 * the clauses. When no article has every word, the articles with the most
 * words come, marked as such (`partial`).
 */
(function (root, lunr) {
  "use strict";

  var SCORE_SCALE = 100;  // plugins/lunr_search/shards.py
  var LAST = "\uffff";
  var PREFIX_WEIGHT = 0.5;  // a term the typed word begins, against the word's own term
  var COMPOUND_WEIGHT = 0.8;  // the parts of a compound no article has
  var MIN_PREFIX = 3;  // letters before the word being typed matches as a prefix
  var PHRASE_CANDIDATES = 30;  // best hits whose text is checked for a phrase
  var MIN_COMPOUND_PART = 4;
  var AHEAD_SHARDS = 2;  // at most this many shards loaded ahead for the word being typed
  var ENDINGS = ["", "n", "e", "en", "s", "es", "er"];  // of a compound's parts as words
  // Question words, left out when no article has every word (the pipelines
  // drop stop words already).
  var QUESTION_WORDS = new Set(["wer", "wie", "was", "wann", "wo", "warum", "wieso", "weshalb", "weswegen",
    "welche", "welcher", "welches", "welchen", "welchem", "wem", "wen", "wessen", "woher", "wohin", "womit",
    "wozu", "wieviel", "wieviele", "who", "what", "when", "where", "why", "which", "how"]);
  var INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
  var CJK = /([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])/g;
  var SEPARATOR = /[\s\-]+/;

  /* `text` without invisible characters, each CJK character a word
   * (plugins/lunr_search/pipelines.py: fold_invisible, separate_cjk). */
  function fold(text) {
    return text.replace(INVISIBLE, "").replace(CJK, " $1 ");
  }

  function words(text) {
    return fold(text).split(SEPARATOR).filter(Boolean);
  }

  /* The last position in sorted `firsts` whose value is <= `term` (0 if none). */
  function lastAtOrBefore(firsts, term) {
    var low = 0, high = firsts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (firsts[middle] <= term) low = middle; else high = middle - 1;
    }
    return low;
  }

  /* The shards (positions) that may hold a term starting with `prefix`. */
  function shardRange(firsts, prefix) {
    var from = lastAtOrBefore(firsts, prefix), to = lastAtOrBefore(firsts, prefix + LAST);
    var range = [];
    for (var i = from; i <= to; i++) range.push(i);
    return range;
  }

  function decodeGaps(gaps) {
    var n = 0;
    return gaps.map(function (gap) { n += gap; return n; });
  }

  /* Lines `<p><rest>` (p: chr(48 + characters shared with the line before)),
   * as plugins/lunr_search/display_forms.py front_coded writes them. */
  function readFrontCoded(text) {
    var previous = "";
    return (text ? text.split("\n") : []).map(function (line) {
      previous = previous.slice(0, line.charCodeAt(0) - 48) + line.slice(1);
      return previous;
    });
  }

  /* Wildcards and prefixes skip the pipeline, so they are folded here the
   * way the pipeline folds indexed words (German stems carry no umlauts). */
  var FOLD = { "ä": "a", "ö": "o", "ü": "u", "ß": "ss" };
  var WILDCARD_FOLDS = {
    de: function (term) {
      return lunr.newsDigest.transliterate(term).replace(/[äöüß]/g, function (c) { return FOLD[c]; });
    }
  };

  function foldWildcard(term, lang) {
    var trimmed = lunr.newsDigest.trim(term.replace(/\*/g, ""));
    return (WILDCARD_FOLDS[lang] || String)(trimmed.toLowerCase());
  }

  /* Whether `a` and `b` are at most `k` edits apart (insert, delete,
   * substitute, or swap neighbours: as lunr's fuzzy matching counts). */
  function within(a, b, k) {
    if (Math.abs(a.length - b.length) > k) return false;
    var previous2 = null, previous = [], i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      var row = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d = Math.min(d, previous2[j - 2] + 1);
        }
        row.push(d);
        if (d < best) best = d;
      }
      if (best > k) return false;
      previous2 = previous;
      previous = row;
    }
    return previous[b.length] <= k;
  }

  /* Numbers as written and as readers type them: `1400` also finds
   * `1.400`, `1.400` also `1400`. */
  function numberForms(term) {
    if (/^\d{4,}$/.test(term)) return [term.replace(/\B(?=(\d{3})+$)/g, ".")];
    if (/^\d{1,3}(\.\d{3})+$/.test(term)) return [term.replace(/\./g, "")];
    return [];
  }

  /* The reader's query as words: [{text, exclude, phrase, prefix, fuzzy,
   * field, typed}] and its phrases (lists of word texts). `typed`: the word
   * being typed (last, no space after it). Never throws. */
  function parseQuery(text, fields) {
    var result = { words: [], phrases: [] };
    var source = fold(text);
    var pattern = /"([^"]*)("|$)|(\S+)/g, match;
    while ((match = pattern.exec(source)) !== null) {
      if (match[3] === undefined) {
        var phraseWords = words(match[1]);
        if (phraseWords.length > 1) result.phrases.push(phraseWords);
        phraseWords.forEach(function (w) { result.words.push({ text: w, phrase: true }); });
        continue;
      }
      var token = match[3], word = { text: token };
      if (token[0] === "-" && token.length > 1) { word.exclude = true; token = token.slice(1); }
      var fuzzy = /~(\d)$/.exec(token);
      if (fuzzy) { word.fuzzy = Number(fuzzy[1]); token = token.slice(0, fuzzy.index); }
      var colon = token.indexOf(":");
      if (colon > 0 && fields.indexOf(token.slice(0, colon)) !== -1 && colon < token.length - 1) {
        word.field = token.slice(0, colon);
        token = token.slice(colon + 1);
      }
      var pieces = words(token);
      pieces.forEach(function (piece, i) {
        var w = Object.assign({}, word, { text: piece });
        if (/\*$/.test(piece)) { w.prefix = true; w.explicit = true; }
        if (i < pieces.length - 1) delete w.fuzzy;
        result.words.push(w);
      });
    }
    var last = result.words[result.words.length - 1];
    if (last && !last.exclude && !last.phrase && !last.fuzzy && !/\s$/.test(text) && !/"$/.test(text)) {
      last.typed = true;
      last.prefix = true;
    }
    return result;
  }

  /* One language's index: its pipeline, fields and shards, loaded on demand. */
  function Language(lang, meta, load) {
    this.lang = lang;
    this.fields = meta.fields;
    this.pipeline = lunr.Pipeline.load(meta.pipeline);
    this.docs = decodeGaps(meta.docs);
    this.size = this.docs.length ? this.docs[this.docs.length - 1] + 1 : 0;  // store positions below it
    this.firsts = meta.shards.map(function (s) { return s[0]; });
    this.urls = meta.shards.map(function (s) { return s[1]; });
    this.shards = [];  // position -> {terms, postings} once loaded
    this.pending = [];  // position -> promise while loading
    this.load = load;
    this.allTerms = null;  // the sorted term list, once the fallback needed it
  }

  /* The index term of one word (null for a stop word or punctuation). */
  Language.prototype.analyse = function (word) {
    var terms = this.pipeline.runString(word.toLowerCase()).filter(Boolean);
    return terms.length ? terms[0] : null;
  };

  /* A promise of the shards at `positions`; `ahead`: loaded for later, at
   * low priority (the browser fetches what a search waits for first). */
  Language.prototype.fetchShards = function (positions, ahead) {
    var self = this;
    return Promise.all(positions.map(function (i) {
      if (self.shards[i]) return self.shards[i];
      self.pending[i] = self.pending[i] || self.load(self.urls[i], ahead).then(function (shard) {
        self.shards[i] = shard;
        return shard;
      }, function (error) { self.pending[i] = null; throw error; });
      return self.pending[i];
    }));
  };

  /* The flat postings of `term` among the loaded shards, or null. */
  Language.prototype.postings = function (term) {
    var shard = this.shards[lastAtOrBefore(this.firsts, term)];
    if (!shard) return null;
    var at = lastAtOrBefore(shard.terms, term);
    return shard.terms[at] === term ? shard.postings[at] : null;
  };

  Language.prototype.hasTerm = function (term) {
    return this.postings(term) !== null;
  };

  /* Loaded terms that start with `prefix`, in order. */
  Language.prototype.termsWithPrefix = function (prefix) {
    var self = this, found = [];
    shardRange(this.firsts, prefix).forEach(function (i) {
      var shard = self.shards[i];
      if (!shard) return;
      var at = prefix ? lastAtOrBefore(shard.terms, prefix) : 0;
      if (shard.terms[at] < prefix) at += 1;
      for (; at < shard.terms.length && shard.terms[at].lastIndexOf(prefix, 0) === 0; at++) {
        found.push(shard.terms[at]);
      }
    });
    return found;
  };

  /* The term list (terms.<hash>.json), loaded once for all languages. */
  Language.prototype.termList = function (loadTerms) {
    var self = this;
    if (this.allTerms) return Promise.resolve(this.allTerms);
    return loadTerms().then(function (data) {
      self.allTerms = self.allTerms || readFrontCoded(data.terms[self.lang]);
      if (!self.termSet) self.termSet = new Set(self.allTerms);
      return self.allTerms;
    });
  };

  /* Terms of the term list within `distance` edits of `term`. */
  Language.prototype.termsNear = function (term, distance) {
    return this.allTerms.filter(function (t) { return within(term, t, distance); });
  };

  /* The index term of `word` or of a form of it with an ending (a part of
   * a compound drops it: `Lebensmittel` in `Verschwendung von Lebensmitteln`). */
  Language.prototype.knownForm = function (word) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var term = this.analyse(word + ENDINGS[i]);
      if (term && this.termSet.has(term)) return term;
    }
    return null;
  };

  /* A word no article has, as two words the index knows (`Lebensmittel` +
   * `verschwendung`), the longest known first part first; or null. */
  Language.prototype.compoundParts = function (word) {
    var lower = word.toLowerCase();
    for (var i = lower.length - MIN_COMPOUND_PART; i >= MIN_COMPOUND_PART; i--) {
      var tail = this.knownForm(lower.slice(i)), head = tail && this.knownForm(lower.slice(0, i));
      if (head) return [head, tail];
    }
    return null;
  };

  /* Each word's clause for this language: {word, terms: [[term, weight]],
   * prefix, fields, exclude}; words the pipeline drops are left out. */
  Language.prototype.clauses = function (query) {
    var self = this;
    return query.words.reduce(function (kept, word) {
      var clause = { word: word, terms: [], ranges: [], fields: word.field ? [word.field] : null };
      var term = word.explicit ? null : self.analyse(word.text);
      if (term) {
        clause.terms.push([term, 1]);
        numberForms(term).forEach(function (form) { clause.terms.push([form, 1]); });
      }
      if (word.prefix) {
        var prefix = foldWildcard(word.text, self.lang);
        if (prefix.length >= (word.explicit ? 1 : MIN_PREFIX)) clause.ranges.push([prefix, word.explicit ? 1 : PREFIX_WEIGHT]);
      }
      if (!clause.terms.length && !clause.ranges.length) return kept;
      // A stop word being typed (`unter`) may become `Unternehmen`: its
      // prefix adds to the score but is not required.
      clause.optional = !term && !word.explicit && lunr.newsDigest.trim(word.text) !== "";
      // A word being typed that is still too short to be a prefix (`W`).
      clause.short = Boolean(word.typed) && !word.explicit && foldWildcard(word.text, self.lang).length < MIN_PREFIX;
      clause.question = QUESTION_WORDS.has(word.text.toLowerCase());
      kept.push(clause);
      return kept;
    }, []);
  };

  /* While the reader types, a word being typed counts from its third
   * letter (MIN_PREFIX) when there are other words: `Rapid W` and `Rapid Wi`
   * find what `Rapid` finds, without waiting for the shards of `w` and
   * `wi`. At its last letter before that, the shards its prefixes can
   * reach are loaded ahead (if they are at most AHEAD_SHARDS). */
  Language.prototype.whileTyping = function (clauses) {
    var self = this;
    var others = clauses.some(function (c) { return !c.short && !c.optional && !c.word.exclude; });
    return clauses.filter(function (clause) {
      if (!clause.short) return true;
      var prefix = foldWildcard(clause.word.text, self.lang);
      if (prefix.length === MIN_PREFIX - 1) {
        var ahead = shardRange(self.firsts, prefix);
        if (ahead.length <= AHEAD_SHARDS) self.fetchShards(ahead, true).catch(function () {});
      }
      return !others;
    });
  };

  /* Shard positions `clauses` need. */
  Language.prototype.needs = function (clauses) {
    var self = this, wanted = new Set();
    clauses.forEach(function (clause) {
      clause.terms.forEach(function (t) { wanted.add(lastAtOrBefore(self.firsts, t[0])); });
      clause.ranges.forEach(function (r) {
        shardRange(self.firsts, r[0]).forEach(function (i) { wanted.add(i); });
      });
    });
    return Array.from(wanted).sort(function (a, b) { return a - b; });
  };

  /* clause.expanded: [[term, weight]] of the loaded terms it matches. */
  Language.prototype.expand = function (clause) {
    var self = this, seen = new Map();
    clause.terms.forEach(function (t) {
      if (self.hasTerm(t[0])) seen.set(t[0], Math.max(seen.get(t[0]) || 0, t[1]));
    });
    clause.ranges.forEach(function (r) {
      self.termsWithPrefix(r[0]).forEach(function (term) {
        if (!seen.has(term)) seen.set(term, r[1]);
      });
    });
    clause.expanded = Array.from(seen.entries());
  };

  /* The clause's scores per document (documents are store positions, below
   * `this.size`): `docs` the documents its terms match, in the order first
   * met; per document (typed arrays, indexed by store position) `score`
   * and `idf` of its best term (times the term's weight), `terms` it
   * matched, and `whole`: matched in a field other than `parts` (a word,
   * not a part of a compound). Arrays, not maps: a prefix's terms may have
   * tens of thousands of postings. */
  Language.prototype.clauseScores = function (clause) {
    var fields = this.fields, only = clause.fields, self = this, size = this.size;
    var parts = fields.indexOf("parts"), documents = this.docs.length;
    var result = { docs: [], score: new Float64Array(size), idf: new Float64Array(size),
                   whole: new Uint8Array(size), terms: new Array(size) };
    var work = this.work || (this.work = { sums: new Float64Array(size), seen: new Int32Array(size),
                                           used: new Int32Array(size), word: new Int32Array(size), stamp: 0 });
    var sums = work.sums, seen = work.seen, used = work.used, word = work.word;
    clause.expanded.forEach(function (entry) {
      var term = entry[0], weight = entry[1], flat = self.postings(term), stamp = ++work.stamp;
      var having = 0, touched = [];
      for (var i = 0; i < flat.length;) {
        var field = flat[i], count = flat[i + 1], doc = 0, use = !only || only.indexOf(fields[field]) !== -1;
        i += 2;
        for (var j = 0; j < count; j++, i += 2) {
          doc += flat[i];
          if (seen[doc] !== stamp) { seen[doc] = stamp; having += 1; }
          if (!use) continue;
          if (used[doc] !== stamp) { used[doc] = stamp; sums[doc] = 0; touched.push(doc); }
          sums[doc] += flat[i + 1];
          if (field !== parts) word[doc] = stamp;
        }
      }
      // lunr's idf, from the articles that have the term in any field
      var idf = Math.log(1 + Math.abs((documents - having + 0.5) / (having + 0.5))) * weight;
      for (var t = 0; t < touched.length; t++) {
        var d = touched[t], score = sums[d] * weight / SCORE_SCALE;
        if (!result.terms[d]) {
          result.docs.push(d);
          result.terms[d] = [term];
          result.score[d] = score;
          result.idf[d] = idf;
        } else {
          result.terms[d].push(term);
          if (score > result.score[d]) { result.score[d] = score; result.idf[d] = idf; }
        }
        if (word[d] === stamp) result.whole[d] = 1;
      }
    });
    return result;
  };

  /* Hits of one language: [{ref, lang, score, terms, matched}], every
   * clause matched (`partial` false) or, if none has all, the most. */
  Language.prototype.score = function (clauses, partial) {
    var self = this, size = this.size, docs = [];
    var score = new Float64Array(size), matched = new Int32Array(size), whole = new Int32Array(size);
    var information = new Float64Array(size), terms = new Array(size), excluded = new Uint8Array(size);
    function add(doc) {
      if (!terms[doc]) { terms[doc] = []; docs.push(doc); }
    }
    // Question words beside other words (`wer gewinnt die Wahl`) are not
    // required: they only add to the score (in the most-words case not even that).
    var asked = clauses.some(function (c) { return !c.word.exclude && !c.optional && !c.question; });
    var wanted = clauses.filter(function (c) {
      return !c.word.exclude && !c.optional && !(c.question && (partial || asked));
    });
    clauses.forEach(function (clause) {
      // the same for both calls of a search (all words, then the most words)
      var scores = clause.scores || (clause.scores = self.clauseScores(clause));
      if (clause.word.exclude) { scores.docs.forEach(function (doc) { excluded[doc] = 1; }); return; }
      if (partial && clause.question) return;
      var counted = wanted.indexOf(clause) !== -1, aside = clause.question && !counted;
      var words = !clause.compound && !aside;
      scores.docs.forEach(function (doc) {
        add(doc);
        score[doc] += scores.score[doc];
        if (counted) { matched[doc] += 1; information[doc] += scores.idf[doc]; }
        if (words && scores.whole[doc]) whole[doc] += 1;
        terms[doc].push.apply(terms[doc], scores.terms[doc]);
      });
    });
    if (!wanted.length && !clauses.some(function (c) { return c.optional; })) {  // only exclusions: every other article
      this.docs.forEach(add);
    }
    var hits = [];
    docs.forEach(function (doc) {
      if (excluded[doc] || (!partial && matched[doc] < wanted.length) || (partial && !matched[doc])) return;
      hits.push({ ref: doc, lang: self.lang, score: score[doc], terms: terms[doc], matched: matched[doc],
                  whole: whole[doc], information: information[doc] });
    });
    return hits;
  };

  /* Best first: the more words matched as words (not as parts of a
   * compound) the better, then by score (in the most-words fallback the
   * score sums the words matched, so rare words count most). */
  function byRank(a, b) {
    return (b.whole - a.whole) || (b.score - a.score) || (a.ref - b.ref);
  }

  /* In the most-words case: the more of the query's information an article
   * has (the summed idf of the words it matches), the better, then by
   * score: two rare words of a question (`Zelten untergebracht`) outweigh
   * three common ones (`viele gibt eigentlich`), and `Wahl Wien` one
   * `gewinnt` in a headline. */
  function byInformation(a, b) {
    return (b.information - a.information) || (b.score - a.score) || (a.ref - b.ref);
  }

  /* The search over the files `meta` names (paths from `siteRoot`, a URL);
   * `load(url)` fetches and parses one JSON file (`load(url, true)`: one
   * loaded ahead, at low priority), `loadText(url)` one text file. Also the
   * engine of search-fuzzy.js: languages, search, analyse, hasTerm. */
  function Searcher(meta, siteRoot, load, loadText) {
    var self = this;
    function loadPath(path, ahead) { return load(new URL(path, siteRoot).href, ahead); }
    this.languages = Object.keys(meta.indexes).sort();
    this.indexes = {};
    this.languages.forEach(function (lang) {
      self.indexes[lang] = new Language(lang, meta.indexes[lang], loadPath);
    });
    this.chunk = meta.store.chunk;
    this.storeUrls = meta.store.files;
    this.storeChunks = [];
    this.texts = new Map();
    this.loadPath = loadPath;
    this.loadTextPath = function (path) { return loadText(new URL(path, siteRoot).href); };
    this.meta = meta;
    this.termsFile = null;
    this.facetsFile = null;
  }

  Searcher.prototype.loadTerms = function () {
    var self = this;
    this.termsFile = this.termsFile || this.loadPath(this.meta.terms).catch(function (error) {
      self.termsFile = null;
      throw error;
    });
    return this.termsFile;
  };

  /* A promise of the facets (plugins/lunr_search/search_index.py facets). */
  Searcher.prototype.facets = function () {
    var self = this;
    this.facetsFile = this.facetsFile || this.loadPath(this.meta.facets).then(function (data) {
      data.year = decodeGaps(data.year);
      return data;
    }).catch(function (error) { self.facetsFile = null; throw error; });
    return this.facetsFile;
  };

  /* Fuzzy clauses (`word~1`) and words no article has but whose parts it
   * knows need the term list; their candidates' shards are then loaded. */
  Searcher.prototype.widen = function (language, clauses) {
    var self = this;
    var fuzzy = clauses.filter(function (c) { return c.word.fuzzy; });
    var unknown = clauses.filter(function (c) {
      return !c.word.fuzzy && !c.word.exclude && !c.word.explicit && !c.optional && !c.expanded.length
        && c.word.text.length >= 2 * MIN_COMPOUND_PART;
    });
    if (!fuzzy.length && !unknown.length) return Promise.resolve(clauses);
    return language.termList(function () { return self.loadTerms(); }).then(function () {
      var result = [];
      clauses.forEach(function (clause) {
        if (fuzzy.indexOf(clause) !== -1) {
          var near = [];
          clause.terms.forEach(function (t) {
            language.termsNear(t[0], clause.word.fuzzy).forEach(function (n) { near.push([n, 1]); });
          });
          result.push(Object.assign({}, clause, { terms: near, ranges: [] }));
        } else if (unknown.indexOf(clause) !== -1) {
          var parts = language.compoundParts(clause.word.text);
          if (!parts) { result.push(clause); return; }
          parts.forEach(function (part) {
            result.push(Object.assign({}, clause, { terms: [[part, COMPOUND_WEIGHT]], ranges: [], compound: true }));
          });
        } else {
          result.push(clause);
        }
      });
      return language.fetchShards(language.needs(result)).then(function () {
        result.forEach(function (c) { language.expand(c); });
        return result;
      });
    });
  };

  /* A promise of the ranked hits for `text`: an array of {ref, lang, score,
   * terms, matched}, with `partial` true when no article has every word
   * (then the articles with the most words), and `query` (parseQuery).
   * `options.typing`: the reader is typing (Language.whileTyping). */
  Searcher.prototype.search = function (text, options) {
    var self = this, query, byLang = {}, typing = Boolean(options && options.typing);
    this.languages.forEach(function (lang) {
      var language = self.indexes[lang];
      query = parseQuery(text, language.fields);
      var clauses = language.clauses(query);
      if (typing) clauses = language.whileTyping(clauses);
      if (clauses.length) byLang[lang] = clauses;
    });
    var langs = Object.keys(byLang);
    return Promise.all(langs.map(function (lang) {
      var language = self.indexes[lang];
      return language.fetchShards(language.needs(byLang[lang])).then(function () {
        byLang[lang].forEach(function (c) { language.expand(c); });
        return self.widen(language, byLang[lang]);
      }).then(function (clauses) { byLang[lang] = clauses; });
    })).then(function () {
      function collect(partial) {
        var hits = [];
        langs.forEach(function (lang) { hits.push.apply(hits, self.indexes[lang].score(byLang[lang], partial)); });
        return hits;
      }
      var hits = collect(false), partial = false;
      var countable = langs.some(function (lang) {
        return byLang[lang].filter(function (c) { return !c.word.exclude && !c.optional; }).length > 1;
      });
      if (!hits.length && countable) {
        hits = collect(true);
        partial = hits.length > 0;
      }
      hits.sort(partial ? byInformation : byRank);
      hits.partial = partial;
      hits.query = query || { words: [], phrases: [] };
      return query && query.phrases.length && !partial ? self.phrasesFirst(hits, query.phrases) : hits;
    });
  };

  function normalised(text) {
    return fold(text).toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }

  /* The best PHRASE_CANDIDATES hits with every phrase verbatim in their text
   * first (each keeps its rank among its group). */
  Searcher.prototype.phrasesFirst = function (hits, phrases) {
    var self = this, wanted = phrases.map(function (p) { return normalised(p.join(" ")); });
    var candidates = hits.slice(0, PHRASE_CANDIDATES);
    return Promise.all(candidates.map(function (hit) {
      return self.text(hit.ref).then(function (text) {
        var haystack = " " + normalised(text).replace(/[^\p{L}\p{M}\p{N}\s]+/gu, " ").replace(/ +/g, " ") + " ";
        hit.phrase = wanted.every(function (p) {
          return haystack.indexOf(" " + p.replace(/[^\p{L}\p{M}\p{N}\s]+/gu, " ").replace(/ +/g, " ").trim() + " ") !== -1;
        });
      }, function () { hit.phrase = false; });
    })).then(function () {
      var first = candidates.filter(function (h) { return h.phrase; });
      var rest = hits.filter(function (h) { return !h.phrase; });
      var result = first.concat(rest);
      result.partial = hits.partial;
      result.query = hits.query;
      return result;
    });
  };

  Searcher.prototype.analyse = function (lang, word) {
    return this.indexes[lang].pipeline.runString(word).filter(Boolean);
  };

  /* Whether `term` is in the index of `lang`; answers for loaded shards
   * only (a searched word's shard is loaded by its search). */
  Searcher.prototype.hasTerm = function (lang, term) {
    return this.indexes[lang].hasTerm(term);
  };

  /* A promise of store chunk `n`. */
  Searcher.prototype.storeChunk = function (n, ahead) {
    var self = this;
    this.storeChunks[n] = this.storeChunks[n] || this.loadPath(this.storeUrls[n], ahead).catch(function (error) {
      self.storeChunks[n] = null;  // tried again next time
      throw error;
    });
    return this.storeChunks[n];
  };

  /* A promise of the store entry [title, url, date, source, tags, text, story] of `ref`. */
  Searcher.prototype.doc = function (ref) {
    var chunk = this.chunk;
    return this.storeChunk(Math.floor(ref / chunk)).then(function (data) { return data.docs[ref % chunk]; });
  };

  /* Loads the whole store if it has at most `files` chunks (a small site:
   * then no keystroke waits for a hit's entry). */
  Searcher.prototype.loadSmallStore = function (files) {
    if (this.storeUrls.length > files) return;
    for (var n = 0; n < this.storeUrls.length; n++) this.storeChunk(n, true).catch(function () {});
  };

  /* A promise of the text (title, lead and body lines) of `ref`. */
  Searcher.prototype.text = function (ref) {
    var self = this;
    return this.doc(ref).then(function (doc) {
      var name = doc[5];
      if (!self.texts.has(name)) {
        self.texts.set(name, self.loadTextPath(self.meta.text + name + ".txt").catch(function (error) {
          self.texts.delete(name);
          throw error;
        }));
      }
      return self.texts.get(name);
    });
  };

  var CJK_OR_SPACE = /([\s\-]+|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])/;
  var EDGE = /^([^\p{L}\p{M}\p{N}]*)(.*?)([^\p{L}\p{M}\p{N}]*)$/u;

  /* `text` as parts [{text, mark}]: words whose index term is one of
   * `terms` are marked, without the punctuation around them. */
  function markParts(text, terms, index) {
    var wanted = new Set(terms), heads = new Set();
    wanted.forEach(function (t) { heads.add(t.slice(0, 2)); });
    var parts = [];
    text.replace(INVISIBLE, "").split(CJK_OR_SPACE).forEach(function (piece) {
      if (!piece) return;
      if (/^[\s\-]+$/.test(piece)) { parts.push({ text: piece, mark: false }); return; }
      var edges = EDGE.exec(piece), core = edges[2];
      var head = foldWildcard(core.slice(0, 3), index.lang).slice(0, 2);
      var mark = core && heads.has(head) && index.pipeline.runString(core.toLowerCase()).some(function (t) {
        return wanted.has(t);
      });
      if (!mark) { parts.push({ text: piece, mark: false }); return; }
      if (edges[1]) parts.push({ text: edges[1], mark: false });
      parts.push({ text: core, mark: true });
      if (edges[3]) parts.push({ text: edges[3], mark: false });
    });
    return parts;
  }

  function isSpace(part) {
    return /^[\s\-]+$/.test(part.text);
  }

  /* At most `size` words of `parts`: the window with the most marked words
   * (the first such), starting a few words before its first mark. */
  function snippetWindow(parts, size) {
    var wordAt = [];
    parts.forEach(function (p, i) { if (!isSpace(p)) wordAt.push(i); });
    if (wordAt.length <= size) return { parts: parts, before: false, after: false };
    var marked = wordAt.map(function (i) {
      return parts[i].mark || (parts[i + 1] && parts[i + 1].mark) ? 1 : 0;
    });
    var best = 0, bestAt = 0, sum = 0;
    for (var w = 0; w < marked.length; w++) {
      sum += marked[w] - (w >= size ? marked[w - size] : 0);
      if (sum > best) { best = sum; bestAt = Math.max(0, w - size + 1); }
    }
    if (best > 0) {  // start a few words before the window's first mark
      while (bestAt < marked.length && !marked[bestAt]) bestAt += 1;
      bestAt = Math.max(0, bestAt - 4);
    }
    var startWord = Math.min(bestAt, wordAt.length - size);
    var start = wordAt[startWord], endWord = startWord + size;
    var end = endWord < wordAt.length ? wordAt[endWord] : parts.length;
    return { parts: parts.slice(start, end), before: start > 0, after: end < parts.length };
  }

  root.NewsSearch = {
    Searcher: Searcher, parseQuery: parseQuery, foldWildcard: foldWildcard, fold: fold,
    markParts: markParts, snippetWindow: snippetWindow, readFrontCoded: readFrontCoded
  };
})(window, window.lunr);
