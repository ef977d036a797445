/*
 * The search page: reads ?q=, loads index and store (their hashed URLs are
 * data- attributes of #search-results), searches as the reader types and
 * renders hits. Article text reaches the DOM only through textContent.
 */
(function (NewsSearch) {
  "use strict";

  var SNIPPET_WORDS = 40;
  var TYPING_DELAY_MS = 120;

  var form = document.getElementById("search-page-form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var siteRoot = new URL(list.dataset.root, document.baseURI);
  var state = { indexes: null, docs: null };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function appendMarked(parent, parts) {
    parts.forEach(function (part) {
      parent.appendChild(part.mark ? el("mark", "", part.text) : document.createTextNode(part.text));
    });
  }

  function germanDate(iso) {
    var p = iso.split("-");
    return p[2] + "." + p[1] + "." + p[0];
  }

  function renderHit(hit) {
    var doc = state.docs[hit.ref];  // [title, url, date, source, lead, tags]
    var index = state.indexes[hit.lang];
    var item = el("li", "search-hit");
    var link = el("a");
    link.href = new URL(doc[1], siteRoot).href;
    var title = el("span", "search-hit-title");
    appendMarked(title, NewsSearch.markParts(doc[0], hit.terms, index));
    link.appendChild(title);
    item.appendChild(link);

    var meta = el("p", "search-hit-meta");
    var time = el("time", "", germanDate(doc[2]));
    time.dateTime = doc[2];
    meta.appendChild(time);
    if (doc[3]) meta.appendChild(document.createTextNode(" · " + doc[3]));
    item.appendChild(meta);

    var snippet = NewsSearch.snippetWindow(NewsSearch.markParts(doc[4], hit.terms, index), SNIPPET_WORDS);
    var lead = el("p", "search-hit-snippet", snippet.before ? "… " : "");
    appendMarked(lead, snippet.parts);
    if (snippet.after) lead.appendChild(document.createTextNode(" …"));
    item.appendChild(lead);

    if (doc[5].length) {
      var tags = el("ul", "search-hit-tags");
      tags.setAttribute("aria-label", "Schlagwörter");
      doc[5].forEach(function (tag) { tags.appendChild(el("li", "", tag)); });
      item.appendChild(tags);
    }
    return item;
  }

  function say(message) {
    status.textContent = message;
  }

  function show(text) {
    list.replaceChildren();
    var query = text.trim();
    if (!query) {
      say("Geben Sie einen Suchbegriff ein, zum Beispiel Wien oder Flücht*.");
      return;
    }
    var hits;
    try {
      hits = NewsSearch.search(state.indexes, query);
    } catch (error) {
      if (!(error instanceof lunr.QueryParseError)) throw error;
      say("Diese Suchanfrage ist unvollständig: nach „Feld:“ (etwa title:) muss ein Wort folgen, " +
          "und ^, ~ und : brauchen einen Wert. Suchen Sie sonst einfach nach Wörtern.");
      return;
    }
    if (hits.length === 0) {
      say("Keine Treffer für „" + query + "“. Alle Wörter müssen vorkommen: versuchen Sie weniger " +
          "oder andere Wörter, oder Wortanfänge mit * (Flücht*).");
      return;
    }
    hits.forEach(function (hit) { list.appendChild(renderHit(hit)); });
    say(hits.length === 1 ? "1 Treffer für „" + query + "“" : hits.length + " Treffer für „" + query + "“");
  }

  function remember(text) {
    var url = new URL(window.location.href);
    url.searchParams.set("q", text);
    window.history.replaceState(null, "", url.href);
  }

  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      if (state.indexes) { show(input.value); remember(input.value); }
    }, TYPING_DELAY_MS);
  });
  form.addEventListener("submit", function (event) {
    if (!state.indexes) return;  // not loaded yet: let the browser submit
    event.preventDefault();
    window.clearTimeout(timer);
    show(input.value);
    remember(input.value);
  });

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  say("Suchindex wird geladen …");
  Promise.all([fetchJson(list.dataset.index), fetchJson(list.dataset.store)]).then(function (data) {
    state.indexes = NewsSearch.loadIndexes(data[0]);
    state.docs = data[1].docs;
    show(input.value);
    list.setAttribute("aria-busy", "false");
  }, function () {
    say("Der Suchindex konnte nicht geladen werden. Bitte laden Sie die Seite neu.");
    list.setAttribute("aria-busy", "false");
  });
})(window.NewsSearch);
