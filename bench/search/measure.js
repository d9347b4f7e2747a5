// Search benchmark, run by hand (see README.md): serves a built bench site on localhost, opens it
// in Chromium (playwright-core, /usr/bin/chromium) and measures, for our index and for Pagefind:
// gzip bytes of every file a query loads (runtime included), warm query latency and MRR@10 on
// known-item queries. Usage: node measure.js <outDir> (outDir holds site/ and queries.json).
const http = require("http");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { chromium } = require("playwright-core");

const outDir = path.resolve(process.argv[2] || "../out/search");
const site = path.join(outDir, "site");
const queries = JSON.parse(fs.readFileSync(path.join(outDir, "queries.json"), "utf8"));
const TOOLS = (process.env.TOOLS || "ours,pagefind").split(",");
const ONE = process.env.Q1 || "diffusion", TWO = process.env.Q2 || "video generation", LATER = process.env.Q3 || "retrieval augmented";

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm" };
const gzCache = new Map();
function gzipSize(file) {
  if (!gzCache.has(file)) gzCache.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length);
  return gzCache.get(file);
}

fs.writeFileSync(path.join(site, "pf-bench.html"), `<!doctype html><meta charset="utf-8"><title>pf</title><script type="module">
const pagefind = await import("./pagefind/pagefind.js");
await pagefind.options({ excerptLength: 30 });
window.runQuery = async (q) => { const r = await pagefind.search(q); const top = await Promise.all(r.results.slice(0, 10).map(x => x.data())); return { count: r.results.length, links: top.map(d => d.url) }; };
document.documentElement.dataset.ready = "1";
</script>`);
fs.writeFileSync(path.join(site, "our-bench.html"), `<!doctype html><meta charset="utf-8"><title>ours</title>
<script src="assets/js/search-analyzer.js"></script><script src="assets/js/search-engine.js"></script><script>
const engine = new PaperArchiveSearch.Engine({ base: "search-index/" });
window.runQuery = async (q) => { const r = await engine.search(q, {}); const cards = await engine.cards(r.docs.slice(0, 10)); return { count: r.count, links: cards.map(c => "/" + c.link) }; };
engine.ready().then(() => { document.documentElement.dataset.ready = "1"; });
</script>`);

const server = http.createServer((req, res) => {
  const u = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = path.join(site, u.endsWith("/") ? u + "index.html" : u);
  if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream", "cache-control": "max-age=3600" });
  fs.createReadStream(file).pipe(res);
});

function p95(xs) { const s = xs.slice().sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; }

(async () => {
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = "http://127.0.0.1:" + server.address().port;
  const browser = await chromium.launch({ executablePath: process.env.PAPERARCHIVE_CHROMIUM || "/usr/bin/chromium", headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  const result = {};
  for (const tool of TOOLS) {
    const r = (result[tool] = {});
    // bytes: fresh context per first query, then a later query in the same page
    for (const [label, q] of [["first1", ONE], ["first2", TWO]]) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      let files = new Set();
      page.on("requestfinished", (req) => { const u = new URL(req.url()); if (!u.pathname.endsWith(".html")) files.add(u.pathname); });
      if (tool === "ours") {
        await page.goto(base + "/search.html?q=" + encodeURIComponent(q));
        await page.waitForFunction((qq) => document.documentElement.dataset.searchQuery === qq, q);
      } else {
        await page.goto(base + "/pf-bench.html");
        await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
        await page.evaluate((qq) => window.runQuery(qq), q);
      }
      // both pages finish their loads before the query promise resolves
      const sum = (set) => [...set].reduce((a, f) => a + gzipSize(path.join(site, f)), 0);
      r[label] = { files: files.size, gzipBytes: sum(files) };
      if (label === "first2") {
        const before = new Set(files);
        files = new Set();
        if (tool === "ours") {
          await page.fill("input[name=q]", LATER);
          await page.waitForFunction((qq) => document.documentElement.dataset.searchQuery === qq, LATER);
        } else {
          await page.evaluate((qq) => window.runQuery(qq), LATER);
        }
        // both pages finish their loads before the query promise resolves
        const fresh = new Set([...files].filter((f) => !before.has(f)));
        r.later = { files: fresh.size, gzipBytes: sum(fresh) };
      }
      await ctx.close();
    }
    // latency and MRR in one warm page
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(base + (tool === "ours" ? "/our-bench.html" : "/pf-bench.html"));
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    let rr = 0, found = 0;
    const times = [];
    for (const k of queries) {
      const res = await page.evaluate((qq) => window.runQuery(qq), k.Query);
      const rank = res.links.findIndex((l) => l.replace(/^\//, "").replace(/\.html$/, "").replace(/\/$/, "") === ("/" + k.Link).replace(/^\//, "").replace(/\.html$/, ""));
      if (rank >= 0) { rr += 1 / (rank + 1); found++; }
      const t = await page.evaluate(async (qq) => { const t0 = performance.now(); await window.runQuery(qq); return performance.now() - t0; }, k.Query);
      times.push(t);
    }
    r.mrr10 = queries.length ? +(rr / queries.length).toFixed(3) : null;
    r.foundTop10 = found + "/" + queries.length;
    r.warmP50ms = +p95(times.map((x) => x)).toFixed(1) && +times.slice().sort((a, b) => a - b)[Math.floor(times.length / 2)].toFixed(1);
    r.warmP95ms = +p95(times).toFixed(1);
    await ctx.close();
  }
  // total index size and files
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
  for (const [tool, dir] of [["ours", "search-index"], ["pagefind", "pagefind"]].filter(([t]) => TOOLS.includes(t))) {
    const fl = fs.existsSync(path.join(site, dir)) ? walk(path.join(site, dir)) : [];
    result[tool].indexFiles = fl.length;
    result[tool].indexBytes = fl.reduce((a, f) => a + fs.statSync(f).size, 0);
  }
  console.log(JSON.stringify({ queries: { first1: ONE, first2: TWO, later: LATER }, ...result }, null, 1));
  await browser.close();
  server.close();
})().catch((e) => { console.error(e); server.close(); process.exit(1); });
