/*
 * Header search field (every page): on its first focus, start fetching the
 * search's meta file so search.html finds it in the browser's cache (the
 * index shards a query needs are small; search.html fetches them itself).
 * The un-hashed manifest names it (a path from the site root, the folder of
 * search.html); it is search/manifest.json unless the form's
 * data-search-manifest says otherwise (LUNR_SEARCH_OUTPUT_DIR changed).
 */
(function () {
  "use strict";

  var field = document.getElementById("site-search");
  if (!field || !field.form) return;

  field.addEventListener("focus", function () {
    var siteRoot = new URL(".", field.form.action);
    var manifestUrl = new URL(field.form.dataset.searchManifest || "search/manifest.json", siteRoot);
    fetch(manifestUrl).then(function (response) {
      return response.ok ? response.json() : Promise.reject(response.status);
    }).then(function (manifest) {
      fetch(new URL(manifest.meta, siteRoot));
    }).catch(function () { /* search.html reports a missing index itself */ });
  }, { once: true });
})();
