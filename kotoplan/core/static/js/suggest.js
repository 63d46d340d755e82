// Progressive enhancement only: a button `data-suggest="<url>"` of a form (its `form`
// attribute) shows, while the form's titles are written, what the URL answers for them (an
// HTML fragment rendered and escaped by the server) in the element `data-suggest-target`.
// Without this file the button sends the form to the URL and the answer is a page of its own.
(function () {
  "use strict";

  function watch(button) {
    var form = document.getElementById(button.getAttribute("form"));
    var target = document.getElementById(button.getAttribute("data-suggest-target"));
    if (!form || !target) {
      return;
    }
    var fields = form.querySelectorAll("input[name^='title_']");
    var timer = null;
    var last = "";

    function ask() {
      var params = new URLSearchParams();
      var text = "";
      fields.forEach(function (field) {
        params.append(field.name, field.value);
        text += field.value;
      });
      if (text.trim().length < 4 || text === last) {
        return;
      }
      last = text;
      var url = button.getAttribute("data-suggest");
      url += (url.indexOf("?") < 0 ? "?" : "&") + params.toString();
      fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (response) {
          return response.ok ? response.text() : "";
        })
        .then(function (html) {
          target.innerHTML = html;
        })
        .catch(function () {});
    }

    fields.forEach(function (field) {
      field.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(ask, 500);
      });
    });
    button.addEventListener("click", function (event) {
      event.preventDefault();
      last = "";
      ask();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button[data-suggest]").forEach(watch);
  });
})();
