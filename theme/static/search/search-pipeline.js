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

  lunr.Pipeline.registerFunction(transliterateDe, "transliterate-de");
  // lunr.js' own trimmer knows only ASCII letters (it would cut `ü` from
  // `über`); English uses the Latin-script trimmer German does.
  lunr.Pipeline.registerFunction(
    lunr.trimmerSupport.generateTrimmer(lunr.de.wordCharacters), "trimmer-en");

  lunr.newsDigest = { transliterate: transliterate };
})(window.lunr);
