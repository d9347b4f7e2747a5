// Index bytes (gzip level 6, root and runtime excluded) that each known-item query of queries.json reads
// as the first query of a fresh page: search + the top 10 cards. Usage: node known-bytes.js <outDir>…
// (the engine is this repository's theme; it reads only its own index format).
const path = require("path");
const fs = require("fs");
const zlib = require("zlib");
const vm = require("vm");
const js = path.join(__dirname, "..", "..", "themes", "default", "assets", "js");
globalThis.PaperArchiveAnalyzer = require(path.join(js, "search-analyzer.js"));
const S = require(path.join(js, "search-engine.js"));
(async () => {
  for (const out of process.argv.slice(2)) {
    const idx = path.join(out, "site", "search-index"), sizes = new Map();
    const gz = (n) => { if (!sizes.has(n)) sizes.set(n, zlib.gzipSync(fs.readFileSync(path.join(idx, n)), { level: 6 }).length); return sizes.get(n); };
    const queries = JSON.parse(fs.readFileSync(path.join(out, "queries.json"), "utf8")).map((q) => q.Query);
    const bytes = [];
    let bands = 0;
    for (const q of queries) {
      delete globalThis.__paSearch; // a fresh page: nothing loaded yet
      const files = new Set();
      const e = new S.Engine({ load(name) { files.add(name); vm.runInThisContext(fs.readFileSync(path.join(idx, name), "utf8")); return Promise.resolve(); } });
      const r = await e.search(q, {});
      await e.cards(r.docs.slice(0, 10));
      let b = 0;
      for (const f of files) { if (f !== "root.js") b += gz(f); if (f[0] === "x") bands++; }
      bytes.push(b);
    }
    bytes.sort((a, b) => a - b);
    const at = (p) => bytes[Math.ceil(bytes.length * p) - 1];
    console.log(JSON.stringify({ out: path.basename(out), queries: bytes.length, mean: Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length), p50: at(0.5), p95: at(0.95), max: bytes[bytes.length - 1], bandFiles: bands }));
  }
})();
