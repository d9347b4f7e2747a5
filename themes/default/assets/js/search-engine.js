/*
 * PaperArchive search — the query engine over the static sharded index (format:
 * src/PaperArchive/Search/README.md). Index files are scripts calling __paSearch.add(kind, n, data),
 * loaded on demand with <script> elements (works over http(s) and file://; no fetch, no network
 * outside the site). In node, pass a `load(name)` that evaluates the file.
 */
(function (global) {
  "use strict";

  var A = global.PaperArchiveAnalyzer || (typeof require === "function" ? require("./search-analyzer.js") : null);
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var di = 0; di < ALPHABET.length; di++) DIGIT[ALPHABET.charCodeAt(di)] = di;

  // Bounds: a query of any length or content does bounded work.
  var MAX_QUERY_CHARS = 300, MAX_UNITS = 12, MAX_CANDIDATES = 8, MAX_DICT_SHARDS = 3, MAX_RESULTS = 2000,
    PHRASE_VERIFY = 40, TYPO_MIN = 5;
  var WEIGHT = { exact: 1, prefix: 0.7, typo: 0.45 };

  /** Default browser loader: one <script> per index file, de-duplicated. */
  function scriptLoader(baseUrl) {
    return function (name, version) {
      return new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = baseUrl + name + (version ? "?v=" + version : "");
        s.async = true;
        s.onload = function () { s.remove(); resolve(); };
        s.onerror = function () { s.remove(); reject(new Error("cannot load " + name)); };
        document.head.appendChild(s);
      });
    };
  }

  function Engine(options) {
    this.load = options.load || scriptLoader(options.base);
    this.store = new Map(); // "kind:n" -> data
    this.pending = new Map(); // "kind:n" -> promise
    this.decoded = new Map(); // term -> {docs, levels, max}
    this.root = null;
    var self = this;
    var hub = global.__paSearch || (global.__paSearch = {});
    var previous = hub.add;
    hub.add = function (kind, n, data) {
      self.store.set(kind + ":" + n, data);
      if (previous && previous !== hub.add) previous(kind, n, data);
    };
  }

  Engine.prototype.file = function (kind, n) {
    var key = kind + ":" + n;
    if (this.store.has(key)) return Promise.resolve(this.store.get(key));
    if (!this.pending.has(key)) {
      var self = this;
      var name = kind === "r" ? "root.js" : kind + n + ".js";
      var p = this.load(name, this.root ? this.root.version : "").then(function () {
        if (!self.store.has(key)) throw new Error("index file " + name + " did not register");
        return self.store.get(key);
      });
      p.catch(function () { self.pending.delete(key); });
      this.pending.set(key, p);
    }
    return this.pending.get(key);
  };

  Engine.prototype.ready = function () {
    var self = this;
    if (!this.readyPromise) this.readyPromise = this.file("r", 0).then(function (r) {
      if (r.format !== 3) throw new Error("search index format " + r.format + " (this client reads 3): rebuild the site");
      r.dict = starts(r.dict); r.post = starts(r.post);
      self.root = r;
      return r;
    });
    return this.readyPromise;
  };

  // Shard separators, front-coded (SearchCodec.EncodeStarts): "<shared-digit><rest>" separated by spaces.
  function starts(s) {
    if (typeof s !== "string") return s;
    var out = [], prev = "";
    s.split(" ").forEach(function (p) { if (p) out.push(prev = prev.slice(0, DIGIT[p.charCodeAt(0)]) + p.slice(1)); });
    return out;
  }

  /** The listing day ("yyyy-mm-dd") of a doc, from the root's days; "" for an undated paper. */
  Engine.prototype.dayOf = function (d) {
    var days = this.root.days;
    if (d >= this.root.dated || !days.length) return "";
    // days: [yyyymmdd, first doc, …] newest first; the doc's day is the last entry starting at or before it
    var lo = 0, hi = days.length / 2 - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (days[2 * mid + 1] <= d) lo = mid; else hi = mid - 1;
    }
    var k = String(days[2 * lo]);
    return k.slice(0, 4) + "-" + k.slice(4, 6) + "-" + k.slice(6, 8);
  };

  // Index of the shard whose range holds `term` (starts are the first term of each shard).
  function shardOf(starts, term) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  Engine.prototype.postingsShard = function (term) { return this.file("p", shardOf(this.root.post, term)); };

  /**
   * Postings of a term: {docs: Int32Array, levels: Uint8Array, max, tail} or null. A frequent
   * term's entry holds only its head (its best postings); `tail` ({file, count, maxLevel}) says
   * what the rest is worth until complete() has merged it in.
   */
  Engine.prototype.postings = function (term) {
    var self = this;
    if (this.decoded.has(term)) return Promise.resolve(this.decoded.get(term));
    return this.postingsShard(term).then(function (data) {
      if (self.decoded.has(term)) return self.decoded.get(term);
      var at = self.shardMap(term, data).get(term);
      var result = null;
      if (at !== undefined) {
        var scale = data[at + 1], tailed = typeof scale !== "number";
        result = decode(tailed ? scale[0] : scale, data[at + 2], self.root.docs);
        result.tails = [];
        for (var b = 1; tailed && b < scale.length; b += 3) result.tails.push({ file: scale[b], count: scale[b + 1], maxLevel: scale[b + 2] });
      }
      self.decoded.set(term, result);
      return result;
    });
  };

  Engine.prototype.shardMap = function (term, data) {
    if (!this.shardMaps) this.shardMaps = new Map();
    var idx = shardOf(this.root.post, term);
    var map = this.shardMaps.get(idx);
    if (!map) {
      map = new Map();
      for (var i = 0; i < data.length; i += 3) map.set(data[i], i);
      this.shardMaps.set(idx, map);
    }
    return map;
  };

  /** Loads the next band of a frequent term's postings and merges it in (doc order). */
  Engine.prototype.extend = function (term) {
    var self = this;
    return this.postings(term).then(function (p) {
      if (!p || !p.tails.length) return p;
      var band = p.tails[0];
      return self.file("x", band.file).then(function (enc) {
        if (p.tails[0] !== band) return p; // merged meanwhile
        var t = decode(p.max, enc, self.root.docs), n = p.docs.length + t.docs.length;
        var docs = new Int32Array(n), levels = new Uint8Array(n), i = 0, j = 0, k = 0;
        while (i < p.docs.length || j < t.docs.length) {
          if (j >= t.docs.length || (i < p.docs.length && p.docs[i] < t.docs[j])) { docs[k] = p.docs[i]; levels[k++] = p.levels[i++]; }
          else { docs[k] = t.docs[j]; levels[k++] = t.levels[j++]; }
        }
        p.docs = docs; p.levels = levels; p.tails = p.tails.slice(1);
        return p;
      });
    });
  };

  /** Every posting of a term (all its bands merged). */
  Engine.prototype.complete = function (term) {
    var self = this;
    return this.extend(term).then(function (p) { return p && p.tails.length ? self.complete(term) : p; });
  };

  // Files number docs oldest first (s), so a new day's papers leave old shards as they were; the engine
  // numbers them newest first (d = docs - 1 - s: date order is doc order, ties favour newer papers).
  // Postings come back ascending in engine numbers.
  function decode(max, s, docCount) {
    var pos = 0;
    function varint() {
      var value = 0, shift = 0;
      for (;;) {
        var d = DIGIT[s.charCodeAt(pos++)];
        value += (d & 31) * Math.pow(2, shift);
        if ((d & 32) === 0) return value;
        shift += 5;
      }
    }
    var count = varint(), docs = new Int32Array(count), levels = new Uint8Array(count), doc = 0, last = docCount - 1;
    for (var i = 0; i < count; i++) { doc += varint(); docs[count - 1 - i] = last - doc; }
    for (var j = 0; j < count; j++) levels[count - 1 - j] = DIGIT[s.charCodeAt(pos++)];
    return { docs: docs, levels: levels, max: max };
  }

  // Document frequency of the entry at `at` of a postings shard, without decoding it.
  function entryDf(data, at) {
    var s = data[at + 2], v = 0, shift = 0, pos = 0;
    for (;;) { var d = DIGIT[s.charCodeAt(pos++)]; v += (d & 31) * Math.pow(2, shift); if ((d & 32) === 0) break; shift += 5; }
    var scale = data[at + 1];
    if (typeof scale !== "number") for (var b = 2; b < scale.length; b += 3) v += scale[b];
    return v;
  }

  /** Dictionary entries [term, df] in [from, to) — at most MAX_DICT_SHARDS shards are read. */
  Engine.prototype.dictRange = function (from, to) {
    var starts = this.root.dict, first = shardOf(starts, from), last = shardOf(starts, to);
    if (last - first + 1 > MAX_DICT_SHARDS) last = first + MAX_DICT_SHARDS - 1;
    var loads = [];
    for (var i = first; i <= last; i++) loads.push(this.file("d", i));
    return Promise.all(loads).then(function (shards) {
      var out = [];
      shards.forEach(function (data) {
        for (var k = 0; k < data.length; k += 2) if (data[k] >= from && data[k] < to) out.push([data[k], data[k + 1]]);
      });
      return out;
    });
  };

  /**
   * Parses a query into units: {kind: "word"|"phrase", text, neg, last}. The last plain word is a
   * prefix while the user is still typing it (no trailing space).
   */
  function parse(query) {
    query = String(query || "").slice(0, MAX_QUERY_CHARS);
    var units = [], re = /(-?)"([^"]*)("?)|(\S+)/g, m;
    while ((m = re.exec(query)) && units.length < MAX_UNITS) {
      if (m[4] !== undefined) {
        var w = m[4], neg = false;
        if (w.length > 1 && w[0] === "-") { neg = true; w = w.slice(1); }
        units.push({ kind: "word", text: w, neg: neg, end: re.lastIndex });
      } else if (m[2].trim()) {
        units.push({ kind: "phrase", text: m[2], neg: m[1] === "-", end: re.lastIndex });
      }
    }
    var last = units[units.length - 1];
    if (last && last.kind === "word" && !last.neg && last.end === query.length) last.prefix = true;
    return units;
  }

  function osa1(a, b) {
    // true when the optimal-string-alignment distance of a and b is exactly 1
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1 || a === b) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
      return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /** Candidate index terms for one query word: [{term, type, weight}]. */
  Engine.prototype.candidates = function (tok, prefix) {
    var self = this, term = tok.term, lower = tok.lower;
    return this.postings(term).then(function (exact) {
      var out = exact ? [{ term: term, type: "exact", weight: WEIGHT.exact }] : [];
      var wantPrefix = prefix && lower.length >= 2;
      var wantTypo = !exact && lower.length >= TYPO_MIN;
      if (wantPrefix && exact) {
        // The word is already a term: complete it only from the postings shard just loaded
        // (its neighbours in term order), so typing costs no extra download.
        var more = [], shard = self.store.get("p:" + shardOf(self.root.post, term));
        self.shardMap(term, shard).forEach(function (at, t) {
          if (t !== term && (t.indexOf(lower) === 0 || t.indexOf(term) === 0)) more.push({ term: t, type: "prefix", weight: WEIGHT.prefix, df: entryDf(shard, at) });
        });
        more.sort(function (x, y) { return y.df - x.df || (x.term < y.term ? -1 : 1); });
        return out.concat(scaleByDf(more.slice(0, MAX_CANDIDATES)));
      }
      if (!wantPrefix && !wantTypo) return out;
      var jobs = [];
      if (wantPrefix) {
        var keys = [lower];
        if (term !== lower && lower.indexOf(term) !== 0) keys.push(term);
        keys.forEach(function (k) { jobs.push(self.dictRange(k, k + "\uffff")); });
        // "diffusi" → "diffus": an index term that the typed word over-runs by a few letters
        jobs.push(self.dictRange(lower.slice(0, Math.max(5, lower.length - 3)), lower + "\u0000"));
      }
      if (wantTypo) jobs.push(self.dictRange(term.slice(0, 2), term.slice(0, 2) + "\uffff"));
      return Promise.all(jobs).then(function (lists) {
        var seen = new Set(out.map(function (c) { return c.term; })), prefixes = [], typos = [];
        var nPrefixLists = wantPrefix ? jobs.length - (wantTypo ? 1 : 0) : 0;
        lists.forEach(function (list, li) {
          list.forEach(function (e) {
            var t = e[0];
            if (seen.has(t)) return;
            if (li < nPrefixLists) {
              var ok = t.indexOf(lower) === 0 || t.indexOf(term) === 0 || (lower.indexOf(t) === 0 && t.length >= 5 && lower.length - t.length <= 3);
              if (ok) { seen.add(t); prefixes.push({ term: t, type: "prefix", weight: WEIGHT.prefix, df: e[1] }); }
            } else if (osa1(term, t)) {
              seen.add(t); typos.push({ term: t, type: "typo", weight: WEIGHT.typo, df: e[1] });
            }
          });
        });
        var byDf = function (x, y) { return y.df - x.df || (x.term < y.term ? -1 : 1); };
        prefixes.sort(byDf); typos.sort(byDf);
        out = out.concat(scaleByDf(prefixes.slice(0, MAX_CANDIDATES)));
        if (!out.length || wantTypo && !prefixes.length) out = out.concat(typos.slice(0, 4));
        return out;
      });
    });
  };

  // Among completions of a word being typed, the common ones are the likely intent.
  function scaleByDf(list) {
    var top = list.reduce(function (m, c) { return Math.max(m, c.df); }, 1);
    list.forEach(function (c) { c.weight *= Math.pow(c.df / top, 0.3); });
    return list;
  }

  function dayKey(iso) { return iso ? parseInt(String(iso).replace(/-/g, ""), 10) : NaN; }

  /** Doc-number range [lo, hi) of papers dated within [from, to] (docs are newest first). */
  Engine.prototype.dateRange = function (from, to) {
    var days = this.root.days, lo = 0, hi = this.root.dated, f = dayKey(from), t = dayKey(to);
    if (!isNaN(t)) { lo = hi; for (var i = 0; i < days.length; i += 2) if (days[i] <= t) { lo = days[i + 1]; break; } }
    if (!isNaN(f)) { for (var j = 0; j < days.length; j += 2) if (days[j] < f) { hi = days[j + 1]; break; } }
    if (isNaN(t) && isNaN(f)) hi = this.root.docs;
    return [lo, Math.max(lo, hi)];
  };

  Engine.prototype.topicDocs = function (slug) {
    var idx = this.root.topics.findIndex(function (t) { return t[0] === slug; });
    if (idx < 0) return Promise.resolve(new Set());
    var last = this.root.docs - 1;
    return this.file("t", idx).then(function (s) {
      // topic files are a varint count and doc gaps (file numbers, oldest first), without levels
      var pos = 0, doc = 0, set = new Set();
      function varint() { var v = 0, sh = 0; for (;;) { var x = DIGIT[s.charCodeAt(pos++)]; v += (x & 31) * Math.pow(2, sh); if (!(x & 32)) return v; sh += 5; } }
      var n = varint();
      for (var i = 0; i < n; i++) { doc += varint(); set.add(last - doc); }
      return set;
    });
  };

  Engine.prototype.upvotes = function (docs) {
    var per = this.root.upvotesPerChunk, chunks = new Set(), self = this, last = this.root.docs - 1;
    docs.forEach(function (d) { chunks.add(Math.floor((last - d) / per)); });
    return Promise.all(Array.from(chunks).map(function (c) { return self.file("u", c).then(function (s) { return [c, s]; }); }))
      .then(function (pairs) {
        var m = new Map(pairs);
        return function (d) { var f = last - d, s = m.get(Math.floor(f / per)), o = (f % per) * 2; return DIGIT[s.charCodeAt(o)] * 64 + DIGIT[s.charCodeAt(o + 1)]; };
      });
  };

  /** Cards for doc numbers: [{doc, link, title, authors, date, upvotes, topics:[slug,title][], abstract}]. */
  Engine.prototype.cards = function (docs) {
    var per = this.root.cardsPerChunk, self = this, last = this.root.docs - 1;
    return Promise.all(docs.map(function (d) {
      return self.file("c", Math.floor((last - d) / per)).then(function (chunk) {
        var c = chunk[(last - d) % per], link = self.root.paperLink;
        return {
          doc: d, link: link[0] + c[0] + link[1], title: c[1], authors: c[2], date: self.dayOf(d), upvotes: c[3] < 0 ? null : c[3],
          topics: c[4].map(function (t) { return self.root.topics[t]; }), abstract: c[5],
        };
      });
    }));
  };

  /**
   * Runs a query. options: {topic, from, to, sort: "relevance"|"date"|"upvotes"}.
   * Returns {docs: [doc numbers in order], full: count matching every word, terms: Set of matched
   * index terms (for highlighting), units, note}.
   */
  Engine.prototype.search = function (query, options) {
    options = options || {};
    var self = this;
    return this.ready().then(function () {
      var units = parse(query), slots = [], excluded = [], phrases = [];
      units.forEach(function (u) {
        var toks = A.analyze(u.text, 32);
        if (!toks.length) return;
        if (u.neg) { toks.forEach(function (t) { excluded.push(t.term); }); return; }
        if (u.kind === "phrase") {
          var phrase = toks.map(function (t) { return { term: t.term, pos: t.pos - toks[0].pos }; });
          if (toks.length > 1) phrases.push(phrase);
          toks.forEach(function (t) { slots.push({ tok: t, prefix: false, phraseOnly: true }); });
          return;
        }
        toks.forEach(function (t, i) { slots.push({ tok: t, prefix: !!u.prefix && i === toks.length - 1 }); });
      });
      // the same term twice adds nothing but work
      var seenSlot = new Set();
      slots = slots.filter(function (s) { var k = s.tok.term + (s.prefix ? "*" : ""); if (seenSlot.has(k)) return false; seenSlot.add(k); return true; });
      slots = slots.slice(0, MAX_UNITS);
      var filters = [];
      if (options.topic) filters.push(self.topicDocs(options.topic));
      return Promise.all([
        Promise.all(slots.map(function (s) { return self.candidates(s.tok, s.prefix && !s.phraseOnly); })),
        Promise.all(excluded.map(function (t) { return self.postings(t); })),
        Promise.all(filters),
      ]).then(function (res) {
        var cands = res[0], topicSet = res[2][0] || null;
        var all = [];
        cands.forEach(function (list) { list.forEach(function (c) { all.push(c.term); }); });
        // Heads first: when they prove the first page (relevance order, no filter, exclusion or
        // phrase), the tails of frequent terms are never downloaded.
        var exhaustive = options.exhaustive || excluded.length || phrases.length || topicSet || options.from || options.to ||
          (options.sort && options.sort !== "relevance");
        var everything = function () {
          return Promise.all(all.concat(excluded).map(function (t) { return self.complete(t); })).then(function () {
            return self.rank(slots, cands, excluded.map(function (t) { return self.decoded.get(t); }), topicSet, phrases, options, false);
          });
        };
        if (exhaustive) return everything();
        // Bounded: each round reads one more band of one term; a term has a handful of bands.
        var attempt = function () {
          var proven = self.rank(slots, cands, [], null, phrases, options, true);
          if (proven === "all") return everything();
          if (proven) return proven;
          var next = self.loosestBand(slots, cands);
          return next ? self.extend(next).then(attempt) : everything();
        };
        return Promise.all(all.map(function (t) { return self.postings(t); })).then(attempt);
      }).then(function (result) { return self.titleOrder(result, slots, options); });
    });
  };

  /**
   * Within the first page, among docs of the same class (every word, words matched, match kind),
   * those whose title has the query words as typed (not only their stems: "generation" is not
   * "generative") and next to each other come first. Reads only the cards the page shows anyway.
   */
  Engine.prototype.titleOrder = function (result, slots, options) {
    var page = options.page || 10, head = result.docs.slice(0, page), classes = result.classes, self = this;
    if (!classes || head.length < 2 || result.phrases.length) return result;
    var words = slots.filter(function (s) { return !s.phraseOnly; });
    if (!words.length) return result;
    return this.cards(head).then(function (cards) {
      var bonus = cards.map(function (c) {
        var toks = A.analyze(c.title, 200), at = words.map(function (s) {
          for (var i = 0; i < toks.length; i++) {
            var l = toks[i].lower;
            if (l === s.tok.lower || (s.prefix && l.indexOf(s.tok.lower) === 0)) return toks[i].pos;
          }
          return -1;
        });
        var b = 0;
        for (var i = 0; i < at.length; i++) {
          if (at[i] < 0) continue;
          b += 2;
          if (i + 1 < at.length && at[i + 1] > at[i] && at[i + 1] - at[i] <= 2) b++;
        }
        return b;
      });
      var idx = head.map(function (_, i) { return i; });
      idx.sort(function (x, y) { return classes[y] - classes[x] || bonus[y] - bonus[x] || x - y; });
      for (var i = 0; i < idx.length; i++) result.docs[i] = head[idx[i]];
      return result;
    });
  };

  // One number per doc that orders results: every-word matches first, then more words matched,
  // then the worst match kind (exact < prefix < typo), then the summed score.
  function relevanceKey(matched, need, tier, total) {
    return (matched === need ? 1e13 : 0) + matched * 1e9 + (3 - tier) * 1e7 + Math.min(total, 9999) * 1e3;
  }
  /** The k-th smallest value of `a` (which it reorders): Hoare's selection, linear on average. */
  function kth(a, k) {
    var lo = 0, hi = a.length - 1;
    while (lo < hi) {
      var pivot = a[(lo + hi) >> 1], i = lo, j = hi;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) { var t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
      }
      if (k <= j) hi = j; else if (k >= i) lo = i; else return a[k];
    }
    return a[k];
  }
  function bits(m) { var c = 0; while (m) { m &= m - 1; c++; } return c; }

  /**
   * Ranks the docs the slots' postings reach. With `partial`, some postings are only heads: each
   * doc then has a known key (what the heads show) and a bound (what the tails could add), and
   * only the leading docs whose keys are exact and beat every bound are returned — or null when
   * that is less than a page, and the caller loads the tails.
   */
  Engine.prototype.rank = function (slots, cands, excl, topicSet, phrases, options, partial) {
    var self = this, n = this.root.docs, range = this.dateRange(options.from, options.to);
    var terms = new Set(), typos = [];
    var total = null, mask = null, tier = null, touched = null, nTouched = 0;
    var TIER = { exact: 0, prefix: 1, typo: 2 };
    var need = slots.length;
    // per slot: the best tier and score a tail could still give (tailT 0 = no tail)
    var tailT = [], tailS = [], anyTail = false, ubTotal = null, ubTier = null;
    if (slots.length) {
      var w = this.work;
      if (!w || w.n !== n) {
        // Reused between queries: a query clears exactly the entries it touched. The doc lists are
        // typed arrays too: a JS array grown by push to tens of thousands of entries costs
        // milliseconds here (each growth past the regular heap's object size is a fresh mapping).
        w = this.work = { n: n, total: new Float64Array(n), mask: new Uint32Array(n), tier: new Uint8Array(n), slotScore: new Float64Array(n),
          slotTier: new Uint8Array(n), ubTotal: new Float64Array(n), ubTier: new Uint8Array(n), hits: new Int32Array(n), touched: new Int32Array(n) };
      }
      total = w.total; mask = w.mask; tier = w.tier; ubTotal = w.ubTotal; ubTier = w.ubTier; touched = w.touched;
      var slotScore = w.slotScore, slotTier = w.slotTier, hitDocs = w.hits;
      slots.forEach(function (slot, si) {
        var nHits = 0;
        // exact before prefix before typo: a doc takes the best kind of match it has for the word
        var list = cands[si].slice().sort(function (x, y) { return TIER[x.type] - TIER[y.type]; });
        var tt = 0, ts = 0;
        list.forEach(function (c) {
          var p = self.decoded.get(c.term);
          if (!p) return;
          terms.add(c.term);
          if (c.type === "typo") typos.push(c.term);
          var t = TIER[c.type] + 1, scale = c.weight * p.max / self.root.levels, pd = p.docs, pl = p.levels;
          if (p.tails.length) {
            if (!tt || t < tt) tt = t;
            ts = Math.max(ts, p.tails[0].maxLevel * scale);
          }
          for (var i = 0; i < pd.length; i++) {
            var d = pd[i], s = pl[i] * scale;
            if (slotTier[d] === 0) { hitDocs[nHits++] = d; slotTier[d] = t; slotScore[d] = s; }
            else if (slotTier[d] === t && s > slotScore[d]) slotScore[d] = s;
          }
        });
        tailT.push(tt); tailS.push(ts);
        if (tt) anyTail = true;
        var bit = 1 << si;
        for (var h = 0; h < nHits; h++) {
          var d2 = hitDocs[h];
          if (mask[d2] === 0) touched[nTouched++] = d2;
          mask[d2] |= bit;
          total[d2] += slotScore[d2];
          if (slotTier[d2] > tier[d2]) tier[d2] = slotTier[d2];
          if (partial) {
            var ut = tt && tt < slotTier[d2] ? tt : slotTier[d2];
            ubTotal[d2] += tt ? Math.max(slotScore[d2], ts) : slotScore[d2];
            if (ut > ubTier[d2]) ubTier[d2] = ut;
          }
          slotScore[d2] = 0; slotTier[d2] = 0;
        }
      });
    } else if (topicSet || options.from || options.to) {
      touched = new Int32Array(Math.max(0, range[1] - range[0]));
      for (var d3 = range[0]; d3 < range[1]; d3++) touched[nTouched++] = d3;
    } else {
      touched = new Int32Array(0);
    }
    // Per-doc scratch of this ranking: reused between queries (a fresh array of tens of thousands of
    // entries costs milliseconds of page faults on first write), except when the ranking waits for a
    // file (sort by upvotes), where another query could reuse the scratch meanwhile.
    var sort = options.sort || "relevance", sync = sort !== "upvotes";
    var scratch = function (name, Ctor, len) { return sync ? self.scratch(name, Ctor, len) : new Ctor(len); };
    var banned = null;
    excl.forEach(function (p) { if (p) { banned = banned || new Uint8Array(n); for (var i = 0; i < p.docs.length; i++) banned[p.docs[i]] = 1; } });
    // A copy: the shared work arrays may serve another query while this one waits (upvotes, phrases).
    var docs;
    if (banned || topicSet || range[0] > 0 || range[1] < n) {
      docs = scratch("docs", Int32Array, nTouched);
      var nDocs = 0;
      for (var f = 0; f < nTouched; f++) {
        var df = touched[f];
        if (df < range[0] || df >= range[1] || (banned && banned[df]) || (topicSet && !topicSet.has(df))) continue;
        docs[nDocs++] = df;
      }
      docs = docs.subarray(0, nDocs);
    } else {
      docs = scratch("docs", Int32Array, nTouched);
      docs.set(touched.subarray(0, nTouched));
    }
    var clear = function () {
      if (!mask) return;
      for (var i = 0; i < nTouched; i++) { var d = touched[i]; total[d] = 0; mask[d] = 0; tier[d] = 0; ubTotal[d] = 0; ubTier[d] = 0; }
    };
    if (partial && anyTail) {
      var proven = this.proveHead(docs, slots, mask, tier, total, tailT, tailS, ubTier, ubTotal, options.page || 10);
      clear();
      if (!proven || proven === "all") return proven;
      proven.terms = terms; proven.typos = typos; proven.phrases = phrases;
      return proven;
    }
    var m = docs.length, keys = scratch("keys", Float64Array, m), fullFlag = scratch("flags", Uint8Array, m), full = 0;
    // The shared work arrays are read here, synchronously, and cleared before any wait.
    for (var i = 0; i < m; i++) {
      var d = docs[i], matched = mask ? bits(mask[d]) : 0;
      fullFlag[i] = matched === need ? 1 : 0;
      full += fullFlag[i];
      keys[i] = sort === "relevance" ? relevanceKey(matched, need, tier ? tier[d] : 0, total ? total[d] : 0) : 0;
    }
    clear();
    var finish = function (upv) {
      // One numeric key per doc (every-word matches first, then the chosen order), then only the
      // best MAX_RESULTS are sorted: bounded work for words that match most of the archive.
      if (sort === "date") for (var a = 0; a < m; a++) keys[a] = fullFlag[a] * 1e13 - docs[a];
      else if (sort === "upvotes") for (var b = 0; b < m; b++) keys[b] = fullFlag[b] * 1e13 + upv(docs[b]) * 1e7 - docs[b];
      var order = [];
      if (m > MAX_RESULTS) {
        var pick = scratch("pick", Float64Array, m);
        pick.set(keys); // (not Float64Array.from: it walks an iterator, 10× slower)
        var cut = kth(pick, m - MAX_RESULTS);
        for (var j = 0; j < m; j++) if (keys[j] >= cut) order.push(j);
      } else {
        for (var j2 = 0; j2 < m; j2++) order.push(j2);
      }
      order.sort(function (x, y) { return keys[y] - keys[x] || docs[x] - docs[y]; });
      if (order.length > MAX_RESULTS) order.length = MAX_RESULTS;
      var result = { docs: order.map(function (x) { return docs[x]; }), total: m, full: full, terms: terms, typos: typos, phrases: phrases, count: order.length, exact: true };
      if (sort === "relevance") result.classes = order.slice(0, 50).map(function (x) { return Math.floor(keys[x] / 1e7); });
      result.full = Math.min(full, result.count);
      result.fullTotal = full; // every-word matches before the MAX_RESULTS cut (for the count shown)
      return phrases.length ? self.verifyPhrases(result) : result;
    };
    if (sort === "upvotes" && docs.length) return this.upvotes(docs).then(finish);
    return partial ? finish(null) : Promise.resolve(finish(null));
  };

  /** A typed array of `len` entries (contents undefined) kept by the engine for synchronous work. */
  Engine.prototype.scratch = function (name, Ctor, len) {
    var pool = this.scratchPool || (this.scratchPool = {}), a = pool[name];
    if (!a || a.length < len) a = pool[name] = new Ctor(Math.max(len, this.root.docs));
    return a.subarray(0, len);
  };

  /** The candidate term whose next band could add the most to a score (the one blocking the proof). */
  Engine.prototype.loosestBand = function (slots, cands) {
    var best = null, bound = -1, self = this;
    cands.forEach(function (list) {
      list.forEach(function (c) {
        var p = self.decoded.get(c.term);
        if (!p || !p.tails.length) return;
        var b = c.weight * p.max * p.tails[0].maxLevel;
        if (b > bound) { bound = b; best = c.term; }
      });
    });
    return best;
  };

  /**
   * The first `page` docs, when their heads-only keys are exact and higher than any other doc
   * could reach with the bands not read yet: {docs, count, full, known, total, exact: false};
   * null when another band may settle it; "all" when only whole postings can.
   */
  Engine.prototype.proveHead = function (docs, slots, mask, tier, total, tailT, tailS, ubTier, ubTotal, page) {
    var need = slots.length, m = docs.length, lb = this.scratch("lb", Float64Array, m), ub = this.scratch("ub", Float64Array, m), full = 0;
    // a doc no head reaches: it may be in every tail
    var outMatched = 0, outTier = 0, outTotal = 0;
    for (var si = 0; si < need; si++) if (tailT[si]) { outMatched++; outTier = Math.max(outTier, tailT[si]); outTotal += tailS[si]; }
    var outside = outMatched ? relevanceKey(outMatched, need, outTier, outTotal) : -1;
    for (var i = 0; i < m; i++) {
      var d = docs[i], mk = mask[d], matched = bits(mk), ut = ubTier[d], us = ubTotal[d], um = matched;
      if (matched === need) full++;
      for (var s = 0; s < need; s++) {
        if (!(mk & (1 << s)) && tailT[s]) { um++; if (tailT[s] > ut) ut = tailT[s]; us += tailS[s]; }
      }
      lb[i] = relevanceKey(matched, need, tier[d], total[d]);
      ub[i] = relevanceKey(um, need, ut, us);
    }
    // The page = the best `page` docs by known key (one pass, no sort of every doc); it is proven
    // when each of them is exact and the last beats the bound of every other doc.
    var P = Math.min(page, m), top = [];
    for (var j = 0; j < m; j++) {
      if (top.length === P && !(lb[j] > lb[top[P - 1]] || (lb[j] === lb[top[P - 1]] && docs[j] < docs[top[P - 1]]))) continue;
      var at = top.length === P ? P - 1 : top.length;
      while (at > 0 && (lb[j] > lb[top[at - 1]] || (lb[j] === lb[top[at - 1]] && docs[j] < docs[top[at - 1]]))) { top[at] = top[at - 1]; at--; }
      top[at] = j;
      if (top.length > P) top.length = P;
    }
    var inTop = new Set(top), best = outside, possiblyFull = 0, fullKey = relevanceKey(need, need, 3, 0);
    for (var k = 0; k < m; k++) {
      if (ub[k] >= fullKey) possiblyFull++;
      // an exact doc outside the page is behind it already (the page is the best by key, then doc)
      if (ub[k] !== lb[k] && !inTop.has(k) && ub[k] > best) best = ub[k];
    }
    if (P < page || top.some(function (x) { return ub[x] !== lb[x]; }) || !(lb[top[P - 1]] > best)) {
      // The page needs docs matching only some words while every-word matches are few and all
      // known: their order depends on whole postings, so further bands one by one would not do.
      return possiblyFull < page && outMatched < need ? "all" : null;
    }
    return { docs: top.map(function (x) { return docs[x]; }), count: P, total: m, full: Math.min(full, P), known: full, exact: false,
      classes: top.map(function (x) { return Math.floor(lb[x] / 1e7); }) };
  };

  /** Keeps the candidates whose title or abstract contains every quoted phrase (checked on the card text). */
  Engine.prototype.verifyPhrases = function (result) {
    var head = result.docs.slice(0, Math.min(result.full, PHRASE_VERIFY)), self = this;
    return this.cards(head).then(function (cards) {
      var ok = cards.filter(function (c) {
        var texts = [A.analyze(c.title), A.analyze(c.abstract)];
        return result.phrases.every(function (ph) { return texts.some(function (t) { return hasPhrase(t, ph); }); });
      }).map(function (c) { return c.doc; });
      result.docs = ok;
      result.full = ok.length;
      result.fullTotal = ok.length;
      result.count = ok.length;
      result.total = ok.length;
      return result;
    });
  };

  function hasPhrase(tokens, phrase) {
    var at = new Map();
    tokens.forEach(function (t) { if (!at.has(t.term)) at.set(t.term, new Set()); at.get(t.term).add(t.pos); });
    var first = at.get(phrase[0].term);
    if (!first) return false;
    for (var p of first) {
      if (phrase.every(function (q) { var s = at.get(q.term); return s && s.has(p + q.pos); })) return true;
    }
    return false;
  }

  /** Splits text into [{text, hit}] parts, marking words whose analyzed term is in `terms`. */
  function highlight(text, terms) {
    var parts = [], last = 0;
    A.analyze(text, 2000).forEach(function (t) {
      if (!terms.has(t.term)) return;
      if (t.start > last) parts.push({ text: text.slice(last, t.start), hit: false });
      parts.push({ text: text.slice(t.start, t.end), hit: true });
      last = t.end;
    });
    if (last < text.length) parts.push({ text: text.slice(last), hit: false });
    return parts;
  }

  /** A window of about `max` characters of the abstract around its first matched words. */
  function snippet(text, terms, max) {
    max = max || 240;
    if (text.length <= max) return text;
    var first = A.analyze(text, 2000).find(function (t) { return terms.has(t.term); });
    var start = 0;
    if (first && first.end > max - 40) {
      start = text.lastIndexOf(" ", Math.max(0, first.start - 60)) + 1;
    }
    var end = Math.min(text.length, start + max);
    var cut = text.lastIndexOf(" ", end);
    if (end < text.length && cut > start + max / 2) end = cut;
    return (start > 0 ? "… " : "") + text.slice(start, end).trim() + (end < text.length ? " …" : "");
  }

  var api = { Engine: Engine, parse: parse, osa1: osa1, highlight: highlight, snippet: snippet, shardOf: shardOf, decode: decode };
  if (typeof module === "object" && module.exports) module.exports = api;
  else global.PaperArchiveSearch = api;
})(typeof window !== "undefined" ? window : globalThis);
