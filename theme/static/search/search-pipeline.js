/*
 * lunr.js pipeline functions that plugins/lunr_search/pipelines.py registers
 * under the same names, so the prebuilt index loads and queries stem alike.
 * Needs lunr, lunr.stemmer.support and lunr.de (for its word characters).
 */
(function (lunr) {
  "use strict";

  // Snowball's german2 prelude: ae/oe/ue stand for ä/ö/ü, except `ue` after
  // a vowel (neue, Bauer) or after `q` (Quelle).
  var DIGRAPH = /ae|oe|(?<![aeiouyäöüq])ue/g;
  var UMLAUT = { ae: "ä", oe: "ö", ue: "ü" };

  function transliterate(word) {
    return word.replace(DIGRAPH, function (digraph) { return UMLAUT[digraph]; });
  }

  function transliterateDe(token) {
    return token.update(transliterate);
  }

  // Letters, marks and digits of every script stay (lunr's trimmers keep
  // Latin letters only); plugins/lunr_search/pipelines.py trims alike.
  var LEADING = /^[^\p{L}\p{M}\p{N}]+/u, TRAILING = /[^\p{L}\p{M}\p{N}]+$/u;

  function trim(word) {
    return word.replace(LEADING, "").replace(TRAILING, "");
  }

  function trimmer(token) {
    return token.update(trim);
  }

  lunr.Pipeline.registerFunction(transliterateDe, "transliterate-de");
  // One function per label (lunr keeps the label on the function).
  lunr.Pipeline.registerFunction(function (token) { return trimmer(token); }, "trimmer-any-de");
  lunr.Pipeline.registerFunction(function (token) { return trimmer(token); }, "trimmer-any-en");

  lunr.newsDigest = { transliterate: transliterate, trim: trim };
})(window.lunr);
