/*
 * The search page: reads the query, filters and order from the URL
 * (?q=Wien&source=DW&tag=Flüchtlinge&year=2026&lang=de&sort=date; a filter
 * may repeat: any of its values), searches as the reader types, and shows
 * a page of hits at a time, in rank order, each hit below the ones shown as
 * soon as its store entry and theirs have arrived, then each snippet (from
 * the article's text file, a box of fixed height) as its text arrives, so
 * nothing shown moves.
 * The filters count the hits (each filter over the hits the others leave)
 * from the facets file. Article text reaches the DOM only through
 * textContent. Keys: ↓/↑ from the field through the hits, Esc clears.
 */
(function (NewsSearch) {
  "use strict";

  var SNIPPET_WORDS = 32;
  var PAGE_SIZE = 10;
  var MAX_OPTIONS = 40;  // most frequent values per filter (and the chosen ones)
  var FACETS = ["source", "tag", "year", "lang"];
  // A store of at most this many chunks (1,536 articles at 64 a chunk) is
  // loaded whole after the first results, so typing never waits for it.
  var SMALL_STORE_FILES = 24;

  var form = document.getElementById("search-page-form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var filters = document.getElementById("search-filters");
  var reset = document.getElementById("search-reset");
  var siteRoot = new URL(list.dataset.root, document.baseURI);
  var more = document.getElementById("search-more");
  var MESSAGES = JSON.parse(status.dataset.messages);  // the theme's strings, in the site's language
  var selects = {};
  filters.querySelectorAll("select[data-facet]").forEach(function (s) { selects[s.dataset.facet] = s; });
  var sortSelect = filters.querySelector("select[data-sort]");
  var state = { searcher: null, shown: 0, hits: [], all: [], generation: 0, query: "", facets: null };
  var fuzzy = null;  // the typo fallback (search-fuzzy-page.js), once loaded

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

  function say(text) {
    status.textContent = text;
  }

  /* The filters and order of `url` (a URL): {source: [..], ..., sort}. */
  function choices(url) {
    var params = url.searchParams, result = { sort: params.get("sort") === "date" ? "date" : "" };
    FACETS.forEach(function (key) { result[key] = params.getAll(key).filter(Boolean); });
    return result;
  }

  function currentChoices() {
    return choices(new URL(window.location.href));
  }

  /* The facet values of store position `ref`: {source: [..], tag: [..], year: [..], lang: [..]}. */
  function valuesOf(facets, ref) {
    return {
      source: [facets.sources[facets.source[ref]]],
      tag: facets.tag[ref].map(function (t) { return facets.tags[t]; }),
      year: [String(facets.year[ref])],
      lang: [facets.langs[facets.lang[ref]]]
    };
  }

  function passes(values, chosen, except) {
    return FACETS.every(function (key) {
      return key === except || !chosen[key].length || chosen[key].some(function (v) { return values[key].indexOf(v) !== -1; });
    });
  }

  /* Options of each filter with the counts of the hits the other filters leave. */
  function fillFilters(hits, chosen) {
    var facets = state.facets;
    var counts = {};
    FACETS.forEach(function (key) { counts[key] = new Map(); });
    hits.forEach(function (hit) {
      var values = valuesOf(facets, hit.ref);
      FACETS.forEach(function (key) {
        if (!passes(values, chosen, key)) return;
        values[key].forEach(function (v) { counts[key].set(v, (counts[key].get(v) || 0) + 1); });
      });
    });
    FACETS.forEach(function (key) {
      var select = selects[key], entries = Array.from(counts[key].entries());
      entries.sort(key === "year" ? function (a, b) { return b[0] - a[0]; }
        : function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
      var shown = entries.slice(0, MAX_OPTIONS);
      chosen[key].forEach(function (v) {
        if (!shown.some(function (e) { return e[0] === v; })) shown.push([v, counts[key].get(v) || 0]);
      });
      var options = [new Option(message("all"), "")];
      shown.forEach(function (e) { options.push(new Option(e[0] + " (" + e[1] + ")", e[0])); });
      select.replaceChildren.apply(select, options);
      select.value = chosen[key][0] || "";
      select.disabled = false;
    });
    sortSelect.value = chosen.sort;
    reset.disabled = !FACETS.some(function (key) { return chosen[key].length; }) && !chosen.sort;
  }

  /* The hits after the URL's filters, in the URL's order. */
  function arranged(hits, chosen) {
    var kept = hits;
    if (state.facets && FACETS.some(function (key) { return chosen[key].length; })) {
      kept = hits.filter(function (hit) { return passes(valuesOf(state.facets, hit.ref), chosen, null); });
    }
    if (chosen.sort === "date") kept = kept.slice().sort(function (a, b) { return a.ref - b.ref; });
    return kept;
  }

  function tagList(tags) {
    var ul = el("ul", "tags search-hit-tags");
    ul.setAttribute("aria-label", message("hit_tags"));
    tags.forEach(function (tag) {
      var li = el("li");
      if (tag[1]) {
        var a = el("a", "", tag[0]);
        a.href = new URL(tag[1], siteRoot).href;
        li.appendChild(a);
      } else {
        li.appendChild(el("span", "tag", tag[0]));
      }
      ul.appendChild(li);
    });
    return ul;
  }

  /* One hit's element, its snippet filled once its text arrives. */
  function hitItem(hit, doc, generation) {  // doc: [title, url, date, source, tags, text, story]
    var index = state.searcher.indexes[hit.lang];
    var item = el("li", "search-hit");
    var heading = el("h2", "search-hit-heading");
    var link = el("a", "search-hit-link");
    link.href = new URL(doc[1], siteRoot).href;
    var title = el("span", "search-hit-title");
    appendMarked(title, NewsSearch.markParts(doc[0], hit.terms, index));
    link.appendChild(title);
    heading.appendChild(link);
    item.appendChild(heading);

    var meta = el("p", "meta search-hit-meta");
    if (doc[3]) meta.appendChild(el("span", "search-hit-source", doc[3]));
    if (doc[3]) meta.appendChild(document.createTextNode(" · "));
    var time = el("time", "", longDate(doc[2]));
    time.dateTime = doc[2];
    meta.appendChild(time);
    if (doc[6] > 1) {
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(el("span", "search-hit-story", message("story_size", doc[6])));
    }
    item.appendChild(meta);

    var snippet = el("p", "search-hit-snippet");
    snippet.setAttribute("aria-busy", "true");
    item.appendChild(snippet);
    if (doc[4].length) item.appendChild(tagList(doc[4]));

    state.searcher.text(hit.ref).then(function (text) {
      if (generation !== state.generation) return;
      var body = text.slice(text.indexOf("\n") + 1);
      var window_ = NewsSearch.snippetWindow(NewsSearch.markParts(body, hit.terms, index), SNIPPET_WORDS);
      if (window_.before) snippet.appendChild(document.createTextNode("… "));
      appendMarked(snippet, window_.parts);
      if (window_.after) snippet.appendChild(document.createTextNode(" …"));
      snippet.removeAttribute("aria-busy");
    }, function () { snippet.removeAttribute("aria-busy"); });
    return item;
  }

  /* The next page of hits, in rank order: each hit is added below the ones
   * before it as soon as its store entry and theirs are there (a hit never
   * moves one shown before it). A promise that settles when all are shown. */
  function showMore() {
    var generation = state.generation, start = state.shown;
    var page = state.hits.slice(start, start + PAGE_SIZE), docs = [], next = 0;
    function addReady() {
      if (generation !== state.generation) return;
      var fragment = document.createDocumentFragment();
      for (; next < page.length && docs[next]; next++) fragment.appendChild(hitItem(page[next], docs[next], generation));
      if (fragment.childNodes.length) list.appendChild(fragment);
      state.shown = start + next;
    }
    return Promise.all(page.map(function (hit, i) {
      return state.searcher.doc(hit.ref).then(function (doc) { docs[i] = doc; addReady(); });
    })).then(function () {
      if (generation !== state.generation) return;
      more.hidden = state.shown >= state.hits.length;
    }, function () {
      if (generation === state.generation) say(message("part_error"));
    });
  }

  function countText(query, count, partial) {
    if (partial) return message("partial");
    return count === 1 ? message("count_one", query) : message("count", query, count);
  }

  /* The filters' counts for the current hits, in a task of their own after
   * the hits are shown (none if a newer search has begun by then): counting
   * thousands of hits is not worth making the reader wait for the first. */
  function countLater() {
    var generation = state.generation;
    setTimeout(function () {
      if (generation === state.generation && state.facets) fillFilters(state.all, currentChoices());
    }, 0);
  }

  /* Show `hits` (all, before filters) for `query` under the URL's choices. */
  function render(query, hits) {
    var chosen = currentChoices();
    state.all = hits;
    state.hits = arranged(hits, chosen);
    state.shown = 0;
    list.replaceChildren();
    more.hidden = true;
    if (!state.hits.length) {
      say(hits.length ? message("filtered_none", query) : message("none", query));
      countLater();
      return Promise.resolve();
    }
    say(countText(query, state.hits.length, hits.partial));
    return showMore().then(countLater);
  }

  /* Search `text` and show its hits (or a message); #search-results is
   * aria-busy until the first page is shown. `typing`: the reader is still
   * typing the last word (the typo fallback leaves it alone). */
  function show(text, typing) {
    var generation = ++state.generation;
    var query = text.trim();
    state.query = query;
    list.setAttribute("aria-busy", "true");
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      state.all = state.hits = [];
      say(message("prompt"));
      list.setAttribute("aria-busy", "false");
      return Promise.resolve();
    }
    var chosen = currentChoices();
    var filtered = FACETS.some(function (key) { return chosen[key].length; });
    var facetsReady = filtered ? state.searcher.facets().then(function (f) { state.facets = f; }, function () {})
      : Promise.resolve();
    return Promise.all([state.searcher.search(text, { typing: typing }), facetsReady]).then(function (results) {
      if (generation !== state.generation) return undefined;
      var hits = results[0];
      if (hits.length === 0 || hits.partial) {
        // A word no index knows may be a typo: its correction before the
        // articles with the most words.
        if (!hits.length) render(query, hits);
        return fuzzy.offer(query, function () { return generation === state.generation; }, function (corrected) {
          return render(query, corrected);
        }, { skipLast: typing && !/\s$/.test(text), changed: hits.length > 0 }).then(function (shown) {
          if (!shown && hits.length && generation === state.generation) return render(query, hits);
          return undefined;
        });
      }
      return render(query, hits);
    }, function () {
      if (generation === state.generation) say(message("load_error"));
    }).then(function () {
      if (generation !== state.generation) return;
      list.setAttribute("aria-busy", "false");
      // The filters' counts and, on a small site, the rest of the store,
      // once the first results are shown (not before them).
      if (!state.storeAsked) {
        state.storeAsked = true;
        state.searcher.loadSmallStore(SMALL_STORE_FILES);
      }
      if (!state.facets) {
        state.searcher.facets().then(function (f) {
          state.facets = f;
          if (generation === state.generation) fillFilters(state.all, currentChoices());
        }, function () {});
      }
    });
  }

  /* The URL with `query` and the filters of `chosen`. */
  function urlFor(query, chosen) {
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    FACETS.concat(["sort"]).forEach(function (key) { url.searchParams.delete(key); });
    FACETS.forEach(function (key) { chosen[key].forEach(function (v) { url.searchParams.append(key, v); }); });
    if (chosen.sort) url.searchParams.set("sort", chosen.sort);
    return url;
  }

  function remember(text, push) {
    var url = urlFor(text, currentChoices());
    NewsFuzzyPage.forget(url);  // ?exact=1 holds for the query it came with
    if (url.href === window.location.href) return;
    if (push) window.history.pushState(null, "", url.href);
    else window.history.replaceState(null, "", url.href);
  }

  // Every keystroke searches (a search whose results are not shown yet is
  // overtaken: `generation`); shards and store chunks stay loaded. The URL
  // follows once the hits are shown (a history entry takes the page's
  // thread a while).
  input.addEventListener("input", function () {
    if (!state.searcher) return;
    var text = input.value;
    show(text, true).then(function () {
      if (input.value === text) remember(text, false);
    });
  });
  form.addEventListener("submit", function (event) {
    if (!state.searcher) return;  // not loaded yet: let the browser submit
    event.preventDefault();
    remember(input.value, true);
    show(input.value, false);
  });

  function onChoice() {
    var chosen = currentChoices();
    FACETS.forEach(function (key) { chosen[key] = selects[key].value ? [selects[key].value] : []; });
    chosen.sort = sortSelect.value;
    window.history.pushState(null, "", urlFor(state.query, chosen).href);
    render(state.query, state.all);
  }
  filters.addEventListener("change", onChoice);
  reset.addEventListener("click", function () {
    window.history.pushState(null, "", urlFor(state.query, { source: [], tag: [], year: [], lang: [], sort: "" }).href);
    render(state.query, state.all);
    input.focus();
  });

  window.addEventListener("popstate", function () {
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    if (state.searcher) show(input.value, false);
  });

  /* ↓/↑ move from the field through the hits' links and back, Esc clears
   * the field (or, in the hits, returns to it); Enter opens a link. */
  function hitLinks() {
    return Array.prototype.slice.call(list.querySelectorAll("a.search-hit-link"));
  }
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && hitLinks().length) {
      event.preventDefault();
      hitLinks()[0].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.value = "";
      remember("", false);
      show("", false);
    }
  });
  list.addEventListener("keydown", function (event) {
    var links = hitLinks(), at = links.indexOf(document.activeElement);
    if (at === -1) return;
    if (event.key === "ArrowDown" && at < links.length - 1) {
      event.preventDefault();
      links[at + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (at > 0 ? links[at - 1] : input).focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.focus();
    }
  });

  /* `url`'s JSON: the response search-prefetch.js started, if it did (and it did not fail). */
  function fetchJson(url, ahead) {
    var prefetched = window.NewsSearchPrefetch && NewsSearchPrefetch.take(new URL(url, document.baseURI).href);
    return prefetched ? prefetched.catch(function () { return fetchNow(url, ahead); }) : fetchNow(url, ahead);
  }

  /* `ahead`: a file loaded for later, at low priority. */
  function fetchNow(url, ahead) {
    return fetch(url, ahead ? { priority: "low" } : {}).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function fetchText(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.text();
    });
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  more.addEventListener("click", function () {
    var first = state.shown;
    showMore().then(function () {
      var links = hitLinks();
      if (links[first]) links[first].focus();
    });
  });
  fetchJson(list.dataset.meta).then(function (meta) {
    state.searcher = new NewsSearch.Searcher(meta, siteRoot, fetchJson, fetchText);
    fuzzy = NewsFuzzyPage.create(state.searcher, status, list.dataset.displayForms);
    show(input.value, false);
  }, function () {
    say(message("load_error"));
    list.setAttribute("aria-busy", "false");
  });
})(window.NewsSearch);
