// Fast loop for index-format and ranking experiments, in node (no Chromium): gzip bytes of the
// files a query loads (runtime included), MRR@10 over queries.json and warm latency.
// Usage: node quick.js <outDir> [q1] [q2] [later]. The real numbers come from measure.js.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { engineFor } = require("./node-engine.js");
const outDir = path.resolve(process.argv[2]);
const site = path.join(outDir, "site");
const idx = path.join(site, "search-index");
const runtime = ["assets/js/search-analyzer.js", "assets/js/search-engine.js", "assets/js/search-ui.js", "assets/css/search.css"];
const gz = (f) => zlib.gzipSync(fs.readFileSync(f), { level: 6 }).length;
const runtimeBytes = runtime.reduce((a, f) => a + gz(path.join(__dirname, "..", "..", "themes", "default", f.replace(/^assets\//, "assets/"))), 0);

function tracked() {
  const files = new Set();
  const e = engineFor(idx);
  const load = e.load;
  e.load = (name, v) => { files.add(name); return load(name, v); };
  return { e, files };
}
const sum = (names) => [...names].reduce((a, n) => a + gz(path.join(idx, n)), 0);
(async () => {
  const [q1, q2, q3] = [process.argv[3] || "diffusion", process.argv[4] || "video generation", process.argv[5] || "retrieval augmented"];
  const out = { runtimeBytes };
  for (const [label, q] of [["first1", q1], ["first2", q2]]) {
    const { e, files } = tracked();
    const r = await e.search(q, {});
    await e.cards(r.docs.slice(0, 10));
    out[label] = { bytes: runtimeBytes + sum(files), files: files.size + 4, detail: [...files].map((n) => n + ":" + gz(path.join(idx, n))).join(" ") };
    if (label === "first2") {
      const before = new Set(files);
      files.clear();
      const r3 = await e.search(q3, {});
      await e.cards(r3.docs.slice(0, 10));
      const fresh = [...files].filter((f) => !before.has(f));
      out.later = { bytes: sum(fresh), files: fresh.length, detail: fresh.map((n) => n + ":" + gz(path.join(idx, n))).join(" ") };
    }
  }
  const queries = JSON.parse(fs.readFileSync(path.join(outDir, "queries.json"), "utf8"));
  const { e } = tracked();
  let rr = 0; const times = []; const misses = [];
  for (const k of queries) {
    const r = await e.search(k.Query, {});
    const cards = await e.cards(r.docs.slice(0, 10));
    const rank = cards.findIndex((c) => c.link === k.Link);
    if (rank >= 0) rr += 1 / (rank + 1);
    if (rank !== 0) misses.push(k.Query + " -> " + rank + " (" + (cards[0] && cards[0].title) + ")");
  }
  const cpu = [];
  for (const k of queries) {
    const t0 = performance.now(), c0 = process.cpuUsage();
    const r = await e.search(k.Query, {});
    await e.cards(r.docs.slice(0, 10));
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  out.cpuP50 = +cpu[Math.floor(cpu.length / 2)].toFixed(1);
  out.cpuP95 = +cpu[Math.ceil(cpu.length * 0.95) - 1].toFixed(1);
  times.sort((a, b) => a - b);
  out.mrr10 = +(rr / queries.length).toFixed(4);
  out.misses = misses;
  out.p50 = +times[Math.floor(times.length / 2)].toFixed(1);
  out.p95 = +times[Math.ceil(times.length * 0.95) - 1].toFixed(1);
  out.max = +times[times.length - 1].toFixed(1);
  out.rootBytes = gz(path.join(idx, "root.js"));
  console.log(JSON.stringify(out, null, 1));
})();
