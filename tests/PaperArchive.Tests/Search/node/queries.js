// Runs the search engine in node over an index folder: argv[2] = repo root, argv[3] = index dir,
// argv[4] = JSON [{q, options}], argv[5] = output JSON [{count, full, docs, links, terms, typos, ms, exact, loaded (chars read), postings (of its terms decoded)}].
const path = require("path");
const fs = require("fs");
const vm = require("vm");
const js = path.join(process.argv[2], "themes", "default", "assets", "js");
globalThis.PaperArchiveAnalyzer = require(path.join(js, "search-analyzer.js"));
const S = require(path.join(js, "search-engine.js"));
const indexDir = process.argv[3];
let loaded = 0;
const engine = new S.Engine({
  load(name) { const text = fs.readFileSync(path.join(indexDir, name), "utf8"); loaded += text.length; vm.runInThisContext(text); return Promise.resolve(); },
});
// argv[6] = "concurrent": every query at once on the one engine, as a page does while the user types
// (the engine's shared work arrays must not leak between rankings); loaded and postings are then 0.
async function concurrent() {
  const items = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));
  const out = await Promise.all(items.map(async (item) => {
    const r = await engine.search(item.q, item.options || {});
    const cards = await engine.cards(r.docs.slice(0, 10));
    return { count: r.count, full: r.full, docs: r.docs.slice(0, 50), links: cards.map((c) => c.link), terms: [...r.terms], typos: r.typos, ms: 0, exact: r.exact !== false, loaded: 0, postings: 0 };
  }));
  fs.writeFileSync(process.argv[5], JSON.stringify(out));
}
(process.argv[6] === "concurrent" ? concurrent() : (async () => {
  const out = [];
  for (const item of JSON.parse(fs.readFileSync(process.argv[4], "utf8"))) {
    const t0 = Date.now(), before = loaded;
    const r = await engine.search(item.q, item.options || {});
    const cards = await engine.cards(r.docs.slice(0, 10));
    // postings of the query's terms decoded so far: heads, plus the bands read (all of them without bands)
    const postings = [...r.terms].reduce((n, t) => n + ((engine.decoded.get(t) || { docs: [] }).docs.length), 0);
    out.push({ count: r.count, full: r.full, docs: r.docs.slice(0, 50), links: cards.map((c) => c.link), terms: [...r.terms], typos: r.typos, ms: Date.now() - t0, exact: r.exact !== false, loaded: loaded - before, postings });
  }
  fs.writeFileSync(process.argv[5], JSON.stringify(out));
})()).catch((e) => { console.error(e); process.exit(1); });
