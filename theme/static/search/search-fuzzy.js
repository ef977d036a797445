/*
 * The typo fallback (issue 8), without the DOM. When a query finds nothing,
 * its words of at least 5 letters that no index knows are searched again
 * with an edit distance (lunr's `word~1`: a swap of neighbours is one edit),
 * and each gets a correction: the matched index term most hits share.
 * Words any index knows are never fuzzed.
 *
 * It works on an engine, not on index internals, so it does not care how
 * the index is loaded or split (search-core.js' Searcher is one):
 *   languages          the indexes' languages
 *   search(text)       ranked hits [{ref, lang, score, terms}], or a promise of them
 *   analyse(lang, w)   the index terms of a lowercased word (none for a stop word)
 *   hasTerm(lang, t)   whether the index of `lang` holds term `t` (asked only
 *                      after `text` was searched, so its words' shards are loaded)
 * A fuzzy term can match anywhere: the Searcher finds its candidates in the
 * term list (loaded once) and loads only their shards.
 */
(function (root, lunr) {
  "use strict";

  var LETTER = new RegExp("[" + lunr.de.wordCharacters + "]", "g");
  var Lexer = lunr.QueryLexer;
  // [fewest letters, edit distance], most letters first (docs/benchmarks.md).
  var DISTANCES = [[5, 1]];
  var MAX_CUT = 2;

  function editDistanceFor(word, distances) {
    var letters = (word.match(LETTER) || []).length;
    var rule = distances.find(function (d) { return letters >= d[0]; });
    return rule ? rule[1] : 0;
  }

  /* A word is known if some index holds one of its terms or drops it whole. */
  function isKnown(engine, word) {
    return engine.languages.some(function (lang) {
      var terms = engine.analyse(lang, word);
      return terms.length === 0 || terms.some(function (t) { return engine.hasTerm(lang, t); });
    });
  }

  /* The words to fuzz, as [{start, end, word, distance}] (positions in
   * `text`): plain terms (no wildcard, no ~ of the reader's, not excluded
   * with -) of enough letters that no index knows. */
  function unknownWords(engine, text, distances, skipLast) {
    var lexer = new Lexer(text);
    lexer.run();
    var lexemes = lexer.lexemes;
    var words = [];
    var lastTerm = -1;
    lexemes.forEach(function (lexeme, i) { if (lexeme.type === Lexer.TERM) lastTerm = i; });
    lexemes.forEach(function (lexeme, i) {
      // The word being typed (last, no space after it) is matched as a prefix, never fuzzed.
      if (skipLast && i === lastTerm && !/\s$/.test(text)) return;
      var b = i - 1, after = lexemes[i + 1];
      // An excluded word (-word, -title:word) cannot add hits: not worth fuzzing.
      while (b >= 0 && lexemes[b].type === Lexer.FIELD) b -= 1;
      if (lexeme.type !== Lexer.TERM || lexeme.str.indexOf("*") !== -1) return;
      if (b >= 0 && lexemes[b].type === Lexer.PRESENCE && lexemes[b].str === "-") return;
      if (after && after.type === Lexer.EDIT_DISTANCE) return;
      var distance = editDistanceFor(lexeme.str, distances);
      if (distance && !isKnown(engine, lexeme.str.toLowerCase())) {
        words.push({ start: lexeme.start, end: lexeme.end, word: lexeme.str, distance: distance });
      }
    });
    return words;
  }

  /* `text` with `replace(word)` in place of each word's span. */
  function replaceWords(text, words, replace) {
    return words.slice().sort(function (a, b) { return b.start - a.start; }).reduce(function (out, w) {
      return out.slice(0, w.start) + replace(w) + out.slice(w.end);
    }, text);
  }

  /* Edit distance with a swap of neighbours as one edit (as lunr's). */
  function editDistance(a, b) {
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      rows.push([i]);
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { rows[0].push(j); continue; }
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1,
                         rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d = Math.min(d, rows[i - 2][j - 2] + 1);
        }
        rows[i].push(d);
      }
    }
    return rows[a.length][b.length];
  }

  /* The term the fuzzy `word` matched in most hits (ties: the better hit
   * first): {lang, term}. */
  function correctionOf(engine, hits, word) {
    var seen = new Map();
    hits.forEach(function (hit) {
      var stems = engine.analyse(hit.lang, word.fuzzed.toLowerCase());
      hit.terms.forEach(function (term) {
        var close = stems.some(function (s) { return editDistance(s, term) <= word.distance; });
        if (!close) return;
        var key = hit.lang + "\n" + term;
        var entry = seen.get(key) || { lang: hit.lang, term: term, count: 0 };
        entry.count += 1;
        seen.set(key, entry);
      });
    });
    return Array.from(seen.values()).reduce(function (best, entry) {
      return !best || entry.count > best.count ? entry : best;
    }, null);
  }

  /* The fuzzed query with `cut` letters dropped from the end of each word
   * (a typo near the end changes the stem: `Schulleitug` stems to itself,
   * `Schulleitung` to `schulleit`), or null when a word would get too short. */
  function fuzzyQuery(text, words, cut, distances) {
    var cutWords = words.map(function (w) {
      var fuzzed = w.word.slice(0, w.word.length - cut);
      return Object.assign({}, w, { fuzzed: fuzzed, distance: editDistanceFor(fuzzed, distances) });
    });
    if (cutWords.some(function (w) { return w.distance === 0; })) return null;
    return {
      words: cutWords,
      text: replaceWords(text, cutWords, function (w) { return w.fuzzed + "~" + w.distance; })
    };
  }

  /* A promise of null (nothing to fuzz, or still no hits) or of
   * {hits, corrections: [{start, end, word, fuzzed, distance, lang, term}]}.
   * Tries the words whole, then without their last letter, then two.
   * `skipLast`: the last word is still being typed (left alone). */
  function fallback(engine, text, distances, skipLast) {
    distances = distances || DISTANCES;
    var words = unknownWords(engine, text, distances, skipLast);
    function attempt(cut) {
      var query = words.length && cut <= MAX_CUT ? fuzzyQuery(text, words, cut, distances) : null;
      if (!query) return Promise.resolve(null);
      return Promise.resolve(engine.search(query.text)).then(function (hits) {
        if (hits.length === 0) return attempt(cut + 1);
        return {
          hits: hits,
          corrections: query.words.map(function (w) {
            var found = correctionOf(engine, hits, w);
            return Object.assign({}, w, found && { lang: found.lang, term: found.term });
          })
        };
      });
    }
    return attempt(0);
  }

  /* The display-form table of one language (plugins/lunr_search/display_forms.py)
   * as a Map term -> code. */
  function readForms(table) {
    var codes = new Map();
    var previous = "";
    (table ? table.split("\n") : []).forEach(function (line) {
      var tab = line.indexOf("\t");
      var key = tab === -1 ? line : line.slice(0, tab);
      previous = previous.slice(0, key.charCodeAt(0) - 48) + key.slice(1);
      codes.set(previous, tab === -1 ? "" : line.slice(tab + 1));
    });
    return codes;
  }

  var UMLAUT = { a: "ä", o: "ö", u: "ü" };

  function capitalise(word) {
    return word.charAt(0).toUpperCase() + word.slice(1);
  }

  /* The word readers know for index term `term`, from `codes` (readForms;
   * the codes are described in plugins/lunr_search/display_forms.py). */
  function displayForm(codes, term) {
    var code = codes.has(term) ? codes.get(term) : "^";
    if (code[0] === "=") return code.slice(1);
    if (code[0] === "^") return capitalise(term) + code.slice(1);
    if (code[0] !== "%") return term + code;
    var bar = code.indexOf("|"), capitalised = code[1] === "^";
    var positions = code.slice(capitalised ? 2 : 1, bar);
    var chars = term.split("");
    (positions ? positions.split(",") : []).forEach(function (p) { chars[p] = UMLAUT[chars[p]]; });
    var head = chars.join("");
    return (capitalised ? capitalise(head) : head) + code.slice(bar + 1);
  }

  /* The query as corrected: each fuzzed word replaced by its display form
   * (`forms`: lang -> codes), or left as typed when it has no correction. */
  function correctedText(text, corrections, forms) {
    return replaceWords(text, corrections, function (c) {
      return c.term && forms[c.lang] ? displayForm(forms[c.lang], c.term) : c.term || c.word;
    });
  }

  root.NewsFuzzy = {
    fallback: fallback, readForms: readForms, displayForm: displayForm, correctedText: correctedText
  };
})(window, window.lunr);
