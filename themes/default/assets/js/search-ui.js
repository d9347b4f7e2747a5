/*
 * PaperArchive search — the page client. Two parts:
 *  - every page: the header's search box (partials/search-box.html) is a plain GET form to
 *    search.html, so it works without this script; site.js focuses it on "/".
 *  - the search page ([data-pa-search]): state lives in the URL (?q=&topic=&from=&to=&sort=),
 *    results render as DOM nodes (never innerHTML from the index), arrows move through results,
 *    Enter opens, a live region announces counts.
 * The page element carries data-index (URL of search-index/, relative to the page) and data-root
 * (URL of the site root, relative to the page). Sets <html data-search-ready="1"> once the index
 * root is loaded, and after each completed search data-search-query="<q>" and
 * data-search-state="<the URL's query string>" (for tests).
 */
(function () {
  "use strict";

  var PAGE = 10;
  var lastState = "";

  // site.js focuses the header's box on "/" on every page; on the search page the page's own box
  // is the one to type in (this listener runs after site.js's).
  function focusBoxOnSlash() {
    document.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      var t = e.target, tag = t && t.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
      var box = document.querySelector("[data-pa-search] input[name=q]");
      if (box) { e.preventDefault(); box.focus(); box.select(); }
    });
  }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }

  function appendHighlighted(parent, text, terms) {
    window.PaperArchiveSearch.highlight(text, terms).forEach(function (part) {
      parent.appendChild(part.hit ? el("mark", null, part.text) : document.createTextNode(part.text));
    });
  }

  function readState() {
    var p = new URLSearchParams(location.search);
    return { q: p.get("q") || "", topic: p.get("topic") || "", from: p.get("from") || "", to: p.get("to") || "", sort: p.get("sort") || "relevance" };
  }

  function writeState(state) {
    var p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    if (state.topic) p.set("topic", state.topic);
    if (state.from) p.set("from", state.from);
    if (state.to) p.set("to", state.to);
    if (state.sort && state.sort !== "relevance") p.set("sort", state.sort);
    var qs = p.toString();
    lastState = qs;
    var url = location.pathname + (qs ? "?" + qs : "") + location.hash;
    try { history.replaceState(null, "", url); } catch (e) { /* some file:// contexts refuse; state still works */ }
  }

  function initSearchPage(root) {
    var S = window.PaperArchiveSearch;
    var engine = new S.Engine({ base: root.getAttribute("data-index") || "search-index/" });
    var siteRoot = root.getAttribute("data-root") || "./";
    var form = root.querySelector("form") || root;
    var input = root.querySelector("input[name=q]");
    var topic = root.querySelector("select[name=topic]");
    var from = root.querySelector("input[name=from]");
    var to = root.querySelector("input[name=to]");
    var sort = root.querySelector("select[name=sort]");
    var list = root.querySelector("[data-pa-results]");
    var status = root.querySelector("[data-pa-status]");
    var more = root.querySelector("[data-pa-more]");
    var seq = 0, current = null, currentQuery = "", currentOptions = null, shown = 0, timer = 0;

    var state = readState();
    input.value = state.q;
    if (from) from.value = state.from;
    if (to) to.value = state.to;
    if (sort) sort.value = state.sort;

    form.addEventListener("submit", function (e) { e.preventDefault(); run(0); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(0); }, 60); });
    [topic, from, to, sort].forEach(function (c) { if (c) c.addEventListener("change", function () { run(0); }); });
    if (more) more.addEventListener("click", function () { var my = seq; exact(my).then(function () { return showMore(my); }); });

    root.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Escape") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a.pa-result-link"));
      var i = links.indexOf(document.activeElement);
      if (e.key === "Escape") { if (i >= 0) { e.preventDefault(); input.focus(); } return; }
      if (document.activeElement === input && e.key === "ArrowDown" && links.length) { e.preventDefault(); links[0].focus(); return; }
      if (i < 0) return;
      e.preventDefault();
      if (e.key === "ArrowDown" && i + 1 < links.length) links[i + 1].focus();
      else if (e.key === "ArrowUp") (i > 0 ? links[i - 1] : input).focus();
    });

    engine.ready().then(function (r) {
      if (topic) {
        r.topics.forEach(function (t) {
          if (!t[2]) return;
          var o = el("option", null, t[1] + " (" + t[2] + ")");
          o.value = t[0];
          topic.appendChild(o);
        });
        topic.value = state.topic;
      }
      document.documentElement.dataset.searchReady = "1";
      run(0);
    }, function () {
      status.textContent = "The search index could not be loaded.";
      document.documentElement.dataset.searchReady = "error";
    });

    function run() {
      var st = {
        q: input.value, topic: topic ? topic.value : "", from: from ? from.value : "", to: to ? to.value : "",
        sort: sort ? sort.value : "relevance",
      };
      writeState(st);
      var my = ++seq;
      if (!st.q.trim() && !st.topic && !st.from && !st.to) {
        list.textContent = "";
        status.textContent = "";
        if (more) more.hidden = true;
        done(my, st.q);
        return;
      }
      current = null;
      currentOptions = { topic: st.topic, from: st.from, to: st.to, sort: st.sort };
      engine.search(st.q, currentOptions).then(function (res) {
        if (my !== seq) return;
        current = res;
        currentQuery = st.q;
        shown = 0;
        list.textContent = "";
        status.textContent = announce(res, st.q);
        return showMore(my).then(function () { done(my, st.q); });
      }).catch(function (err) {
        if (my !== seq) return;
        status.textContent = "Search failed: " + err.message;
        done(my, st.q);
      });
    }

    function done(my, q) {
      if (my !== seq) return;
      document.documentElement.dataset.searchState = lastState;
      document.documentElement.dataset.searchQuery = q;
    }

    // The first page may come from the heads of frequent terms alone (exact: false): its order is
    // proven, the count is a lower bound. Deeper pages need the whole result.
    function exact(my) {
      if (!current || current.exact) return Promise.resolve();
      var opts = Object.assign({ exhaustive: true }, currentOptions);
      return engine.search(currentQuery, opts).then(function (res) {
        if (my !== seq) return;
        current = res;
        status.textContent = announce(res, currentQuery);
      });
    }

    function announce(res, q) {
      if (!res.count) return "No results" + (q.trim() ? " for “" + q.trim() + "”" : "") + ".";
      if (!res.exact) {
        return (res.known ? res.known + "+ results match every word" : "Best partial matches") +
          (res.typos.length ? " (including close spellings: " + res.typos.slice(0, 3).join(", ") + ")" : "") + ".";
      }
      var n = Math.max(res.count, res.total || 0);
      var s = n === 1 ? "1 result" : n + " results";
      if (res.full < n) s = res.full + (res.full === 1 ? " result matches" : " results match") + " every word; " + (n - res.full) + " partial";
      if (res.count < n) s += " (showing the best " + res.count + ")";
      if (res.typos.length) s += " (including close spellings: " + res.typos.slice(0, 3).join(", ") + ")";
      return s + ".";
    }

    function showMore(my) {
      if (!current) return Promise.resolve();
      var docs = current.docs.slice(shown, shown + PAGE);
      shown += docs.length;
      if (more) more.hidden = current.exact && shown >= current.docs.length;
      return engine.cards(docs).then(function (cards) {
        if (my !== seq) return;
        cards.forEach(function (c, i) { list.appendChild(renderCard(c, current, shown - docs.length + i)); });
      });
    }

    function renderCard(c, res, index) {
      var li = el("li", "pa-result" + (index >= res.full ? " pa-partial" : ""));
      var art = el("article");
      var h = el("h2", "pa-result-title");
      var a = el("a", "pa-result-link");
      a.href = siteRoot + c.link;
      appendHighlighted(a, c.title, res.terms);
      h.appendChild(a);
      art.appendChild(h);
      var meta = el("p", "pa-result-meta");
      if (c.date) { var t = el("time", null, c.date); t.dateTime = c.date; meta.appendChild(t); }
      if (c.authors) meta.appendChild(el("span", "pa-result-authors", c.authors));
      if (c.upvotes !== null) meta.appendChild(el("span", "pa-result-upvotes", "▲ " + c.upvotes));
      art.appendChild(meta);
      if (c.topics.length) {
        var tl = el("ul", "pa-result-topics");
        c.topics.forEach(function (tp) {
          var ti = el("li");
          var ta = el("a", null, tp[1]);
          ta.href = siteRoot + "topics/" + encodeURIComponent(tp[0]) + ".html";
          ti.appendChild(ta);
          tl.appendChild(ti);
        });
        art.appendChild(tl);
      }
      if (c.abstract) {
        var p = el("p", "pa-result-snippet");
        appendHighlighted(p, window.PaperArchiveSearch.snippet(c.abstract, res.terms, 260), res.terms);
        art.appendChild(p);
      }
      li.appendChild(art);
      return li;
    }
  }

  function start() {
    var page = document.querySelector("[data-pa-search]");
    if (page) { focusBoxOnSlash(); initSearchPage(page); }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
