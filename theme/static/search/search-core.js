/*
 * Search logic without the DOM: load the compact indexes, turn a reader's
 * query into lunr clauses, search every language's index, mark matches.
 * The file formats are described in docs/search.md.
 */
(function (root, lunr) {
  "use strict";

  /* lunr's serialised form from this project's compact one (see
   * compact_index in plugins/lunr_search/search_index.py): terms are
   * numbered by position, vectors hold term-number gaps and scores, and the
   * inverted index is rebuilt from the vectors. */
  function expandIndex(compact) {
    var fields = compact.fields;
    var invertedIndex = compact.terms.map(function (term, number) {
      var posting = { _index: number };
      fields.forEach(function (field) { posting[field] = {}; });
      return [term, posting];
    });
    var fieldVectors = [];
    fields.forEach(function (field, f) {
      compact.vectors[f].forEach(function (flat, d) {
        var ref = String(compact.docs[d]);
        var elements = [];
        var termNumber = 0;
        for (var i = 0; i < flat.length; i += 2) {
          termNumber += flat[i];
          elements.push(termNumber, flat[i + 1]);
          invertedIndex[termNumber][1][field][ref] = {};
        }
        fieldVectors.push([field + "/" + ref, elements]);
      });
    });
    return {
      version: lunr.version, fields: fields, fieldVectors: fieldVectors,
      invertedIndex: invertedIndex, pipeline: compact.pipeline
    };
  }

  function loadIndexes(data) {
    var indexes = {};
    Object.keys(data.indexes).sort().forEach(function (lang) {
      indexes[lang] = lunr.Index.load(expandIndex(data.indexes[lang]));
    });
    return indexes;
  }

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

  /* Hits of every index, best first: [{ref, lang, score, terms}]. `terms`
   * are the index terms that matched, for marking words in a snippet. */
  function search(indexes, text) {
    var hits = [];
    Object.keys(indexes).forEach(function (lang) {
      var index = indexes[lang];
      var clauses = clausesFor(parseQuery(text, index.fields), index, lang);
      if (clauses.length === 0) return;
      index.query(function (q) {
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
    expandIndex: expandIndex, loadIndexes: loadIndexes, parseQuery: parseQuery,
    clausesFor: clausesFor, foldWildcard: foldWildcard, search: search,
    markParts: markParts, snippetWindow: snippetWindow
  };
})(window, window.lunr);
