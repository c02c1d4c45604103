// Live checks for the drafting steps: after typing pauses (~400 ms), send the petition as it
// stands in the form to POST /api/check and redraw the word count and findings in the panel.
// The server renders the same panel on every page load, so the page works without this file.
(function () {
  "use strict";

  var DEBOUNCE_MS = 400;
  var form = document.querySelector("form[data-live-check]");
  var panel = document.getElementById("live-panel");
  if (!form || !panel || !window.fetch) { return; }

  // "text": the start page sends the pasted draft as text; otherwise the step sends the structured petition.
  var mode = form.getAttribute("data-live-check") === "text" ? "text" : "petition";
  var base = mode === "petition" ? JSON.parse(form.getAttribute("data-petition")) : null;
  var stepUrls = JSON.parse(panel.getAttribute("data-step-urls") || "{}");
  var checkUrl = panel.getAttribute("data-check-url");
  var countEl = document.getElementById("word-count");
  var summaryEl = panel.querySelector("[data-summary]");
  var noteEl = panel.querySelector("[data-check-note]");
  // The page's own submit button ("Save and continue", "Start"), not the hidden default one.
  var saveButton = form.querySelector("[type=submit].primary") || form.querySelector("[type=submit]");
  var saveLabel = saveButton ? (saveButton.value || saveButton.textContent).trim() : "Save";
  var timer = null;
  var latest = 0;

  function value(name) {
    var el = form.elements.namedItem(name);
    return el && typeof el.value === "string" ? el.value : null;
  }

  // The stored petition with this step's fields as currently typed.
  function currentPetition() {
    var p = JSON.parse(JSON.stringify(base));
    var kind = form.querySelector("input[name=kind]:checked");
    if (kind) { p.addressee.kind = kind.value; }
    var assembled = form.querySelector("input[name=in_parliament_assembled]");
    if (assembled) { p.addressee.in_parliament_assembled = assembled.checked; }
    ["title", "name", "riding"].forEach(function (field) {
      var v = value(field);
      if (v !== null) { p.addressee[field] = v; }
    });
    var petitioners = value("petitioners");
    if (petitioners !== null) { p.petitioners = petitioners; }
    var clauses = form.querySelectorAll("textarea[name^='grievances-']");
    if (clauses.length) {
      p.grievances = Array.prototype.map.call(clauses, function (t) { return t.value; });
    }
    var prayer = value("prayer");
    if (prayer !== null) { p.prayer = prayer; }
    return p;
  }

  function requestBody() {
    if (mode === "text") {
      var how = form.querySelector("input[name=how]:checked");
      var text = value("text") || "";
      if ((how && how.value !== "paste") || !text.trim()) { return null; }
      var kind = form.querySelector("input[name=kind]:checked");
      var language = form.querySelector("input[name=language]:checked");
      var body = { text: text, kind: kind ? kind.value : "e-petition" };
      if (language) { body.language = language.value; }
      return body;
    }
    return { petition: currentPetition() };
  }

  // Same grouping and wording as the server-rendered panel (templates/drafting/_macros.html).
  var STEP_ORDER = ["addressee", "petitioners", "grievances", "prayer"];

  function stepFor(part) {
    part = (part || "").trim().toLowerCase();
    if (part.indexOf("grievance") === 0) {
      var n = part.split(" ").pop();
      return ["grievances", /^\d+$/.test(n) ? "grievance-" + n : ""];
    }
    for (var i = 0; i < STEP_ORDER.length; i++) {
      if (STEP_ORDER[i] !== "grievances" && part.indexOf(STEP_ORDER[i]) === 0) { return [STEP_ORDER[i], ""]; }
    }
    return null;
  }

  function partLabel(part) {
    part = (part || "").trim();
    if (!part) { return "The whole petition"; }
    if (part === "removed") { return "Removed from your draft"; }
    if (part === "prayer") { return "The request"; }
    return part.charAt(0).toUpperCase() + part.slice(1);
  }

  function partRank(part) {
    var target = stepFor(part);
    var position = target ? STEP_ORDER.indexOf(target[0]) : STEP_ORDER.length + 1;
    var n = (part || "").split(" ").pop();
    return [position, /^\d+$/.test(n) ? parseInt(n, 10) : 0];
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function findingItem(f, lang) {
    var li = el("li", "finding finding-" + f.severity);
    li.setAttribute("data-rule", f.rule);
    li.appendChild(el("span", "severity", f.severity.charAt(0).toUpperCase() + f.severity.slice(1)));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", "rule", f.rule));
    li.appendChild(document.createTextNode(" "));
    // The page is English; a French petition's messages and excerpts are French.
    var message = el("span", "message", f.message);
    message.lang = lang;
    li.appendChild(message);
    if (f.excerpt) {
      var excerpt = el("q", "excerpt", f.excerpt);
      excerpt.lang = lang;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(excerpt);
    }
    if (f.suggestion !== null && f.suggestion !== undefined) {
      var s = el("span", "suggestion", "Suggestion: ");
      var suggested = el("q", "", f.suggestion);
      suggested.lang = lang;
      s.appendChild(suggested);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(s);
    }
    var target = stepFor(f.part);
    if (target && stepUrls[target[0]]) {
      var a = el("a", "fix-link", "Change this");
      a.href = stepUrls[target[0]] + (target[1] ? "#" + target[1] : "");
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
    }
    return li;
  }

  function drawFindings(findings, lang) {
    var rank = { error: 0, warning: 1, info: 2 };
    function severityRank(f) { return rank.hasOwnProperty(f.severity) ? rank[f.severity] : 3; }
    var groups = {};
    var order = [];
    findings.forEach(function (f) {
      if (!groups.hasOwnProperty(f.part)) { groups[f.part] = []; order.push(f.part); }
      groups[f.part].push(f);
    });
    order.sort(function (a, b) {
      var ra = partRank(a), rb = partRank(b);
      return ra[0] - rb[0] || ra[1] - rb[1];
    });
    var box = el("div", "findings");
    box.setAttribute("data-findings", "");
    order.forEach(function (part) {
      var section = el("section", "finding-group");
      section.appendChild(el("h3", "", partLabel(part)));
      var ul = el("ul");
      // Not `rank[x] || 3`: an error ranks 0, which is falsy, and would sort after the warnings.
      groups[part].sort(function (a, b) { return severityRank(a) - severityRank(b); })
        .forEach(function (f) { ul.appendChild(findingItem(f, lang)); });
      section.appendChild(ul);
      box.appendChild(section);
    });
    panel.querySelector("[data-findings]").replaceWith(box);
  }

  function countText(wc) {
    if (wc.limit) {
      return " of " + wc.limit + " words";
    }
    return " words (paper petitions have no word limit)";
  }

  function drawCount(wc) {
    // Rebuilt only when it changes, so screen readers hear one polite update per pause, not one per key.
    var signature = wc.counted + "/" + wc.limit;
    if (countEl.getAttribute("data-shown") === signature) { return; }
    countEl.setAttribute("data-shown", signature);
    countEl.textContent = "";
    var n = el("span", "count-number", String(wc.counted));
    n.setAttribute("data-count", "");
    countEl.appendChild(n);
    countEl.appendChild(document.createTextNode(countText(wc)));
    if (wc.limit && wc.counted > wc.limit) {
      countEl.appendChild(document.createTextNode(" "));
      countEl.appendChild(el("strong", "over", "(" + (wc.counted - wc.limit) + " over the limit)"));
    }
  }

  function drawSummary(findings) {
    var errors = findings.filter(function (f) { return f.severity === "error"; }).length;
    var warnings = findings.filter(function (f) { return f.severity === "warning"; }).length;
    var text = errors === 0 && warnings === 0 ? "No problems found." :
      errors + " error" + (errors === 1 ? "" : "s") + ", " + warnings + " warning" + (warnings === 1 ? "" : "s") + ".";
    if (summaryEl.textContent !== text) { summaryEl.textContent = text; }
  }

  function check() {
    var mine = ++latest;
    var body = requestBody();
    if (body === null) { return; }
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    fetch(checkUrl, {
      method: "POST",
      headers: headers,
      credentials: "same-origin",
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (data) {
      if (mine !== latest) { return; } // an older answer arriving late must not overwrite a newer one
      drawCount(data.word_count);
      drawSummary(data.findings);
      drawFindings(data.findings, data.message_language || "en");
      noteEl.textContent = "Checked as you type. Your text is saved when you press " + saveLabel + ".";
      panel.setAttribute("data-checked", String(mine));
    }).catch(function (error) {
      if (mine !== latest) { return; }
      // 400 and 413 are about the text (a box over its length limit), not a passing failure: retrying won't help.
      noteEl.textContent = /^(400|413)$/.test(error && error.message) ?
        "This text is longer than the form accepts, so it was not checked. Press Save to see which box to shorten." :
        "Could not check just now. Your text is safe: press Save to check it on the server.";
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
