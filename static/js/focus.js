// After a refused save, move the keyboard focus to the message saying what to correct.
// (Clause anchors need no script: #grievance-N is the text box itself, which the browser focuses.)
(function () {
  "use strict";
  if (window.location.hash) { return; }
  var summary = document.querySelector(".error-summary, .notice[role=alert]");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
})();
