// Live checks: after typing pauses (~400 ms), post the form as it stands (nothing is saved) to the panel URL and
// swap in the findings panel the server renders with the same Jinja macro as the review page
// (templates/drafting/_macros.html, `panel`). No grouping, ordering or wording lives here: the words this script
// shows itself are the server's (the aside's data-msg-checked, the page's ui-strings block, or the note the
// server answers with when it refuses a check), so they are translated with the rest of the page.
(function () {
  "use strict";

  var DEBOUNCE_MS = 400;
  var form = document.querySelector("form[data-live-check]");
  var aside = document.getElementById("live-panel");
  if (!form || !aside || !window.fetch || !window.DOMParser || !window.URLSearchParams) { return; }

  var url = aside.getAttribute("data-panel-url");
  var note = aside.querySelector("[data-check-note]");
  var step = form.getAttribute("data-step");
  var strings = JSON.parse((document.getElementById("ui-strings") || {}).textContent || "{}");
  var timer = null;
  var latest = 0;

  function body() {
    var data = new URLSearchParams(new FormData(form));
    if (step) { data.set("step", step); }
    return data;
  }

  // The live region node stays (screen readers follow the node, not its id) and changes at most once per check,
  // only when its words change; everything else in the panel is replaced by the server's.
  function swap(fresh) {
    var current = aside.querySelector("[data-panel]");
    var liveNow = current.querySelector("[aria-live]");
    var liveNew = fresh.querySelector("[aria-live]");
    Array.prototype.slice.call(current.children).forEach(function (child) {
      if (child !== liveNow) { current.removeChild(child); }
    });
    Array.prototype.slice.call(fresh.children).forEach(function (child) {
      if (child !== liveNew) { current.appendChild(document.importNode(child, true)); }
    });
    if (liveNow.innerHTML !== liveNew.innerHTML) { liveNow.innerHTML = liveNew.innerHTML; }
  }

  // One check in flight per page at most: typing during a slow check (a paper petition's sheets are laid out
  // to measure them) asks for one more check when it returns, never a pile of them.
  var inFlight = false;
  var again = false;

  function check() {
    if (inFlight) { again = true; return; }
    inFlight = true;
    var mine = ++latest;
    fetch(url, {
      method: "POST",
      headers: { "Accept": "text/html" },
      credentials: "same-origin",
      body: body()
    }).then(function (response) {
      return response.text().then(function (html) { return { status: response.status, html: html }; });
    }).then(function (answer) {
      if (mine !== latest) { return; } // an older answer arriving late must not overwrite a newer one
      if (answer.status === 204) { return; } // nothing to check yet
      var doc = new DOMParser().parseFromString(answer.html, "text/html");
      var fresh = doc.querySelector("[data-panel]");
      if (answer.status === 200 && fresh) {
        swap(fresh);
        note.textContent = aside.getAttribute("data-msg-checked");
        aside.setAttribute("data-checked", String(mine));
        return;
      }
      var refusal = doc.querySelector("[data-check-note]");
      note.textContent = refusal ? refusal.textContent : strings["live-check-failed"];
    }).catch(function () {
      if (mine !== latest) { return; }
      note.textContent = strings["live-check-failed"];
    }).then(function () {
      inFlight = false;
      if (again) { again = false; check(); }
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, DEBOUNCE_MS);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);

  // Text typed before this script ran (a slow connection) or restored by the browser on Back
  // differs from what the server drew the panel for: check it now rather than wait for a key.
  var changedSinceLoad = Array.prototype.some.call(form.elements, function (field) {
    if (field.type === "checkbox" || field.type === "radio") { return field.checked !== field.defaultChecked; }
    return typeof field.defaultValue === "string" && field.value !== field.defaultValue;
  });
  if (changedSinceLoad) { schedule(); }
})();
