// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // A link to something inside a folded panel (<details>) opens the panel first.
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") {
        node.open = true;
      }
    }
    if (target) {
      target.scrollIntoView();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    // Move focus to the error summary so keyboard and screen reader users hear what went wrong.
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
    }
    if (window.location.hash) {
      openTarget();
    }
  });
  window.addEventListener("hashchange", openTarget);

  // Printed, the plan page shows its folded panels open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.panel-fold").forEach(function (details) {
      details.open = true;
    });
  });
})();
