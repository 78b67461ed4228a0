// vocab.js — the one list of jixiao's spellings that the editor grammars use,
// and the reader that checks it against the compiler's own definition.
//
// editors/vocab.json names every token that has fixed spellings (keywords,
// month names, n/a, operators, punctuation) with all its spellings; the first
// spelling is the canonical (English or ASCII) one.  gen.js builds the
// TextMate grammar, the Vim syntax keywords and the tree-sitter keyword table
// from it.  fromCompiler() reads the same spellings out of the compiler's
// own table, compiler/domain/vocab.def, and classFromCompiler() the character
// classes out of grammar/lexer.l, so `node check-vocab.js` fails the moment
// editors/vocab.json and the compiler drift apart.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const VOCAB = path.join(ROOT, 'editors', 'vocab.json');
const LEXER = path.join(ROOT, 'grammar', 'lexer.l');
const VOCAB_DEF = path.join(ROOT, 'compiler', 'domain', 'vocab.def');

function load(file = VOCAB) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// { TOKEN: [spellings...] } for every token in vocab.json.
function spellings(vocab) {
  const out = {};
  for (const t of vocab.tokens) out[t.token] = t.spellings.slice();
  return out;
}

// compiler/domain/vocab.def holds one row per line, such as
//   JX_KEYWORD(PLAN, "plan", "计划")
//   JX_SPELLING(PLAN, "年度")
//   JX_OPERATOR(GE, GE, ">=", "≥")
//   JX_MONTH(3, "mar", "3月底")
//   JX_DOT("．")
// A keyword's, operator's or mark's strings are all its spellings; a
// month's first string is the MONTH token's spelling (the second is what
// fmt --zh writes, a number with a unit); the dots are DOT's.
function fromCompiler(file = VOCAB_DEF) {
  const text = fs.readFileSync(file, 'utf8');
  const out = {};
  const add = (tok, words) => { out[tok] = (out[tok] || []).concat(words); };
  const row = /^JX_(KEYWORD|OPERATOR|PUNCT|SPELLING|MONTH|DOT)\((.*)\)[ \t]*$/gm;
  let m;
  while ((m = row.exec(text)) !== null) {
    const words = [...m[2].matchAll(/"([^"\\\n]*)"/g)].map((x) => x[1]);
    const tok = /^\s*([A-Z_0-9]+)/.exec(m[2]);
    if (m[1] === 'MONTH') add('MONTH', words.slice(0, 1));
    else if (m[1] === 'DOT') add('DOT', words);
    else add(tok[1], words);
  }
  if (!out.PLAN || !out.MONTH || !out.DOT) throw new Error(`${file}: no keyword, month or dot rows`);
  return out;
}

// The code points (as a sorted array) that a flex definition in lexer.l
// matches as one whole character: WU, UNITCH, SPACE.  The byte patterns are
// turned into a JavaScript regular expression over the UTF-8 bytes of each
// character, so the check reads the lexer's own text, not a transcription.
function classFromCompiler(name, file = LEXER) {
  const defs = fs.readFileSync(file, 'utf8').split(/^%%$/m)[0];
  const def = (n) => {
    const m = new RegExp(`^${n}[ \t]+(.*)$`, 'm').exec(defs);
    if (!m) throw new Error(`${file}: no definition of ${n}`);
    return m[1].trim();
  };
  const toRegex = (src) =>
    src
      .replace(/\{([A-Z]+)\}/g, (_, n) => `(?:${toRegex(def(n))})`)
      .replace(/"([^"]*)"/g, (_, lit) =>
        lit.includes('\\')
          ? `(?:${lit})`
          : [...Buffer.from(lit, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join(''));
  const re = new RegExp(`^(?:${toRegex(def(name))})$`);
  const out = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (re.test(Buffer.from(String.fromCodePoint(cp), 'utf8').toString('latin1'))) out.push(cp);
  }
  return out;
}

// vocab.json's ranges ([["0080", "1FFF"], ...] or ["FF05", ...]) as code points.
function expand(ranges) {
  const out = [];
  for (const r of ranges) {
    const [lo, hi] = Array.isArray(r) ? r : [r, r];
    for (let cp = parseInt(lo, 16); cp <= parseInt(hi, 16); cp++) out.push(cp);
  }
  return out.sort((a, b) => a - b);
}

// Differences between two { TOKEN: [spellings] } maps, as readable lines.
function compare(want, have) {
  const lines = [];
  const toks = new Set([...Object.keys(want), ...Object.keys(have)]);
  for (const t of [...toks].sort()) {
    const a = new Set(want[t] || []);
    const b = new Set(have[t] || []);
    if (!want[t]) lines.push(`${t}: in the compiler, not in editors/vocab.json`);
    else if (!have[t]) lines.push(`${t}: in editors/vocab.json, not in the compiler`);
    for (const s of a) if (!b.has(s)) lines.push(`${t}: "${s}" is in editors/vocab.json only`);
    for (const s of b) if (!a.has(s)) lines.push(`${t}: "${s}" is in the compiler only`);
  }
  return lines;
}

module.exports = {
  ROOT, VOCAB, LEXER, VOCAB_DEF, load, spellings, fromCompiler, classFromCompiler, expand, compare,
};
