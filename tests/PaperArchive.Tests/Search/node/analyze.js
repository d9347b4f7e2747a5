// Runs the search client's analyzer over a JSON array of texts (file argv[3]) and prints a JSON
// array of term arrays. Used by AnalyzerParityTests to compare with Lucene.
const analyzer = require(process.argv[2]);
const fs = require("fs");
const texts = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
fs.writeFileSync(process.argv[4], JSON.stringify(texts.map((t) => analyzer.terms(t))));
