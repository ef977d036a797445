/*
 * Header search field (every page): on its first focus, start fetching the
 * search index and store so search.html finds them in the browser's cache.
 * The un-hashed manifest names them (paths from the site root, the folder of
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
      [manifest.index, manifest.store].forEach(function (path) {
        fetch(new URL(path, siteRoot));
      });
    }).catch(function () { /* search.html reports a missing index itself */ });
  }, { once: true });
})();
