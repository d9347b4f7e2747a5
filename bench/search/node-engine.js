// Loads the search engine in node over a built site's search-index/ (for tests and the MRR bench).
const path = require("path");
const fs = require("fs");
const vm = require("vm");
const js = path.join(__dirname, "..", "..", "themes", "default", "assets", "js");
globalThis.PaperArchiveAnalyzer = require(path.join(js, "search-analyzer.js"));
const S = require(path.join(js, "search-engine.js"));

function engineFor(indexDir, stats) {
  return new S.Engine({
    load(name) {
      const text = fs.readFileSync(path.join(indexDir, name), "utf8");
      if (stats) { stats.files++; stats.bytes += text.length; }
      vm.runInThisContext(text, { filename: name });
      return Promise.resolve();
    },
  });
}
module.exports = { engineFor, S };
