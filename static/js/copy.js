// Copy buttons on the hand-off page. Without this script each part is a labelled read-only box whose text can be
// selected; with it, a button beside each box copies the box's exact text and says "Copied" through the page's
// one polite live region (#copy-status). The words come from the server (the ui-strings block).
(function () {
  "use strict";

  var status = document.getElementById("copy-status");
  var strings = JSON.parse((document.getElementById("ui-strings") || {}).textContent || "{}");

  function say(text) {
    if (!status) { return; }
    // Emptied first so the same words, said twice in a row, are announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function selectAndCopy(box) {
    box.focus();
    box.select();
    try { return document.execCommand("copy"); } catch (e) { return false; }
  }

  function copy(box) {
    var text = box.value;
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () {
        return selectAndCopy(box);
      });
    }
    return Promise.resolve(selectAndCopy(box));
  }

  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
    var box = document.getElementById(button.getAttribute("data-copy"));
    if (!box) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(box).then(function (done) {
        say(done ? strings.copied : strings["copy-failed"]);
      });
    });
  });
})();
