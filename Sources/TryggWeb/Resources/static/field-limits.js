// Shows the limit of every text field that is saved ("12 av 4 000 tecken") beside it and keeps the count up
// to date while typing. The browser already stops input at maxlength; this tells people where
// the limit is before they reach it. The count is announced politely, only near the limit.
(function () {
  "use strict";
  var format = function (n, separator) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator); };
  // The page's language where the field stands (the residents' survey has an English form inside
  // a Swedish page); the field's own lang only says what is typed into it.
  var english = function (field) {
    var holder = field.parentElement ? field.parentElement.closest("[lang]") : null;
    return ((holder || document.documentElement).getAttribute("lang") || "sv").indexOf("en") === 0;
  };
  var fields = document.querySelectorAll(
    "textarea[maxlength], input[maxlength]:not([type=hidden]):not([type=email]):not([type=search]):not([inputmode=numeric]):not([inputmode=decimal])");
  Array.prototype.forEach.call(fields, function (field, index) {
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    if (!(limit >= 40)) return; // codes, numbers and coordinates need no counter
    // A filter (a GET form) stores nothing: a counter there only pushes the row out of line.
    if (field.form && (field.form.getAttribute("method") || "get").toLowerCase() === "get") return;
    var hint = document.createElement("span");
    hint.className = "hint field-limit";
    hint.id = field.id ? field.id + "-limit" : "field-limit-" + index;
    var inEnglish = english(field);
    var update = function () {
      var used = field.value.length;
      hint.textContent = inEnglish
        ? format(used, ",") + " of " + format(limit, ",") + " characters"
        : format(used, "\u00a0") + " av " + format(limit, "\u00a0") + " tecken";
      hint.setAttribute("aria-live", used > limit * 0.9 ? "polite" : "off");
    };
    update();
    field.addEventListener("input", update);
    field.insertAdjacentElement("afterend", hint);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", described ? described + " " + hint.id : hint.id);
  });
})();

// Forms marked `data-keep-draft` (an observation typed on a phone during a trygghetsvandring)
// keep what was typed in the browser until the server has confirmed it: on a poor connection a
// failed send loses nothing, and the text is back when the page is opened again.
(function () {
  "use strict";
  var storage;
  try { storage = window.localStorage; } catch (e) { return; }
  if (!storage) { return; }
  var confirmed = document.querySelector("main > p.notice[role=status]") !== null;
  document.querySelectorAll("form[data-keep-draft]").forEach(function (form) {
    var key = "trygg-utkast:" + form.getAttribute("action");
    if (confirmed && storage.getItem(key + ":skickat")) {
      storage.removeItem(key);
      storage.removeItem(key + ":skickat");
    }
    var fields = form.querySelectorAll("textarea, input[type=text], input:not([type]), input[inputmode], select");
    var saved = {};
    try { saved = JSON.parse(storage.getItem(key) || "{}"); } catch (e) { saved = {}; }
    fields.forEach(function (field) {
      if (field.name && saved[field.name] !== undefined && !field.value) { field.value = saved[field.name]; }
      if (field.name && field.tagName === "SELECT" && saved[field.name] !== undefined) { field.value = saved[field.name]; }
    });
    form.addEventListener("input", function () {
      var draft = {};
      fields.forEach(function (field) { if (field.name) { draft[field.name] = field.value; } });
      storage.setItem(key, JSON.stringify(draft));
    });
    form.addEventListener("submit", function () { storage.setItem(key + ":skickat", "1"); });
  });
})();

// Every other form with a text area keeps its texts in this tab (sessionStorage) until the server
// has confirmed them: when the login has expired, the network failed or the page was closed by
// mistake, the text is filled in again when the page is opened in the same tab, provided the
// page still shows what the text was written over. Signing out forgets every kept text.
(function () {
  "use strict";
  var storage;
  try { storage = window.sessionStorage; } catch (e) { return; }
  if (!storage) { return; }
  var prefix = "trygg-text:";
  // The form sent last; a confirmation on the page that follows (often another page) means the
  // server has it, so its kept text is forgotten. A refusal shows no confirmation: it stays.
  var sent = prefix + "skickat";
  // A confirmation anywhere in the page: staff pages put it first in main, the residents' pages in a box.
  if (document.querySelector("main .notice[role=status]") !== null && storage.getItem(sent)) {
    storage.removeItem(storage.getItem(sent));
    storage.removeItem(sent);
  }
  document.querySelectorAll("form[method=post]:not([data-keep-draft])").forEach(function (form) {
    var areas = form.querySelectorAll("textarea[name]");
    if (!areas.length) { return; }
    if (form.getAttribute("action") === null) { return; }
    var key = prefix + form.getAttribute("action");
    var kept = {};
    try { kept = JSON.parse(storage.getItem(key) || "{}"); } catch (e) { kept = {}; }
    var restored = false;
    areas.forEach(function (area) {
      var draft = kept[area.name];
      // Only over the text it was written on: a text someone has since changed is left alone.
      if (draft && draft.base === area.defaultValue && draft.value !== area.value) {
        area.value = draft.value;
        restored = true;
      }
    });
    if (restored) {
      var note = document.createElement("p");
      note.className = "hint";
      note.setAttribute("role", "status");
      note.textContent = "Text du skrev här tidigare men som inte sparades är ifylld igen. Spara den, eller ladda om sidan för att ta bort den.";
      form.insertBefore(note, form.firstChild);
    }
    form.addEventListener("input", function () {
      var draft = {};
      areas.forEach(function (area) {
        if (area.value !== area.defaultValue) { draft[area.name] = { base: area.defaultValue, value: area.value }; }
      });
      try { storage.setItem(key, JSON.stringify(draft)); } catch (e) { /* full: nothing kept */ }
    });
    form.addEventListener("submit", function () { storage.setItem(sent, key); });
  });
  var forget = function () {
    [window.sessionStorage, window.localStorage].forEach(function (store) {
      if (!store) { return; }
      Object.keys(store).filter(function (name) { return name.indexOf(prefix) === 0 || name.indexOf("trygg-utkast:") === 0; })
        .forEach(function (name) { store.removeItem(name); });
    });
  };
  document.querySelectorAll("form[data-sign-out]").forEach(function (form) { form.addEventListener("submit", forget); });
})();

// A record form refused because someone else saved meanwhile may sit far down the page (in a
// folded section that now stands open): bring what they saved, and the form under it, into view.
(function () {
  "use strict";
  var meanwhile = document.getElementById("meanwhile");
  if (meanwhile) { meanwhile.focus(); }
})();
