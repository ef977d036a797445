/*
 * Search logic without the DOM: load the index shards a query needs, turn a
 * reader's query into lunr clauses, search every language, mark matches.
 * The file formats and the reasoning are in docs/search.md.
 */
(function (root, lunr) {
  "use strict";

  var SCORE_SCALE = 100;  // plugins/lunr_search/shards.py
  var LAST = "\uffff";

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

  /* What a clause can match, as a term prefix: the term itself without a
   * wildcard, the part before the first `*` with one, and anything (all
   * shards) with an edit distance. */
  function clausePrefixes(clause, pipeline) {
    if (clause.editDistance) return [""];
    if (!clause.usePipeline) return [clause.term.split("*")[0]];
    return pipeline.runString(clause.term, { fields: clause.fields });
  }

  function decodeGaps(gaps) {
    var n = 0;
    return gaps.map(function (gap) { n += gap; return n; });
  }

  /* One language's index: its pipeline, fields and shards, loaded on demand. */
  function Language(lang, meta, load) {
    this.lang = lang;
    this.fields = meta.fields;
    this.pipeline = lunr.Pipeline.load(meta.pipeline);
    this.docs = decodeGaps(meta.docs);
    this.firsts = meta.shards.map(function (s) { return s[0]; });
    this.urls = meta.shards.map(function (s) { return s[1]; });
    this.shards = [];  // position -> {terms, postings} once loaded
    this.pending = [];  // position -> promise while loading
    this.load = load;
  }

  Language.prototype.needs = function (clauses) {
    var self = this, wanted = new Set();
    clauses.forEach(function (clause) {
      clausePrefixes(clause, self.pipeline).forEach(function (prefix) {
        var range = clause.usePipeline && !clause.editDistance
          ? [lastAtOrBefore(self.firsts, prefix)] : shardRange(self.firsts, prefix);
        range.forEach(function (i) { wanted.add(i); });
      });
    });
    return Array.from(wanted).sort(function (a, b) { return a - b; });
  };

  Language.prototype.fetchShards = function (positions) {
    var self = this;
    return Promise.all(positions.map(function (i) {
      if (self.shards[i]) return self.shards[i];
      self.pending[i] = self.pending[i] || self.load(self.urls[i]).then(function (shard) {
        self.shards[i] = shard;
        return shard;
      }, function (error) { self.pending[i] = null; throw error; });
      return self.pending[i];
    }));
  };

  /* [shard, position] of `term` among the loaded shards, or null. */
  Language.prototype.find = function (term) {
    var shard = this.shards[lastAtOrBefore(this.firsts, term)];
    if (!shard) return null;
    var at = lastAtOrBefore(shard.terms, term);
    return shard.terms[at] === term ? [shard, at] : null;
  };

  Language.prototype.hasTerm = function (term) {
    return this.find(term) !== null;
  };

  /* Issue 8 (typo fallback): loaded terms within `distance` edits of `term`,
   * as [term, shard, position], found with lunr's fuzzy automaton over a
   * token set of the loaded terms, rebuilt when more shards have loaded. */
  Language.prototype.termsNear = function (term, distance) {
    var self = this, loaded = this.shards.filter(Boolean);
    if (!this.nearSet || this.nearSetShards !== loaded.length) {
      var all = [];
      loaded.forEach(function (shard) { all.push.apply(all, shard.terms); });
      this.nearSet = lunr.TokenSet.fromArray(all);  // shards are term ranges in order
      this.nearSetShards = loaded.length;
    }
    return this.nearSet.intersect(lunr.TokenSet.fromFuzzyString(term, distance)).toArray().map(function (t) {
      var place = self.find(t);
      return [t, place[0], place[1]];
    });
  };

  /* Loaded terms that start with `prefix`, in order, as [term, shard, position]. */
  Language.prototype.termsWithPrefix = function (prefix) {
    var self = this, found = [];
    shardRange(this.firsts, prefix).forEach(function (i) {
      var shard = self.shards[i];
      if (!shard) return;
      var at = prefix ? lastAtOrBefore(shard.terms, prefix) : 0;
      if (shard.terms[at] < prefix) at += 1;
      for (; at < shard.terms.length && shard.terms[at].lastIndexOf(prefix, 0) === 0; at++) {
        found.push([shard.terms[at], shard, at]);
      }
    });
    return found;
  };

  /* A lunr.Index over the loaded terms `clauses` can match: their postings
   * and, for every (field, document) they occur in, the field vector
   * restricted to them. lunr scores a document by dot products of field
   * vectors with the query vector, which only has these terms, so the
   * scores equal those of the whole index. */
  Language.prototype.indexFor = function (clauses) {
    var self = this, byTerm = new Map();
    clauses.forEach(function (clause) {
      if (clause.editDistance) {  // issue 8: only the terms a fuzzy clause can match
        var fuzzy = clause.usePipeline ? self.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
        fuzzy.forEach(function (term) {
          self.termsNear(term, clause.editDistance).forEach(function (t) { byTerm.set(t[0], [t[1], t[2]]); });
        });
        return;
      }
      clausePrefixes(clause, self.pipeline).forEach(function (prefix) {
        if (clause.usePipeline && !clause.editDistance) {
          var hit = self.find(prefix);
          if (hit) byTerm.set(prefix, hit);
        } else {
          self.termsWithPrefix(prefix).forEach(function (t) { byTerm.set(t[0], [t[1], t[2]]); });
        }
      });
    });
    var terms = Array.from(byTerm.keys()).sort();
    var fields = this.fields;
    var invertedIndex = Object.create(null), elements = new Map();
    terms.forEach(function (term, number) {
      var place = byTerm.get(term), flat = place[0].postings[place[1]];
      var posting = { _index: number };
      fields.forEach(function (field) { posting[field] = {}; });
      for (var i = 0; i < flat.length;) {
        var field = fields[flat[i]], count = flat[i + 1], doc = 0;
        i += 2;
        for (var j = 0; j < count; j++, i += 2) {
          doc += flat[i];
          posting[field][doc] = {};
          var key = field + "/" + doc;
          if (!elements.has(key)) elements.set(key, []);
          elements.get(key).push(number, flat[i + 1] / SCORE_SCALE);
        }
      }
      invertedIndex[term] = posting;
    });
    var negated = clauses.every(function (c) { return c.presence === lunr.Query.presence.PROHIBITED; });
    if (negated) {  // lunr then lists every document (score 0)
      this.docs.forEach(function (doc) {
        fields.forEach(function (field) {
          if (!elements.has(field + "/" + doc)) elements.set(field + "/" + doc, []);
        });
      });
    }
    var fieldVectors = Object.create(null);
    elements.forEach(function (flatVector, key) { fieldVectors[key] = new lunr.Vector(flatVector); });
    return new lunr.Index({
      invertedIndex: invertedIndex, fieldVectors: fieldVectors, tokenSet: lunr.TokenSet.fromArray(terms),
      fields: fields, pipeline: this.pipeline
    });
  };

  /* Wildcard terms skip lunr's pipeline, so they are folded here the way
   * the pipeline folds indexed words (German stems carry no umlauts). */
  var TRIM_EDGES = new RegExp(
    "^[^" + lunr.de.wordCharacters + "0-9*]+|[^" + lunr.de.wordCharacters + "0-9*]+$", "g");
  var FOLD = { "ä": "a", "ö": "o", "ü": "u", "ß": "ss" };
  var WILDCARD_FOLDS = {
    de: function (term) {
      return lunr.newsDigest.transliterate(term).replace(/[äöüß]/g, function (c) { return FOLD[c]; });
    }
  };

  function foldWildcard(term, lang) {
    var trimmed = term.replace(TRIM_EDGES, "");
    return (WILDCARD_FOLDS[lang] || String)(trimmed);
  }

  /* The reader's query as lunr clauses; throws lunr.QueryParseError. */
  function parseQuery(text, fields) {
    var query = new lunr.Query(fields);
    new lunr.QueryParser(text, query).parse();
    return query.clauses;
  }

  /* Clauses for one index: every word required unless marked otherwise, and
   * words its pipeline drops (stop words, punctuation) left out, because
   * lunr matches nothing for a required clause without terms. */
  function clausesFor(clauses, index, lang) {
    var OPTIONAL = lunr.Query.presence.OPTIONAL;
    return clauses.reduce(function (kept, clause) {
      var copy = Object.assign({}, clause);
      if (copy.presence === OPTIONAL) copy.presence = lunr.Query.presence.REQUIRED;
      if (copy.usePipeline) {
        if (index.pipeline.runString(copy.term).length === 0) return kept;
      } else {
        copy.term = foldWildcard(copy.term, lang);
        if (copy.term.replace(/\*/g, "") === "") return kept;
      }
      kept.push(copy);
      return kept;
    }, []);
  }

  /* The reader's query as each language's clauses ({lang: clauses}, only
   * languages with clauses left); throws lunr.QueryParseError. */
  function clausesByLanguage(languages, text) {
    var result = {};
    Object.keys(languages).sort().forEach(function (lang) {
      var language = languages[lang];
      var clauses = clausesFor(parseQuery(text, language.fields), language, lang);
      if (clauses.length) result[lang] = clauses;
    });
    return result;
  }

  /* Hits of every loaded language, best first: [{ref, lang, score, terms}].
   * `terms` are the index terms that matched, for marking words. */
  function searchLoaded(languages, byLang) {
    var hits = [];
    Object.keys(byLang).forEach(function (lang) {
      var clauses = byLang[lang];
      languages[lang].indexFor(clauses).query(function (q) {
        clauses.forEach(function (clause) { q.clause(clause); });
      }).forEach(function (result) {
        hits.push({
          ref: Number(result.ref), lang: lang, score: result.score,
          terms: Object.keys(result.matchData.metadata)
        });
      });
    });
    return hits.sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
  }

  /* The search over the files `meta` names (paths from `siteRoot`, a URL);
   * `load(url)` fetches and parses one JSON file. Also the engine of
   * search-fuzzy.js: languages, search, analyse, hasTerm. */
  function Searcher(meta, siteRoot, load) {
    var self = this;
    function loadPath(path) { return load(new URL(path, siteRoot).href); }
    this.languages = Object.keys(meta.indexes).sort();
    this.indexes = {};
    this.languages.forEach(function (lang) {
      self.indexes[lang] = new Language(lang, meta.indexes[lang], loadPath);
    });
    this.chunk = meta.store.chunk;
    this.storeUrls = meta.store.files;
    this.storeChunks = [];
    this.loadPath = loadPath;
  }

  /* A promise of the ranked hits for `text` once its shards are loaded;
   * rejects with lunr.QueryParseError for an unparsable query. */
  Searcher.prototype.search = function (text) {
    var languages = this.indexes, byLang;
    try {
      byLang = clausesByLanguage(languages, text);
    } catch (error) {
      return Promise.reject(error);
    }
    return Promise.all(Object.keys(byLang).map(function (lang) {
      return languages[lang].fetchShards(languages[lang].needs(byLang[lang]));
    })).then(function () { return searchLoaded(languages, byLang); });
  };

  Searcher.prototype.analyse = function (lang, word) {
    return this.indexes[lang].pipeline.runString(word);
  };

  /* Whether `term` is in the index of `lang`; answers for loaded shards
   * only (a searched word's shard is loaded by its search). */
  Searcher.prototype.hasTerm = function (lang, term) {
    return this.indexes[lang].hasTerm(term);
  };

  /* A promise of the store entry [title, url, date, source, lead, tags] of `ref`. */
  Searcher.prototype.doc = function (ref) {
    var self = this, n = Math.floor(ref / this.chunk), chunk = this.chunk;
    this.storeChunks[n] = this.storeChunks[n] || this.loadPath(this.storeUrls[n]).catch(function (error) {
      self.storeChunks[n] = null;  // tried again next time
      throw error;
    });
    return this.storeChunks[n].then(function (data) { return data.docs[ref % chunk]; });
  };

  /* `text` as parts [{text, mark}], marking words whose index term matched. */
  function markParts(text, terms, index) {
    var wanted = new Set(terms);
    return text.split(/([\s\-]+)/).filter(Boolean).map(function (piece) {
      var analysed = /^[\s\-]+$/.test(piece) ? [] : index.pipeline.runString(piece.toLowerCase());
      return { text: piece, mark: analysed.some(function (t) { return wanted.has(t); }) };
    });
  }

  /* At most `size` words of `parts`, starting a little before the first mark. */
  function snippetWindow(parts, size) {
    var words = parts.filter(function (p) { return !/^[\s\-]+$/.test(p.text); });
    if (words.length <= size) return { parts: parts, before: false, after: false };
    var first = Math.max(0, parts.findIndex(function (p) { return p.mark; }));
    var start = Math.max(0, first - 12);
    var end = start, seen = 0;
    while (end < parts.length && seen < size) {
      if (!/^[\s\-]+$/.test(parts[end].text)) seen += 1;
      end += 1;
    }
    return { parts: parts.slice(start, end), before: start > 0, after: end < parts.length };
  }

  root.NewsSearch = {
    Searcher: Searcher, parseQuery: parseQuery, clausesFor: clausesFor, foldWildcard: foldWildcard,
    markParts: markParts, snippetWindow: snippetWindow
  };
})(window, window.lunr);
