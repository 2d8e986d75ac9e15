// Turns every search input with data-autocomplete into an ARIA 1.2 combobox
// fed by /api/v1/autocomplete. Without JavaScript the plain input still works.
(function () {
  "use strict";
  var ENDPOINT = "/api/v1/autocomplete";
  var counter = 0;

  function suggestionsFrom(data) {
    var items = Array.isArray(data) ? data : (data.suggestions || data.results || []);
    return items.map(function (item) {
      return typeof item === "string" ? item : (item.text || item.label || item.title || "");
    }).filter(Boolean).slice(0, 8);
  }

  function enhance(input) {
    counter += 1;
    var listId = "autocomplete-list-" + counter;
    var wrapper = document.createElement("div");
    wrapper.className = "autocomplete";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete__list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    wrapper.appendChild(list);
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    var active = -1;
    var timer = null;
    var lastQuery = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll("li");
      options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) { input.setAttribute("aria-activedescendant", options[index].id); } else { input.removeAttribute("aria-activedescendant"); }
    }

    function choose(text) {
      input.value = text;
      close();
      if (input.form) { input.form.submit(); }
    }

    function render(items) {
      list.innerHTML = "";
      items.forEach(function (text, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = text;
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(text); });
        list.appendChild(option);
      });
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = items.length + (document.documentElement.lang === "en" ? " suggestions" : " Vorschläge");
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      if (q === lastQuery) { return; }
      lastQuery = q;
      fetch(ENDPOINT + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (data) { if (input.value.trim() === q) { render(suggestionsFrom(data)); } })
        .catch(close);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      var count = list.querySelectorAll("li").length;
      if (event.key === "ArrowDown" && count) {
        event.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        highlight((active + 1) % count);
      } else if (event.key === "ArrowUp" && count) {
        event.preventDefault();
        highlight(active <= 0 ? count - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        choose(list.querySelectorAll("li")[active].textContent);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  }

  document.querySelectorAll("input[data-autocomplete], form[role=search] input[name=q]").forEach(function (input) {
    if (!input.dataset.autocompleteReady) {
      input.dataset.autocompleteReady = "1";
      enhance(input);
    }
  });
})();
