// The home page's district map (website/templatetags/district_map_tags.py): the
// caption beside the map names the district under the pointer or keyboard
// focus. Each tile is a plain link with its name as its label; without this
// script the tiles' tooltips and the table below name them.
(function () {
  "use strict";
  var map = document.querySelector("[data-district-map]");
  var caption = map && map.querySelector("[data-district-caption]");
  if (!caption) return;
  function show(event) {
    var tile = event.target.closest ? event.target.closest("a[aria-label]") : null;
    if (tile && map.contains(tile)) caption.textContent = tile.getAttribute("aria-label");
  }
  map.addEventListener("mouseover", show);
  map.addEventListener("focusin", show);
})();
