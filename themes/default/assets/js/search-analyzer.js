/*
 * PaperArchive search — query analysis. A port of Lucene 4.8's EnglishAnalyzer as the index
 * builder runs it (src/PaperArchive/Search/SearchAnalyzer.cs): StandardTokenizer (UAX#29 word
 * breaks as Lucene's JFlex grammar applies them) → EnglishPossessiveFilter → LowerCaseFilter →
 * StopFilter (Lucene's English stop set) → PorterStemFilter. A test runs this file in node over
 * every field of the fixture corpus and requires exactly Lucene's terms.
 * Plain ES2018, no dependencies; works in browsers and in node (module.exports).
 */
(function (global) {
  "use strict";

  var MAX_TOKEN_LENGTH = 255;

  // Word-break classes (UAX#29 WordBreakProperty) for the characters that matter.
  var OTHER = 0, ALETTER = 1, NUMERIC = 2, KATAKANA = 3, EXTENDNUMLET = 4, MIDLETTER = 5, MIDNUMLET = 6,
    MIDNUM = 7, SINGLEQUOTE = 8, DOUBLEQUOTE = 9, EXTEND = 10, HEBREW = 11, HAN = 12, HIRAGANA = 13,
    COMPLEX = 14, NEWLINE = 15;

  var reExtend = /[\p{Grapheme_Extend}\p{Mc}\u200C\u200D]/u;
  var reFormat = /\p{Cf}/u;
  var reNumeric = /\p{Nd}/u;
  var reKatakana = /[\p{Script=Katakana}\u3031-\u3035\u309B\u309C\u30A0\u30FC\uFF70]/u;
  var reHebrew = /[\p{Script=Hebrew}&&\p{L}]/v;
  var reHan = /\p{Script=Han}/u;
  var reHiragana = /\p{Script=Hiragana}/u;
  var reComplex = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Tai_Le}\p{Script=New_Tai_Lue}\p{Script=Tai_Tham}\p{Script=Tai_Viet}]/u;
  var reAlphabetic = /[\p{Alphabetic}\u05F3]/u;
  var reIdeographic = /\p{Ideographic}/u;

  var cache = new Map();

  function classify(cp) {
    var c = cache.get(cp);
    if (c !== undefined) return c;
    c = classifyUncached(cp);
    cache.set(cp, c);
    return c;
  }

  function classifyUncached(cp) {
    if (cp < 128) {
      if ((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90)) return ALETTER;
      if (cp >= 48 && cp <= 57) return NUMERIC;
      switch (cp) {
        case 0x27: return SINGLEQUOTE;
        case 0x22: return DOUBLEQUOTE;
        case 0x2E: return MIDNUMLET;
        case 0x3A: return MIDLETTER;
        case 0x2C: case 0x3B: return MIDNUM;
        case 0x5F: return EXTENDNUMLET;
        case 0x0A: case 0x0B: case 0x0C: case 0x0D: return NEWLINE;
        default: return OTHER;
      }
    }
    switch (cp) {
      case 0x85: case 0x2028: case 0x2029: return NEWLINE;
      case 0xB7: case 0x387: case 0x5F4: case 0x2027: case 0xFE13: case 0xFE55: case 0xFF1A: return MIDLETTER;
      case 0x2018: case 0x2019: case 0x2024: case 0xFE52: case 0xFF07: case 0xFF0E: return MIDNUMLET;
      case 0x37E: case 0x589: case 0x60C: case 0x60D: case 0x66C: case 0x7F8: case 0x2044: case 0xFE10: case 0xFE14:
      case 0xFE50: case 0xFE54: case 0xFF0C: case 0xFF1B: return MIDNUM;
      case 0x203F: case 0x2040: case 0x2054: case 0xFE33: case 0xFE34: case 0xFE4D: case 0xFE4E: case 0xFE4F: case 0xFF3F:
        return EXTENDNUMLET;
      case 0x200B: return OTHER;
    }
    var s = String.fromCodePoint(cp);
    if (reExtend.test(s)) return EXTEND;
    if (reFormat.test(s)) return EXTEND; // WB4 treats Format like Extend
    if (reNumeric.test(s)) return NUMERIC;
    if (reKatakana.test(s)) return KATAKANA;
    if (reHan.test(s)) return HAN;
    if (reHiragana.test(s)) return HIRAGANA;
    if (reComplex.test(s)) return COMPLEX;
    if (reHebrew.test(s)) return HEBREW;
    if (reAlphabetic.test(s) && !reIdeographic.test(s)) return ALETTER;
    return OTHER;
  }

  // Letter-like units that can form a word, and which pairs may touch without a break.
  function isLetter(c) { return c === ALETTER || c === HEBREW; }
  function joins(prev, next) {
    if (next === EXTENDNUMLET) return prev === ALETTER || prev === HEBREW || prev === NUMERIC || prev === KATAKANA || prev === EXTENDNUMLET;
    if (prev === EXTENDNUMLET) return next === ALETTER || next === HEBREW || next === NUMERIC || next === KATAKANA;
    if (prev === KATAKANA || next === KATAKANA) return prev === next;
    return (isLetter(prev) || prev === NUMERIC) && (isLetter(next) || next === NUMERIC);
  }

  /**
   * StandardTokenizer: returns [{text, start, end, pos}] — start/end are UTF-16 offsets into the
   * input, pos the token position (stop words and over-long tokens still take a position later).
   * maxTokens bounds the work for hostile input.
   */
  function tokenize(text, maxTokens) {
    var cps = [], offs = [], cls = [];
    for (var i = 0; i < text.length;) {
      var cp = text.codePointAt(i);
      cps.push(cp); offs.push(i); cls.push(classify(cp));
      i += cp > 0xFFFF ? 2 : 1;
    }
    offs.push(text.length);
    var n = cps.length, tokens = [], pos = 0, limit = maxTokens || Infinity;
    // skip Extend/Format attached to the unit at j; returns the index after them
    function skipExt(j) { while (j < n && cls[j] === EXTEND) j++; return j; }
    var p = 0;
    while (p < n && tokens.length < limit) {
      var c = cls[p];
      var end = -1;
      if (c === ALETTER || c === HEBREW || c === NUMERIC || c === KATAKANA || c === EXTENDNUMLET) {
        end = scanWord(p);
      } else if (c === HAN || c === HIRAGANA) {
        end = skipExt(p + 1);
      } else if (c === COMPLEX) {
        var q = skipExt(p + 1);
        while (q < n && cls[q] === COMPLEX) q = skipExt(q + 1);
        end = q;
      }
      if (end < 0) { p++; continue; }
      var start = offs[p], stop = offs[end];
      if (stop - start <= MAX_TOKEN_LENGTH) {
        tokens.push({ text: text.substring(start, stop), start: start, end: stop, pos: pos });
      }
      pos++;
      p = end;
    }
    return tokens;

    // A word per Lucene's grammar: units joined directly, by ExtendNumLet, or by one Mid* character
    // between two letters (MidLetter/MidNumLet/') or two numbers (MidNum/MidNumLet/'). A word must
    // contain at least one non-ExtendNumLet unit.
    function scanWord(s) {
      var j = s, prev = -1, lastGood = -1, hasCore = false;
      while (j < n) {
        var c = cls[j];
        if (c === ALETTER || c === HEBREW || c === NUMERIC || c === KATAKANA || c === EXTENDNUMLET) {
          if (prev !== -1 && !joins(prev, c)) break;
          prev = c;
          if (c !== EXTENDNUMLET) hasCore = true;
          j = skipExt(j + 1);
          if (hasCore) lastGood = j;
          continue;
        }
        if (c === MIDLETTER || c === MIDNUMLET || c === SINGLEQUOTE || c === MIDNUM || c === DOUBLEQUOTE) {
          var k = skipExt(j + 1);
          if (k >= n) break;
          var nc = cls[k];
          var ok = false;
          if (isLetter(prev) && isLetter(nc) && (c === MIDLETTER || c === MIDNUMLET || c === SINGLEQUOTE)) ok = true;
          else if (prev === NUMERIC && nc === NUMERIC && (c === MIDNUM || c === MIDNUMLET || c === SINGLEQUOTE)) ok = true;
          else if (prev === HEBREW && nc === HEBREW && c === DOUBLEQUOTE) ok = true;
          if (!ok) {
            if (prev === HEBREW && c === SINGLEQUOTE) { lastGood = k; }
            break;
          }
          j = k;
          continue;
        }
        break;
      }
      return hasCore ? lastGood : -1;
    }
  }

  var STOP = new Set(["a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to",
    "was", "will", "with"]);

  function possessive(t) {
    var n = t.length;
    if (n >= 2) {
      var last = t.charCodeAt(n - 1), before = t.charCodeAt(n - 2);
      if ((last === 0x73 || last === 0x53) && (before === 0x27 || before === 0x2019 || before === 0xFF07)) return t.substring(0, n - 2);
    }
    return t;
  }

  // Java's Character.toLowerCase, code point by code point (String.toLowerCase would apply
  // context rules such as the Greek final sigma that Lucene does not).
  function lowerCase(t) {
    var ascii = true;
    for (var i = 0; i < t.length; i++) if (t.charCodeAt(i) > 127) { ascii = false; break; }
    if (ascii) return t.toLowerCase();
    var out = "";
    for (var ch of t) {
      var l = ch.toLowerCase();
      if ([...l].length !== 1) l = ch; // e.g. U+0130: Lucene.Net keeps it as is
      out += l;
    }
    return out;
  }

  // Porter stemmer, as Lucene's PorterStemmer (Martin Porter's reference implementation).
  function stem(word) {
    var b = word.split(""), k = b.length - 1, k0 = 0, j = 0;
    if (k <= k0 + 1) return word;
    function cons(i) {
      switch (b[i]) {
        case "a": case "e": case "i": case "o": case "u": return false;
        case "y": return i === k0 ? true : !cons(i - 1);
        default: return true;
      }
    }
    function m() {
      var n = 0, i = k0;
      for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
      i++;
      for (;;) {
        for (;;) { if (i > j) return n; if (cons(i)) break; i++; }
        i++; n++;
        for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
        i++;
      }
    }
    function vowelinstem() { for (var i = k0; i <= j; i++) if (!cons(i)) return true; return false; }
    function doublec(jj) { if (jj < k0 + 1) return false; if (b[jj] !== b[jj - 1]) return false; return cons(jj); }
    function cvc(i) {
      if (i < k0 + 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
      var ch = b[i];
      return !(ch === "w" || ch === "x" || ch === "y");
    }
    function ends(s) {
      var l = s.length, o = k - l + 1;
      if (o < k0) return false;
      for (var i = 0; i < l; i++) if (b[o + i] !== s[i]) return false;
      j = k - l;
      return true;
    }
    function setto(s) { var l = s.length, o = j + 1; for (var i = 0; i < l; i++) b[o + i] = s[i]; k = j + l; }
    function r(s) { if (m() > 0) setto(s); }
    function step1() {
      if (b[k] === "s") {
        if (ends("sses")) k -= 2;
        else if (ends("ies")) setto("i");
        else if (b[k - 1] !== "s") k--;
      }
      if (ends("eed")) { if (m() > 0) k--; }
      else if ((ends("ed") || ends("ing")) && vowelinstem()) {
        k = j;
        if (ends("at")) setto("ate");
        else if (ends("bl")) setto("ble");
        else if (ends("iz")) setto("ize");
        else if (doublec(k)) { var ch = b[k--]; if (ch === "l" || ch === "s" || ch === "z") k++; }
        else if (m() === 1 && cvc(k)) setto("e");
      }
    }
    function step2() { if (ends("y") && vowelinstem()) b[k] = "i"; }
    function step3() {
      if (k === k0) return;
      switch (b[k - 1]) {
        case "a": if (ends("ational")) { r("ate"); break; } if (ends("tional")) { r("tion"); break; } break;
        case "c": if (ends("enci")) { r("ence"); break; } if (ends("anci")) { r("ance"); break; } break;
        case "e": if (ends("izer")) { r("ize"); break; } break;
        case "l":
          if (ends("bli")) { r("ble"); break; } if (ends("alli")) { r("al"); break; }
          if (ends("entli")) { r("ent"); break; } if (ends("eli")) { r("e"); break; }
          if (ends("ousli")) { r("ous"); break; } break;
        case "o": if (ends("ization")) { r("ize"); break; } if (ends("ation")) { r("ate"); break; } if (ends("ator")) { r("ate"); break; } break;
        case "s":
          if (ends("alism")) { r("al"); break; } if (ends("iveness")) { r("ive"); break; }
          if (ends("fulness")) { r("ful"); break; } if (ends("ousness")) { r("ous"); break; } break;
        case "t": if (ends("aliti")) { r("al"); break; } if (ends("iviti")) { r("ive"); break; } if (ends("biliti")) { r("ble"); break; } break;
        case "g": if (ends("logi")) { r("log"); break; } break;
      }
    }
    function step4() {
      switch (b[k]) {
        case "e": if (ends("icate")) { r("ic"); break; } if (ends("ative")) { r(""); break; } if (ends("alize")) { r("al"); break; } break;
        case "i": if (ends("iciti")) { r("ic"); break; } break;
        case "l": if (ends("ical")) { r("ic"); break; } if (ends("ful")) { r(""); break; } break;
        case "s": if (ends("ness")) { r(""); break; } break;
      }
    }
    function step5() {
      if (k === k0) return;
      switch (b[k - 1]) {
        case "a": if (ends("al")) break; return;
        case "c": if (ends("ance")) break; if (ends("ence")) break; return;
        case "e": if (ends("er")) break; return;
        case "i": if (ends("ic")) break; return;
        case "l": if (ends("able")) break; if (ends("ible")) break; return;
        case "n": if (ends("ant")) break; if (ends("ement")) break; if (ends("ment")) break; if (ends("ent")) break; return;
        case "o": if (ends("ion") && j >= 0 && (b[j] === "s" || b[j] === "t")) break; if (ends("ou")) break; return;
        case "s": if (ends("ism")) break; return;
        case "t": if (ends("ate")) break; if (ends("iti")) break; return;
        case "u": if (ends("ous")) break; return;
        case "v": if (ends("ive")) break; return;
        case "z": if (ends("ize")) break; return;
        default: return;
      }
      if (m() > 1) k = j;
    }
    function step6() {
      j = k;
      if (b[k] === "e") { var a = m(); if (a > 1 || (a === 1 && !cvc(k - 1))) k--; }
      if (b[k] === "l" && doublec(k) && m() > 1) k--;
    }
    step1(); step2(); step3(); step4(); step5(); step6();
    return b.slice(0, k + 1).join("");
  }

  /** Analyzed terms with positions and source offsets: [{term, pos, start, end}]. */
  function analyze(text, maxTokens) {
    var out = [];
    var toks = tokenize(String(text), maxTokens);
    for (var i = 0; i < toks.length; i++) {
      var t = lowerCase(possessive(toks[i].text));
      if (STOP.has(t)) continue;
      out.push({ term: stem(t), pos: toks[i].pos, start: toks[i].start, end: toks[i].end, lower: t });
    }
    return out;
  }

  /** Just the terms, as Lucene's EnglishAnalyzer emits them. */
  function terms(text) { return analyze(text).map(function (a) { return a.term; }); }

  var api = { tokenize: tokenize, analyze: analyze, terms: terms, stem: stem, lowerCase: lowerCase, STOP: STOP };
  if (typeof module === "object" && module.exports) module.exports = api;
  else global.PaperArchiveAnalyzer = api;
})(typeof window !== "undefined" ? window : globalThis);
