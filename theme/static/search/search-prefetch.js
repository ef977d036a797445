/*
 * search.html's first script, in its head, small and not deferred, so it has
 * run before the page's main script: it starts the downloads the first
 * search of `?q=` will need while the main script is still arriving and
 * compiling. The build appends a call of `NewsSearchPrefetch.start` with
 * each index's shard table (plugins/lunr_search/page_script.py), so the
 * shards that may hold the query's words are asked for at once, not after
 * the meta file has arrived and been parsed (the page's thread is busy
 * with the page by then); the meta file is fetched too (the preloaded
 * response). search-page.js takes these responses
 * (`NewsSearchPrefetch.take(url)`) instead of asking again. A hint only:
 * it knows no stemmer, so it guesses a word's term range from its folded
 * letters (a German stem is a prefix of the folded word, at most a few
 * letters shorter), and whatever it misses the page fetches itself.
 */
(function (root) {
  "use strict";

  var LAST = "\uffff";
  var MIN_PREFIX = 3;  // search-core.js: letters before the word being typed matches as a prefix
  var MIN_WORD = 4;  // shorter finished words are mostly stop words: not worth a guess
  var STEM_CUT = 6;  // at most this many letters a stem drops from the end of a word
  var FOLD = { "ä": "a", "ö": "o", "ü": "u", "ß": "ss" };
  var EDGES = /^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu;

  var script = document.currentScript;
  var responses = new Map();  // absolute URL -> promise of the parsed JSON

  function get(url) {
    if (!responses.has(url)) {
      responses.set(url, fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      }));
      responses.get(url).catch(function () { responses.delete(url); });
    }
    return responses.get(url);
  }

  /* The promise of `url`'s JSON if it was prefetched (once), else null. */
  function take(url) {
    var promise = responses.get(url) || null;
    responses.delete(url);
    return promise;
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

  /* The query's words as term guesses: [[lowest, highest]] term ranges. */
  function ranges(text) {
    var words = text.replace(/"/g, " ").split(/[\s\-]+/).map(function (word) {
      word = word.replace(/^-/, "");
      word = word.slice(word.indexOf(":") + 1).replace(/[*~\d]*$/, function (end) {
        return /[*~]/.test(end) ? "" : end;
      });
      return word.replace(EDGES, "").toLowerCase().replace(/[äöüß]/g, function (c) { return FOLD[c]; });
    });
    var typing = !/[\s"]$/.test(text), found = [];
    words.forEach(function (word, i) {
      var last = typing && i === words.length - 1;
      if (word.length < (last ? MIN_PREFIX : MIN_WORD)) return;
      found.push([word.slice(0, Math.max(MIN_PREFIX, word.length - STEM_CUT)), last ? word + LAST : word]);
    });
    return found;
  }

  /* Fetch the meta file and the shards that may hold the words of `?q=`;
   * `tables`: per index language its shards as the meta file lists them,
   * [[first term, path], ...]. */
  function start(tables) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var siteRoot = new URL(script.dataset.root, document.baseURI);
    get(new URL(script.dataset.meta, document.baseURI).href);
    if (!query.trim()) return;
    var wanted = ranges(query);
    Object.keys(tables).forEach(function (lang) {
      var shards = tables[lang], firsts = shards.map(function (s) { return s[0]; });
      var positions = new Set();
      wanted.forEach(function (range) {
        for (var i = lastAtOrBefore(firsts, range[0]); i <= lastAtOrBefore(firsts, range[1]); i++) positions.add(i);
      });
      positions.forEach(function (i) { get(new URL(shards[i][1], siteRoot).href); });
    });
  }

  root.NewsSearchPrefetch = { take: take, start: start };
})(window);
