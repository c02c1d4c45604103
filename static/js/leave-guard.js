// Nothing typed is lost silently: while the page's form (body[data-leave-guard] names it) holds text that is not
// saved, leaving the page asks first. A link out of the page opens an in-page warning (a modal dialog: save and go,
// leave without saving, or stay); closing the tab, going back or typing an address gets the browser's own
// "leave site?" question (beforeunload). Submitting the form (Save, the step list, the language switch and the
// step's other save-first buttons) is never asked about: it keeps the text.
// Without JavaScript the step pages still save before leaving: their links out are buttons of the form.
(function () {
  "use strict";

  var formId = document.body.getAttribute("data-leave-guard");
  var form = formId && document.getElementById(formId);
  if (!form || !window.FormData || !window.URLSearchParams || !window.URL) { return; }
  var strings = JSON.parse((document.getElementById("ui-strings") || {}).textContent || "{}");

  function state() {
    var data = new URLSearchParams(new FormData(form));
    data.delete("csrf_token");
    return data.toString();
  }

  var loaded = state();
  var leaving = false; // the form is being sent, or the person chose to leave without saving

  function unsaved() {
    return !leaving && state() !== loaded;
  }

  form.addEventListener("submit", function () { leaving = true; });
  // Back from the next page (the browser's page cache): the form is this page's again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { leaving = false; }
  });

  window.addEventListener("beforeunload", function (event) {
    if (unsaved()) {
      event.preventDefault();
      event.returnValue = ""; // older browsers need a value; every browser shows its own words
    }
  });

  var dialog = null;
  var target = null;

  function button(text, className, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "leave-warning";
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-labelledby", "leave-warning-title");
    dialog.setAttribute("aria-describedby", "leave-warning-text");
    var title = document.createElement("h2");
    title.id = "leave-warning-title";
    title.textContent = strings["leave-title"];
    var text = document.createElement("p");
    text.id = "leave-warning-text";
    text.textContent = strings["leave-text"];
    var buttons = document.createElement("div");
    buttons.className = "buttons";
    if (form.hasAttribute("data-save-before-leaving")) {
      buttons.appendChild(button(strings["leave-save"], "primary", function () {
        var next = document.createElement("input");
        next.type = "hidden";
        next.name = "next";
        next.value = target.pathname + target.search + target.hash;
        form.appendChild(next);
        dialog.close();
        if (form.requestSubmit) { form.requestSubmit(); } else { leaving = true; form.submit(); }
      }));
    }
    buttons.appendChild(button(strings["leave-discard"], "secondary", function () {
      leaving = true;
      dialog.close();
      window.location.assign(target.href);
    }));
    buttons.appendChild(button(strings["leave-stay"], "secondary", function () { dialog.close(); }));
    dialog.appendChild(title);
    dialog.appendChild(text);
    dialog.appendChild(buttons);
    document.body.appendChild(dialog);
  }

  function leavesThePage(link) {
    if (link.hasAttribute("download") || (link.target && link.target !== "_self")) { return false; }
    var url = new URL(link.href, window.location.href);
    var here = window.location;
    var samePage = url.origin === here.origin && url.pathname === here.pathname && url.search === here.search;
    return !(samePage && url.hash); // an anchor on this page moves within it
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey ||
        event.altKey) { return; }
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || !leavesThePage(link) || !unsaved()) { return; }
    if (!window.HTMLDialogElement) { return; } // no in-page warning: beforeunload still asks
    event.preventDefault();
    target = new URL(link.href, window.location.href);
    if (!dialog) { build(); }
    dialog.showModal();
  }, true);
})();
