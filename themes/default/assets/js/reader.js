/* PaperArchive reader: reading list (stars, read marks, notes), "My list", exports, "For you",
   and the offline copy. Everything stays in this browser (localStorage); nothing is sent anywhere.
   Data files: reader/*.js (format: src/PaperArchive/Reader/README.md), loaded with <script>
   elements so they work from file:// too. Sets <html data-reader-ready="true"> when wired
   (and data-foryou-ready on the For-you page, data-sw-ready when a service worker controls the page). */
(function () {
  "use strict";
  var doc = document;
  var html = doc.documentElement;
  var body = doc.body;
  var rootRel = body.getAttribute("data-root") || "";
  var siteKey = body.getAttribute("data-site") || "/";

  // ---- Storage: versioned schema, migrations, graceful fallback -------------------------------
  var KEY = "paperarchive.reader:" + siteKey;
  var SCHEMA = 1;
  // MIGRATIONS[n] turns schema n into n + 1. Schema 0 is a bare array of starred ids (or an
  // {id: true} map), the shape a hand-made or older list has; add MIGRATIONS[1] when schema 2 comes.
  var MIGRATIONS = {
    0: function (old) {
      var ids = Array.isArray(old) ? old : Object.keys(old || {}).filter(function (k) { return old[k]; });
      var items = {};
      ids.forEach(function (id) {
        if (typeof id === "string" && id) items[id] = { id: id, title: id, url: "", date: "", starred: true, read: false, note: "", added: "", updated: "" };
      });
      return { schema: 1, items: items };
    }
  };

  function emptyState() { return { schema: SCHEMA, items: {} }; }

  /** Brings stored data to the current schema; null when it comes from a newer version we must not overwrite. */
  function migrate(data) {
    var version = data && typeof data === "object" && !Array.isArray(data) && typeof data.schema === "number" ? data.schema : 0;
    if (version > SCHEMA) return null;
    while (version < SCHEMA) {
      data = MIGRATIONS[version](data);
      version = data.schema;
    }
    if (!data.items || typeof data.items !== "object") data.items = {};
    return data;
  }

  function probe() {
    try {
      var k = "paperarchive.probe";
      window.localStorage.setItem(k, k);
      window.localStorage.removeItem(k);
      return true;
    } catch (e) { return false; }
  }
  var persistent = probe();
  var readOnly = false;
  var memory = emptyState();

  function load() {
    if (!persistent) return memory;
    try {
      var raw = window.localStorage.getItem(KEY);
      if (!raw) return emptyState();
      var parsed = JSON.parse(raw);
      var before = parsed && parsed.schema;
      var state = migrate(parsed);
      if (state === null) { readOnly = true; return emptyState(); }
      // Write a migrated list back at once, so every page reads the current schema.
      if (before !== state.schema) window.localStorage.setItem(KEY, JSON.stringify(state));
      return state;
    } catch (e) {
      return emptyState();
    }
  }

  function save(state) {
    state.schema = SCHEMA;
    if (readOnly) return false;
    if (!persistent) { memory = state; changed(); return true; }
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) {
      // Quota or storage turned off mid-session: keep working in memory.
      persistent = false;
      memory = state;
    }
    changed();
    return true;
  }

  function now() { return new Date().toISOString(); }

  function keep(item) { return item.starred || item.read || (item.note && item.note.length > 0); }

  /** Applies fn to the item of paper `info.id` (created from info when missing) and saves. */
  function update(info, fn) {
    var state = load();
    var item = state.items[info.id] || { id: info.id, title: info.title || info.id, url: info.url || "", date: info.date || "", starred: false, read: false, note: "", added: now(), updated: "" };
    if (info.title) item.title = info.title;
    if (info.url) item.url = info.url;
    if (info.date) item.date = info.date;
    fn(item);
    item.updated = now();
    if (keep(item)) state.items[info.id] = item; else delete state.items[info.id];
    save(state);
    return item;
  }

  var listeners = [];
  function changed() { listeners.forEach(function (fn) { fn(); }); }
  window.addEventListener("storage", function (e) { if (e.key === KEY) changed(); });

  // ---- Paths -----------------------------------------------------------------------------------
  // baseURI, not location: the 404 page is served at any depth with <base href> at the site root.
  var siteBase = new URL(rootRel || "./", doc.baseURI).href;
  /** An absolute link of this site → its site path ("papers/2401.00001.html"), else "". */
  function sitePath(href) {
    var abs = new URL(href, doc.baseURI).href.split("#")[0].split("?")[0];
    return abs.indexOf(siteBase) === 0 ? abs.slice(siteBase.length) : "";
  }
  function link(path) { return rootRel + path; }

  // ---- Data files (reader/*.js) ------------------------------------------------------------------
  var loaded = {};
  var pending = {};
  window.__paReader = window.__paReader || {
    add: function (kind, n, data) { loaded[kind + n] = data; }
  };
  function loadData(kind, n) {
    var name = kind + n;
    if (name in loaded) return Promise.resolve(loaded[name]);
    if (pending[name]) return pending[name];
    var file = kind === "r" ? "root.js" : kind === "f" ? "recent.js" : kind === "o" ? "offline.js" : name + ".js";
    pending[name] = new Promise(function (resolve) {
      var s = doc.createElement("script");
      s.src = link("reader/" + file);
      s.async = true;
      s.onload = function () { resolve(loaded[name] === undefined ? null : loaded[name]); };
      s.onerror = function () { loaded[name] = null; resolve(null); };
      doc.head.appendChild(s);
    });
    return pending[name];
  }
  /** FNV-1a over UTF-16 code units, as ReaderFormat.Shard in C#. */
  function shardOf(id, shards) {
    var h = 0x811c9dc5;
    for (var i = 0; i < id.length; i++) {
      h ^= id.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }
  /** Per paper id: [url, title, day, topics, key, bibtex, ris] (missing ids are left out). */
  function metaFor(ids) {
    return loadData("r", 0).then(function (root) {
      if (!root || !root.shards) return {};
      var shards = {};
      ids.forEach(function (id) { shards[shardOf(id, root.shards)] = true; });
      return Promise.all(Object.keys(shards).map(function (s) { return loadData("m", s); })).then(function (parts) {
        var out = {};
        parts.forEach(function (part) {
          if (!part) return;
          ids.forEach(function (id) { if (Object.prototype.hasOwnProperty.call(part, id)) out[id] = part[id]; });
        });
        return out;
      });
    });
  }

  // ---- Buttons on cards and paper pages ------------------------------------------------------------
  function paperInfo(el) {
    var id = el.getAttribute("data-paper-id");
    var a = el.matches("[data-reader-paper]") ? null : el.querySelector(".paper-title a, a");
    var title = a ? a.textContent : (doc.getElementById("paper-title") || {}).textContent || id;
    var url = a ? sitePath(a.href) : sitePath(window.location.href);
    return { id: id, title: (title || id).trim(), url: url, date: el.getAttribute("data-date") || "" };
  }

  // The accessible name stays the same ("Star: <title>"); aria-pressed carries the state, so a
  // screen reader does not hear the state twice. The visible text shows it for everyone else.
  function toggleButton(cls, onLabel, offLabel, onText, offText, name) {
    var b = doc.createElement("button");
    b.type = "button";
    b.className = "reader-toggle " + cls;
    b.setAttribute("aria-label", name);
    b.set = function (on) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
      b.textContent = on ? onText : offText;
      b.title = on ? onLabel : offLabel;
    };
    return b;
  }

  var wired = [];
  function wire(el) {
    var info = paperInfo(el);
    if (!info.id) return;
    var box = doc.createElement("div");
    box.className = "reader-buttons";
    var star = toggleButton("reader-star", "Remove from My list", "Star: add to My list", "★ Starred", "☆ Star", "Star: " + info.title);
    var read = toggleButton("reader-read", "Mark as unread", "Mark as read", "✓ Read", "Mark read", "Read: " + info.title);
    star.setAttribute("data-reader-star", "");
    read.setAttribute("data-reader-read", "");
    star.addEventListener("click", function () { update(info, function (it) { it.starred = !it.starred; }); });
    read.addEventListener("click", function () { update(info, function (it) { it.read = !it.read; }); });
    box.appendChild(star);
    box.appendChild(read);
    var note = null;
    if (el.matches("[data-reader-paper]")) {
      var label = doc.createElement("label");
      label.className = "reader-note";
      var span = doc.createElement("span");
      span.textContent = "My note";
      note = doc.createElement("textarea");
      note.setAttribute("data-reader-note", "");
      note.maxLength = 2000;
      note.rows = 2;
      note.placeholder = "A short note, kept in this browser";
      var timer = 0;
      function commit() {
        clearTimeout(timer);
        var value = note.value.trim();
        var item = load().items[info.id];
        if ((item ? item.note : "") === value) return;
        update(info, function (it) { it.note = value; });
        html.setAttribute("data-reader-saved", String(Date.now()));
      }
      note.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(commit, 400); });
      note.addEventListener("change", commit);
      note.addEventListener("blur", commit);
      label.appendChild(span);
      label.appendChild(note);
      el.appendChild(box);
      el.appendChild(label);
    } else {
      (el.querySelector("article") || el).appendChild(box);
    }
    wired.push({ id: info.id, star: star, read: read, note: note, el: el });
  }

  function sync() {
    var items = load().items;
    wired.forEach(function (w) {
      var it = items[w.id];
      w.star.set(!!(it && it.starred));
      w.read.set(!!(it && it.read));
      w.el.classList.toggle("is-starred", !!(it && it.starred));
      w.el.classList.toggle("is-read", !!(it && it.read));
      if (w.note && doc.activeElement !== w.note) w.note.value = it ? it.note || "" : "";
    });
    var count = Object.keys(items).filter(function (k) { return items[k].starred; }).length;
    Array.prototype.forEach.call(doc.querySelectorAll("[data-reader-count]"), function (c) {
      c.textContent = String(count);
      c.hidden = count === 0;
      c.setAttribute("aria-label", count + " starred");
    });
  }
  listeners.push(sync);

  // ---- Downloads -------------------------------------------------------------------------------------
  function download(name, type, text) {
    var blob = new Blob([text], { type: type });
    var a = doc.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function setStatus(el, text) { if (el) el.textContent = text; }

  // ---- My list ---------------------------------------------------------------------------------------
  function readingList(section) {
    var filters = section.querySelector("[data-reader-filters]");
    var list = section.querySelector("[data-reader-items]");
    var status = section.querySelector("[data-reader-status]");
    var tools = section.querySelector("[data-reader-tools]");
    var unavailable = section.querySelector("[data-reader-unavailable]");
    filters.hidden = false;
    tools.hidden = false;
    if (!persistent && unavailable) unavailable.hidden = false;
    if (readOnly && unavailable) {
      unavailable.hidden = false;
      unavailable.textContent = "This list was saved by a newer version of the site; it is shown read-only here so nothing is lost.";
    }
    var meta = {};

    function chosen() {
      var show = filters.querySelector("input[name='show']:checked");
      return { show: show ? show.value : "all", topic: filters.querySelector("select[name='topic']").value };
    }

    function visible() {
      var items = load().items;
      var f = chosen();
      return Object.keys(items).map(function (k) { return items[k]; }).filter(function (it) {
        if (f.show === "starred" && !it.starred) return false;
        if (f.show === "unread" && it.read) return false;
        if (f.show === "read" && !it.read) return false;
        if (f.topic) {
          var m = meta[it.id];
          if (!m || m[3].indexOf(f.topic) < 0) return false;
        }
        return true;
      }).sort(function (a, b) {
        // Unread first, then newest added.
        if (a.read !== b.read) return a.read ? 1 : -1;
        return (b.added || "").localeCompare(a.added || "") || a.id.localeCompare(b.id);
      });
    }

    function render() {
      var all = load().items;
      var total = Object.keys(all).length;
      var items = visible();
      list.textContent = "";
      wired = wired.filter(function (w) { return !list.contains(w.el) && doc.contains(w.el); });
      items.forEach(function (it) {
        var li = doc.createElement("li");
        li.className = "paper-card reader-item";
        li.setAttribute("data-paper", "");
        li.setAttribute("data-paper-id", it.id);
        if (it.date) li.setAttribute("data-date", it.date);
        var article = doc.createElement("article");
        var h = doc.createElement("h2");
        h.className = "paper-title";
        var a = doc.createElement("a");
        var m = meta[it.id];
        a.href = link((m && m[0]) || it.url || "");
        a.textContent = (m && m[1]) || it.title || it.id;
        h.appendChild(a);
        article.appendChild(h);
        var p = doc.createElement("p");
        p.className = "paper-meta";
        var parts = [];
        if (it.date) parts.push(it.date);
        if (m && m[3].length) parts.push(m[3].join(", "));
        p.textContent = parts.join(" · ");
        article.appendChild(p);
        var noteLabel = doc.createElement("label");
        noteLabel.className = "reader-note";
        var span = doc.createElement("span");
        span.textContent = "Note";
        var ta = doc.createElement("textarea");
        ta.rows = 1;
        ta.maxLength = 2000;
        ta.value = it.note || "";
        ta.setAttribute("data-reader-note", "");
        ta.addEventListener("change", function () {
          update({ id: it.id }, function (x) { x.note = ta.value.trim(); });
          html.setAttribute("data-reader-saved", String(Date.now()));
        });
        noteLabel.appendChild(span);
        noteLabel.appendChild(ta);
        article.appendChild(noteLabel);
        li.appendChild(article);
        list.appendChild(li);
        wire(li);
      });
      sync();
      var starred = Object.keys(all).filter(function (k) { return all[k].starred; }).length;
      setStatus(status, total === 0
        ? "Your list is empty. Star papers (☆) on any list or paper page to keep them here."
        : "Showing " + items.length + " of " + total + " papers (" + starred + " starred).");
      list.setAttribute("data-count", String(items.length));
    }

    function refreshMeta() {
      var ids = Object.keys(load().items).filter(function (id) { return !(id in meta); });
      if (ids.length === 0) return Promise.resolve();
      return metaFor(ids).then(function (m) {
        ids.forEach(function (id) { meta[id] = m[id] || null; });
      });
    }

    filters.addEventListener("change", render);
    filters.addEventListener("submit", function (e) { e.preventDefault(); });
    var rendering = false;
    listeners.push(function () {
      if (rendering) return;
      // A star removed from this page keeps its card until the next change of filter or reload,
      // so a mis-click can be undone in place.
      var ids = Object.keys(load().items);
      if (ids.some(function (id) { return !list.querySelector("[data-paper-id='" + CSS.escape(id) + "']"); })) {
        rendering = true;
        refreshMeta().then(function () { render(); rendering = false; });
      }
    });

    function exportItems(format) {
      var items = visible();
      if (format === "json") {
        var payload = { format: "paperarchive-reading-list", schema: SCHEMA, site: siteKey, exported: now(), items: items };
        download("reading-list.json", "application/json", JSON.stringify(payload, null, 2) + "\n");
        setStatus(status, "Exported " + items.length + " papers as JSON.");
        return Promise.resolve();
      }
      return metaFor(items.map(function (it) { return it.id; })).then(function (m) {
        var found = items.filter(function (it) { return m[it.id]; });
        var text = found.map(function (it) { return format === "bib" ? m[it.id][5] + "\n" : m[it.id][6]; }).join(format === "bib" ? "\n" : "");
        download(format === "bib" ? "reading-list.bib" : "reading-list.ris",
          format === "bib" ? "application/x-bibtex" : "application/x-research-info-systems", text);
        var missing = items.length - found.length;
        setStatus(status, "Exported " + found.length + " papers as " + (format === "bib" ? "BibTeX" : "RIS") + "." +
          (missing > 0 ? " " + missing + " are no longer in this archive and were left out." : ""));
      });
    }
    Array.prototype.forEach.call(section.querySelectorAll("[data-reader-export]"), function (b) {
      b.addEventListener("click", function () { exportItems(b.getAttribute("data-reader-export")); });
    });

    var input = section.querySelector("[data-reader-import]");
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var result = importText(String(reader.result));
        input.value = "";
        refreshMeta().then(render).then(function () {
          setStatus(status, result + " " + status.textContent);
          html.setAttribute("data-reader-imported", String(Date.now()));
        });
      };
      reader.readAsText(file);
    });

    refreshMeta().then(function () {
      render();
      html.setAttribute("data-reader-ready", "true");
    });
    return true;
  }

  /** Merges an exported list; for a paper in both, the more recently updated state wins. */
  function importText(text) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return "That file is not JSON; nothing was imported."; }
    var items = data && Array.isArray(data.items) ? data.items : null;
    if (!items) {
      var migrated = data && typeof data.schema !== "number" ? migrate(data) : null;
      items = migrated ? Object.keys(migrated.items).map(function (k) { return migrated.items[k]; }) : null;
    }
    if (!items) return "That file is not an exported reading list; nothing was imported.";
    var state = load();
    var added = 0, updated = 0;
    items.forEach(function (raw) {
      if (!raw || typeof raw.id !== "string" || !raw.id) return;
      var it = {
        id: raw.id,
        title: String(raw.title || raw.id).slice(0, 1000),
        url: typeof raw.url === "string" && !/^[a-z][a-z0-9+.-]*:|^\/|\.\./i.test(raw.url) ? raw.url : "",
        date: /^\d{4}-\d{2}-\d{2}$/.test(raw.date || "") ? raw.date : "",
        starred: !!raw.starred,
        read: !!raw.read,
        note: String(raw.note || "").slice(0, 2000),
        added: String(raw.added || ""),
        updated: String(raw.updated || "")
      };
      if (!keep(it)) return;
      var had = state.items[it.id];
      if (!had) { state.items[it.id] = it; added++; }
      else if ((it.updated || "") > (had.updated || "")) { state.items[it.id] = it; updated++; }
    });
    save(state);
    return "Imported " + added + " new papers" + (updated ? " and updated " + updated : "") + ".";
  }

  // ---- For you --------------------------------------------------------------------------------------
  function forYou(section) {
    var status = section.querySelector("[data-reader-status]");
    var list = section.querySelector("[data-foryou-items]");
    function done() { html.setAttribute("data-foryou-ready", "true"); }
    var items = load().items;
    var starred = Object.keys(items).filter(function (k) { return items[k].starred; });
    if (starred.length === 0) {
      setStatus(status, "Star a few papers first: this page ranks recent papers by how much they resemble your starred ones.");
      done();
      return;
    }
    setStatus(status, "Ranking…");
    loadData("f", 0).then(function (recent) {
      if (!recent || !recent.docs) { setStatus(status, "The recommendation data is missing from this copy of the site."); done(); return null; }
      var vectors = {};
      recent.docs.forEach(function (d) { vectors[d[0]] = d[6]; });
      var need = starred.filter(function (id) { return !vectors[id]; });
      var shards = {};
      need.forEach(function (id) { shards[shardOf(id, recent.shards)] = true; });
      return Promise.all(Object.keys(shards).map(function (s) { return loadData("v", s); })).then(function (parts) {
        parts.forEach(function (part) { if (part) need.forEach(function (id) { if (part[id]) vectors[id] = part[id]; }); });
        return { recent: recent, vectors: vectors };
      });
    }).then(function (r) {
      if (!r) return;
      var profile = {};
      var used = 0;
      starred.forEach(function (id) {
        var v = r.vectors[id];
        if (!v) return;
        var norm = 0, i;
        for (i = 1; i < v.length; i += 2) norm += v[i] * v[i];
        norm = Math.sqrt(norm) || 1;
        for (i = 0; i < v.length; i += 2) profile[v[i]] = (profile[v[i]] || 0) + v[i + 1] / norm;
        used++;
      });
      var pnorm = 0;
      Object.keys(profile).forEach(function (t) { pnorm += profile[t] * profile[t]; });
      pnorm = Math.sqrt(pnorm) || 1;
      var mine = {};
      Object.keys(items).forEach(function (k) { if (items[k].starred) mine[k] = true; });
      var ranked = r.recent.docs.filter(function (d) { return !mine[d[0]]; }).map(function (d) {
        var v = d[6], dot = 0, norm = 0, shared = [];
        for (var i = 0; i < v.length; i += 2) {
          norm += v[i + 1] * v[i + 1];
          if (profile[v[i]]) { dot += profile[v[i]] * v[i + 1]; shared.push(v[i]); }
        }
        return { doc: d, score: norm ? dot / (Math.sqrt(norm) * pnorm) : 0, shared: shared };
      }).filter(function (x) { return x.score > 0; }).sort(function (a, b) {
        return b.score - a.score || (b.doc[3] > a.doc[3] ? 1 : b.doc[3] < a.doc[3] ? -1 : 0) || (a.doc[0] < b.doc[0] ? -1 : 1);
      }).slice(0, 30);
      list.textContent = "";
      ranked.forEach(function (x) {
        var d = x.doc;
        var li = doc.createElement("li");
        li.className = "paper-card";
        li.setAttribute("data-paper", "");
        li.setAttribute("data-paper-id", d[0]);
        li.setAttribute("data-date", d[3]);
        li.setAttribute("data-score", x.score.toFixed(4));
        var article = doc.createElement("article");
        var h = doc.createElement("h2");
        h.className = "paper-title";
        var a = doc.createElement("a");
        a.href = link(d[1]);
        a.textContent = d[2];
        h.appendChild(a);
        var p = doc.createElement("p");
        p.className = "paper-meta";
        p.textContent = [d[3], d[5], d[4] >= 0 ? "▲ " + d[4] : ""].filter(Boolean).join(" · ");
        article.appendChild(h);
        article.appendChild(p);
        li.appendChild(article);
        list.appendChild(li);
        wire(li);
      });
      sync();
      setStatus(status, ranked.length === 0
        ? "No paper of the last " + r.recent.days + " days resembles your starred ones yet."
        : ranked.length + " papers of the last " + r.recent.days + " days, most similar to your " + used + " starred first.");
      done();
    });
  }

  // ---- Offline: service worker (http(s) only) and "save the last N days" ------------------------------
  var canWork = "serviceWorker" in navigator && /^https?:$/.test(window.location.protocol);
  if (canWork) {
    navigator.serviceWorker.register(link("sw.js")).then(function () {
      function controlled() { if (navigator.serviceWorker.controller) html.setAttribute("data-sw-ready", "true"); }
      navigator.serviceWorker.addEventListener("controllerchange", controlled);
      controlled();
    }, function () { /* no sw.js in this theme, or refused: the site works without it */ });
  }

  /** Every file of the search index named by its root (formats 1–3 name files alike, Search/README.md), versioned as the client loads them. */
  function searchIndexUrls() {
    return new Promise(function (resolve) {
      var previous = window.__paSearch;
      var root = null;
      window.__paSearch = { add: function (kind, n, data) { if (kind === "r") root = data; else if (previous && previous.add) previous.add(kind, n, data); } };
      var s = doc.createElement("script");
      s.src = link("search-index/root.js?offline=" + Date.now());
      function finish() {
        window.__paSearch = previous;
        if (!root || !(root.format >= 1 && root.format <= 3)) { resolve([link("search-index/root.js")]); return; }
        var v = "?v=" + root.version;
        var urls = [link("search-index/root.js")];
        function add(prefix, count) { for (var i = 0; i < count; i++) urls.push(link("search-index/" + prefix + i + ".js" + v)); }
        // format 3 front-codes the shard separators into one string of space-separated entries
        function shards(starts) { return typeof starts === "string" ? starts.split(" ").filter(Boolean).length : (starts || []).length; }
        add("d", shards(root.dict));
        add("p", shards(root.post));
        add("x", root.bands || 0);
        add("c", Math.ceil((root.docs || 0) / (root.cardsPerChunk || 1)));
        add("u", Math.ceil((root.docs || 0) / (root.upvotesPerChunk || 4096)));
        add("t", (root.topics || []).length);
        resolve(urls);
      }
      s.onload = finish;
      s.onerror = finish;
      doc.head.appendChild(s);
    });
  }

  function offlineSection(section) {
    if (!canWork) return;
    section.hidden = false;
    var button = section.querySelector("[data-offline-save]");
    var select = section.querySelector("[data-offline-days]");
    var status = section.querySelector("[data-offline-status]");
    button.addEventListener("click", function () {
      var days = parseInt(select.value, 10) || 7;
      button.disabled = true;
      setStatus(status, "Collecting pages…");
      Promise.all([loadData("o", 0), searchIndexUrls(), navigator.serviceWorker.ready]).then(function (r) {
        var list = r[0] || [];
        var urls = [link("index.html"), link("search.html"), link("my-list.html"), link("for-you.html"), link("archive.html"),
          link("reader/root.js"), link("reader/recent.js"), link("reader/offline.js")];
        list.slice(0, days).forEach(function (d) {
          urls.push(link(d[1]));
          d[2].forEach(function (p) { urls.push(link(p)); });
        });
        urls = urls.concat(r[1]).map(function (u) { return new URL(u, window.location.href).href; });
        var worker = r[2].active;
        var channel = new MessageChannel();
        channel.port1.onmessage = function (e) {
          var m = e.data || {};
          if (m.type === "progress") setStatus(status, "Saving… " + m.done + " of " + m.total);
          if (m.type === "done") {
            button.disabled = false;
            setStatus(status, "Saved " + m.saved + " files for offline reading" + (m.failed ? " (" + m.failed + " could not be fetched)" : "") + ": the last " + Math.min(days, list.length) + " days and the search index.");
            html.setAttribute("data-offline-saved", String(m.saved));
          }
        };
        worker.postMessage({ type: "save", urls: urls }, [channel.port2]);
      });
    });
  }

  // ---- Search results (drawn later by search-ui.js): a star on each ----------------------------------------
  var results = doc.querySelector("[data-pa-results]");
  function wireResults() {
    wired = wired.filter(function (w) { return doc.contains(w.el); });
    Array.prototype.forEach.call(results.querySelectorAll("li.pa-result:not([data-paper-id])"), function (li) {
      var a = li.querySelector("a.pa-result-link");
      // Page names are the paper id for arXiv ids; other ids' names are not reversible: no star there.
      var m = a && /^papers\/([A-Za-z0-9.-]+)\.html$/.exec(sitePath(a.href));
      if (!m) return;
      li.setAttribute("data-paper-id", m[1]);
      wire(li);
    });
    sync();
  }
  if (results && window.MutationObserver) new MutationObserver(wireResults).observe(results, { childList: true });

  // ---- Wire everything ----------------------------------------------------------------------------------
  Array.prototype.forEach.call(doc.querySelectorAll("[data-paper-id]"), wire);
  sync();
  var listSection = doc.querySelector("[data-reader-list]");
  var offline = doc.querySelector("[data-reader-offline]");
  if (offline) offlineSection(offline);
  var fy = doc.querySelector("[data-reader-foryou]");
  if (fy) forYou(fy);
  if (!listSection || !readingList(listSection)) html.setAttribute("data-reader-ready", "true");

  // For tests and the console: the storage key, schema and the pure helpers.
  window.PaperArchiveReader = { key: KEY, schema: SCHEMA, migrate: migrate, shardOf: shardOf, importText: importText, persistent: function () { return persistent; } };
})();
