// The Member lookup answers in place: the postal code goes to GET /api/mp and the Members found are
// listed with the same "use this Member" forms the server renders without JavaScript.
// Everything is built with DOM calls (textContent), never innerHTML: the names come from another service.
(function () {
  "use strict";

  // The words, in the language of the page: translated on the server (templates/base.html, #ui-strings).
  var strings = {};
  try { strings = JSON.parse(document.getElementById("ui-strings").textContent); } catch (ignore) { strings = {}; }
  function t(key, values) {
    var text = strings[key] || "";
    Object.keys(values || {}).forEach(function (name) { text = text.split("%(" + name + ")s").join(values[name]); });
    return text;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function hidden(name, value) {
    return el("input", { type: "hidden", name: name, value: String(value) });
  }

  function memberForm(section, csrf, postalCode, index, member) {
    var form = el("form", { method: "post", action: section.dataset.useUrl });
    form.appendChild(hidden("csrf_token", csrf));
    form.appendChild(hidden("next", section.dataset.next));
    form.appendChild(hidden("mp_postal_code", postalCode));
    form.appendChild(hidden("mp_member", index));
    form.appendChild(hidden("mp_use", section.dataset.use));
    form.appendChild(el("button", { type: "submit" }, section.dataset.useLabel + " " + member.name));
    return form;
  }

  function showMembers(section, results, csrf, data) {
    var members = data.members || [];
    results.appendChild(el("p", {}, t(members.length === 1 ? "members-for-one" : "members-for-many",
      { code: data.postal_code })));
    var list = el("ul", { "class": "mp-members" });
    members.forEach(function (member, index) {
      var item = el("li", { "class": "mp-member" });
      var line = el("p");
      line.appendChild(el("strong", {}, member.name));
      line.appendChild(document.createTextNode(
        (member.party ? " (" + member.party + ")" : "") + ", " + t("member-for", { riding: member.riding })));
      item.appendChild(line);
      item.appendChild(memberForm(section, csrf, data.postal_code, index, member));
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  function showError(results, message) {
    results.appendChild(el("p", { "class": "mp-error" }, message));
  }

  function setUp(section) {
    var form = section.querySelector(".mp-lookup-form");
    var results = section.querySelector("[data-mp-results]");
    var input = form.querySelector("input[name=postal_code]");
    var button = form.querySelector("button[type=submit]");
    var csrf = form.querySelector("input[name=csrf_token]").value;

    function lookUp(event) {
      event.preventDefault();
      results.textContent = "";
      results.setAttribute("aria-busy", "true");
      button.disabled = true;
      var url = section.dataset.api + "?postal_code=" + encodeURIComponent(input.value);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          return response.json().then(function (data) { return { ok: response.ok, data: data }; });
        })
        .then(function (answer) {
          if (answer.ok) {
            showMembers(section, results, csrf, answer.data);
          } else {
            showError(results, [answer.data.message, answer.data.fallback].filter(Boolean).join(" "));
          }
        })
        .catch(function () {
          showError(results, t("lookup-unreachable"));
        })
        .then(function () {
          results.removeAttribute("aria-busy");
          button.disabled = false;
        });
    }

    form.addEventListener("submit", lookUp);
    // On a step page the box and button belong to the step's form (so that, without JavaScript, the
    // lookup carries what was typed there): answer their click and Enter here instead.
    if (button.form !== form) {
      button.addEventListener("click", lookUp);
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { lookUp(event); }
      });
    }
  }

  document.querySelectorAll("[data-mp-lookup]").forEach(setUp);
}());
