// Enhances the server-rendered district list of the search page with a Leaflet
// map. Tiles come from a third party, so nothing is requested before the
// visitor agrees; the agreement is remembered in localStorage.
(function () {
  "use strict";
  var CONSENT_KEY = "npa-map-consent";

  function loadLeaflet(section, done) {
    if (window.L) { done(); return; }
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = section.dataset.leafletCss;
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = section.dataset.leafletJs;
    script.onload = done;
    document.head.appendChild(script);
  }

  function marker(item) {
    var size = Math.min(24 + Math.sqrt(item.count) * 6, 56);
    return window.L.marker([item.lat, item.lon], {
      title: item.name + ": " + item.count,
      alt: item.name + ": " + item.count,
      keyboard: true,
      icon: window.L.divIcon({
        className: "district-marker",
        html: String(item.count),
        iconSize: [size, size]
      })
    });
  }

  function showMap(section) {
    var markers = JSON.parse(document.getElementById("search-map-markers").textContent);
    loadLeaflet(section, function () {
      section.classList.add("search-map--enhanced");
      section.querySelector("[data-map-consent]").hidden = true;
      section.querySelector("[data-map-fallback]").hidden = true;
      var map = window.L.map(section.querySelector("[data-map-canvas]"));
      window.L.tileLayer(section.dataset.tileUrl, {
        attribution: section.dataset.attribution,
        maxZoom: 18
      }).addTo(map);
      var bounds = [];
      markers.forEach(function (item) {
        var url = new URL(window.location.href);
        url.searchParams.delete("page");
        url.searchParams.set("district", item.ags);
        marker(item).addTo(map).on("click", function () { window.location.href = url.toString(); });
        bounds.push([item.lat, item.lon]);
      });
      if (bounds.length === 1) { map.setView(bounds[0], 9); } else { map.fitBounds(bounds, { padding: [30, 30] }); }
    });
  }

  document.querySelectorAll("[data-search-map]").forEach(function (section) {
    var consent = section.querySelector("[data-map-consent]");
    var agreed = false;
    try { agreed = window.localStorage.getItem(CONSENT_KEY) === "yes"; } catch (e) { agreed = false; }
    if (agreed) { showMap(section); return; }
    consent.hidden = false;
    section.querySelector("[data-map-load]").addEventListener("click", function () {
      try { window.localStorage.setItem(CONSENT_KEY, "yes"); } catch (e) { /* private mode */ }
      showMap(section);
    });
  });
})();
