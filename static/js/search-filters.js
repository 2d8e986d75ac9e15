// On a phone the search results come first; the filters follow them. This
// enhancement moves the filter form into a modal <dialog> opened by the
// "Filter (n)" button, and back beside the results on a wide screen. Without
// JavaScript (or without <dialog>) the filters stay after the results.
(function () {
  "use strict";
  var dialog = document.querySelector("[data-filter-dialog]");
  var form = document.querySelector("[data-filter-form]");
  var home = document.querySelector("[data-filter-home]");
  var open = document.querySelector("[data-filter-open]");
  if (!dialog || !form || !home || !open || typeof dialog.showModal !== "function") {
    return;
  }
  var slot = dialog.querySelector("[data-filter-slot]");
  var close = dialog.querySelector("[data-filter-close]");
  var wide = window.matchMedia("(min-width: 64rem)");

  function place() {
    if (wide.matches) {
      if (dialog.open) dialog.close();
      home.appendChild(form);
      home.hidden = false;
      open.hidden = true;
    } else {
      slot.appendChild(form);
      home.hidden = true;
      open.hidden = false;
    }
  }

  open.addEventListener("click", function () {
    dialog.showModal();
  });
  close.addEventListener("click", function () {
    dialog.close();
  });
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  if (wide.addEventListener) {
    wide.addEventListener("change", place);
  } else {
    wide.addListener(place);
  }
  place();
})();
