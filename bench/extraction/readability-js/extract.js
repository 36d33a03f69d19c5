// Benchmark peer: Mozilla Readability 0.6.0 on jsdom 27.0.0.
// Usage: node extract.js PAGES.jsonl PRED.jsonl [WARMUP_PASSES] [TIMED_PASSES]
// Reads lines {"id","url","html"}, writes lines {"id","text"} (text = article.textContent, "" when Readability
// finds nothing or fails), prints pages/s of the timed passes (single thread, same process).
'use strict';
const fs = require('fs');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const [pagesFile, predFile, warmupArg, timedArg] = process.argv.slice(2);
if (!pagesFile || !predFile) {
  console.error('usage: node extract.js PAGES.jsonl PRED.jsonl [WARMUP_PASSES] [TIMED_PASSES]');
  process.exit(2);
}
const warmup = Number(warmupArg || 1);
const timed = Number(timedArg || 2);
const pages = fs.readFileSync(pagesFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const quiet = new VirtualConsole();

function extract(page) {
  try {
    const dom = new JSDOM(page.html, { url: page.url || undefined, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    dom.window.close();
    return { text: article && article.textContent ? article.textContent : '', error: null };
  } catch (e) {
    return { text: '', error: String(e) };
  }
}

let results = [];
let elapsedMs = 0;
for (let pass = 0; pass < warmup + timed; pass++) {
  const start = process.hrtime.bigint();
  results = pages.map(extract);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (pass >= warmup) elapsedMs += ms;
}
fs.writeFileSync(predFile, pages.map((p, i) => JSON.stringify({ id: p.id, text: results[i].text })).join('\n') + '\n');
const errors = results.filter((r) => r.error).length;
const rate = (pages.length * timed) / (elapsedMs / 1000);
console.log(`readability.js   ${rate.toFixed(1).padStart(8)} pages/s  (${(1000 / rate).toFixed(1)} ms/page, errors ${errors}, `
  + `node ${process.version}, warm-up passes ${warmup}, timed passes ${timed})`);
