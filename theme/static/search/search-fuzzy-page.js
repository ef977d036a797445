/*
 * The typo fallback on search.html (issue 8). After a query without hits,
 * search-page.js offers it here; if search-fuzzy.js finds hits for a
 * corrected spelling, they replace the empty result with the notice
 * "Keine Treffer für <em>typed</em>. Ergebnisse für <em>corrected</em>:" and a
 * link that searches the typed words only (?exact=1, honoured for the query
 * it came with). The notice's strings come from the theme's string table
 * (data- attributes of #search-status); the display-form table is fetched
 * the first time a fallback has hits. Text reaches the DOM only as text.
 */
(function (root, NewsFuzzy) {
  "use strict";

  var EXACT_PARAM = "exact";

  function em(text) {
    var node = document.createElement("em");
    node.textContent = text;
    return node;
  }

  /* `template` with {0}, {1}, ... replaced by `nodes`, appended to `parent`. */
  function fill(parent, template, nodes) {
    template.split(/\{(\d)\}/).forEach(function (part, i) {
      parent.appendChild(i % 2 ? nodes[Number(part)] : document.createTextNode(part));
    });
  }

  function exactUrl(query) {
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    url.searchParams.set(EXACT_PARAM, "1");
    return url.href;
  }

  /* Drop the "typed words only" flag from `url` (a URL) once the query changes. */
  function forget(url) {
    url.searchParams.delete(EXACT_PARAM);
  }

  /* engine: search-fuzzy.js' engine; status: #search-status; formsUrl: the
   * display-form file. */
  function create(engine, status, formsUrl) {
    var params = new URLSearchParams(window.location.search);
    var exactQuery = params.get(EXACT_PARAM) === "1" ? (params.get("q") || "").trim() : null;
    var forms = null;

    function loadForms() {
      forms = forms || fetch(formsUrl).then(function (response) {
        return response.ok ? response.json() : Promise.reject(response.status);
      }).then(function (data) {
        var byLang = {};
        Object.keys(data.forms).forEach(function (lang) { byLang[lang] = NewsFuzzy.readForms(data.forms[lang]); });
        return byLang;
      }).catch(function () { forms = null; return {}; });  // index terms then; retried next time
      return forms;
    }

    function notice(query, corrected) {
      status.replaceChildren();
      fill(status, status.dataset.fuzzyNotice, [em(query), em(corrected)]);
      status.appendChild(document.createTextNode(" "));
      var link = document.createElement("a");
      link.href = exactUrl(query);
      fill(link, status.dataset.fuzzyExact, [em(query)]);
      status.appendChild(link);
    }

    /* A promise of whether the fallback's hits for `query` were shown (with
     * `render(hits)`, which may return a promise, and the notice); nothing
     * happens once `isCurrent()` is false. `options.skipLast`: the reader is
     * still typing the last word; `options.changed`: only a correction that
     * changes the query counts (the query has hits with fewer words). */
    function offer(query, isCurrent, render, options) {
      if (query === exactQuery) return Promise.resolve(false);
      return NewsFuzzy.fallback(engine, query, null, options && options.skipLast).then(function (result) {
        if (!result || !isCurrent()) return false;
        return loadForms().then(function (byLang) {
          if (!isCurrent()) return false;
          var corrected = NewsFuzzy.correctedText(query, result.corrections, byLang);
          // With hits of fewer words, a correction counts only if it finds every word.
          if (options && options.changed && (result.hits.partial
              || corrected.toLowerCase() === query.toLowerCase())) return false;
          var shown = render(result.hits);
          notice(query, corrected);
          return Promise.resolve(shown).then(function () { return true; });
        });
      }).catch(function () { return false; /* a shard failed to load: what was there stays */ });
    }

    return { offer: offer };
  }

  root.NewsFuzzyPage = { create: create, forget: forget };
})(window, window.NewsFuzzy);
