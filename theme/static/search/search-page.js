/*
 * The search page: reads ?q=, loads the search's meta file (its hashed URL
 * is a data- attribute of #search-results), searches as the reader types and
 * renders hits a page at a time, each as soon as its store chunk arrives.
 * Article text reaches the DOM only through textContent.
 */
(function (NewsSearch) {
  "use strict";

  var SNIPPET_WORDS = 40;
  var TYPING_DELAY_MS = 120;
  var PAGE_SIZE = 10;

  var form = document.getElementById("search-page-form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var siteRoot = new URL(list.dataset.root, document.baseURI);
  var more = document.getElementById("search-more");
  var MESSAGES = JSON.parse(status.dataset.messages);  // the theme's strings, in the site's language
  var state = { searcher: null, shown: 0, hits: [], generation: 0 };
  var fuzzy = null;  // issue 8: the typo fallback (search-fuzzy-page.js), once loaded

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

  /* MESSAGES[key] with {0} and {1} replaced by the arguments. */
  function message(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    return MESSAGES[key].replace(/\{(\d)\}/g, function (_, i) { return String(args[+i]); });
  }

  function longDate(iso) {  // "7. Januar 2022", as the theme writes dates (search.html)
    var ymd = iso.split("-");
    return message("date", Number(ymd[2]), MESSAGES.months[Number(ymd[1]) - 1], ymd[0]);
  }

  function fillHit(item, hit, doc) {  // doc: [title, url, date, source, lead, tags]
    var index = state.searcher.indexes[hit.lang];
    var link = el("a");
    link.href = new URL(doc[1], siteRoot).href;
    var title = el("span", "search-hit-title");
    appendMarked(title, NewsSearch.markParts(doc[0], hit.terms, index));
    link.appendChild(title);
    item.appendChild(link);

    var meta = el("p", "search-hit-meta");
    var time = el("time", "", longDate(doc[2]));
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
      tags.setAttribute("aria-label", message("hit_tags"));
      doc[5].forEach(function (tag) { tags.appendChild(el("li", "", tag)); });
      item.appendChild(tags);
    }
    item.removeAttribute("aria-busy");
  }

  /* The next page of hits: placeholders in rank order, each filled as its
   * store chunk arrives. A promise that settles when all are filled. */
  function showMore() {
    var generation = state.generation;
    var filled = state.hits.slice(state.shown, state.shown + PAGE_SIZE).map(function (hit) {
      var item = el("li", "search-hit");
      item.setAttribute("aria-busy", "true");
      list.appendChild(item);
      return state.searcher.doc(hit.ref).then(function (doc) {
        if (generation === state.generation) fillHit(item, hit, doc);
      }, function () {
        if (generation === state.generation) say(message("part_error"));
      });
    });
    state.shown = Math.min(state.hits.length, state.shown + PAGE_SIZE);
    more.hidden = state.shown >= state.hits.length;
    return Promise.all(filled);
  }

  function say(message) {
    status.textContent = message;
  }

  function showHits(query, hits) {
    state.hits = hits;
    state.shown = 0;
    if (hits.length === 0) {
      say(message("none", query));
      var generation = state.generation;  // issue 8: hits for a corrected spelling, if any
      return fuzzy.offer(query, function () { return generation === state.generation; }, function (corrected) {
        state.hits = corrected;
        return showMore();
      });
    }
    say(hits.length === 1 ? message("count_one", query) : message("count", query, hits.length));
    return showMore();
  }

  /* Show the hits of `text` (or a message); #search-results is aria-busy
   * until the first page is filled. */
  function show(text) {
    var generation = ++state.generation;
    list.replaceChildren();
    list.setAttribute("aria-busy", "true");
    state.hits = [];
    more.hidden = true;
    var query = text.trim();
    if (!query) {
      say(message("prompt"));
      list.setAttribute("aria-busy", "false");
      return;
    }
    state.searcher.search(query).then(function (hits) {
      return generation === state.generation ? showHits(query, hits) : undefined;
    }, function (error) {
      if (generation !== state.generation) return;
      if (error instanceof lunr.QueryParseError) {
        say(message("parse_error"));
      } else {
        say(message("load_error"));
      }
    }).then(function () {
      if (generation === state.generation) list.setAttribute("aria-busy", "false");
    });
  }

  function remember(text) {
    var url = new URL(window.location.href);
    url.searchParams.set("q", text);
    NewsFuzzyPage.forget(url);  // issue 8: ?exact=1 holds for the query it came with
    window.history.replaceState(null, "", url.href);
  }

  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      if (state.searcher) { show(input.value); remember(input.value); }
    }, TYPING_DELAY_MS);
  });
  form.addEventListener("submit", function (event) {
    if (!state.searcher) return;  // not loaded yet: let the browser submit
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
  say(message("loading"));
  more.addEventListener("click", showMore);
  fetchJson(list.dataset.meta).then(function (meta) {
    state.searcher = new NewsSearch.Searcher(meta, siteRoot, fetchJson);
    fuzzy = NewsFuzzyPage.create(state.searcher, status, list.dataset.displayForms);
    show(input.value);
  }, function () {
    say(message("load_error"));
    list.setAttribute("aria-busy", "false");
  });
})(window.NewsSearch);
