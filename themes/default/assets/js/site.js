/* PaperArchive default theme: dark-mode toggle, copy buttons, keyboard navigation.
   The pages work without it; this only adds conveniences. Sets <html data-ready="true"> when wired. */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "paperarchive-theme";

  // Light/dark: an explicit choice is stored; otherwise the system preference applies.
  var toggle = document.querySelector("[data-theme-toggle]");
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function effective() {
    var chosen = root.getAttribute("data-theme");
    if (chosen === "dark" || chosen === "light") return chosen;
    return media && media.matches ? "dark" : "light";
  }
  function sync() {
    if (!toggle) return;
    var dark = effective() === "dark";
    toggle.setAttribute("aria-pressed", dark ? "true" : "false");
    toggle.title = dark ? "Switch to light mode" : "Switch to dark mode";
  }
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var next = effective() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* private mode: choice lasts for this page */ }
      sync();
    });
    if (media && media.addEventListener) media.addEventListener("change", sync);
    sync();
  }

  // Copy buttons: <button data-copy="#selector">.
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.querySelector(button.getAttribute("data-copy"));
      if (!source) return;
      var text = source.textContent;
      function done(ok) {
        button.textContent = ok ? "Copied" : "Press Ctrl+C to copy";
        setTimeout(function () { button.textContent = label; }, 2000);
      }
      function fallback() {
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        done(ok);
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
      } else {
        fallback();
      }
    });
  });

  // Keyboard: j/k move between papers, ←/→ follow rel=prev/next, / focuses search.
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-paper]"));
  var current = -1;
  function select(index) {
    if (items.length === 0) return;
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach(function (item) { item.classList.remove("is-current"); });
    var item = items[current];
    item.classList.add("is-current");
    var link = item.querySelector("a");
    if (link) link.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }
  items.forEach(function (item, i) {
    item.addEventListener("focusin", function () { current = i; });
  });
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
    if (e.key === "j") { select(current + 1); e.preventDefault(); }
    else if (e.key === "k") { select(current < 0 ? 0 : current - 1); e.preventDefault(); }
    else if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      var link = document.querySelector(e.key === "ArrowLeft" ? "a[rel~='prev']" : "a[rel~='next']");
      if (link) { e.preventDefault(); window.location.href = link.href; }
    }
    else if (e.key === "/") {
      var q = document.querySelector("input[name='q']");
      if (q) { e.preventDefault(); q.focus(); }
    }
  });

  root.setAttribute("data-ready", "true");
})();
