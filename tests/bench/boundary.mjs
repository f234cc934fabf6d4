// `node tests/bench/boundary.mjs [--runs N] [--no-e2e] [NAME=DIR ...]`: what the report costs
// on its way from the engine to the content script, for one build or several side by side. It
// prints figures and never fails on speed.
//
// Each DIR is an unpacked bench build (dist/chrome-bench/ of some checkout: its pkg/ holds the
// engine it runs); without one, this tree's dist/chrome-bench/ (run ./build.sh first). To compare
// with another commit: `git worktree add /tmp/other REV && (cd /tmp/other && ./build.sh)`, then
// `node tests/bench/boundary.mjs this=dist/chrome-bench other=/tmp/other/dist/chrome-bench`.
//
// Per round, in turn for each build (A B A B …, so drift in the machine's load hits them alike):
// - the e2e bench (tests/e2e/bench.test.mjs, a 3,000-character LinkedIn post in Chromium):
//   keystroke → hints p50/p95, the content script's main-thread time per keystroke, and the
//   page's whole main-thread task time per keystroke;
// - in a fresh Node process, CPU µs per analysis of 280, 3,000 and 100,000 characters, brief
//   reports as the extension asks for them: the engine's call alone, then the whole crossing as Chrome
//   makes it by default (the background's JSON.stringify of the reply, the content script's
//   JSON.parse of it, and of the report where the report is JSON text), and as Firefox makes it
//   (structured clone).
// Then the median of the rounds with their range (min–max), and each build's sizes.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatedText, median } from './common.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SIZES = [280, 3000, 100000];
const OPTIONS = { platform: 'linkedin', context: 'post', brief: true };

/** The report as the content script holds it, from what the port delivered. */
const received = (report) => (typeof report === 'string' ? JSON.parse(report) : report);

/**
 * In a child process: µs per call for each build in `dirs`, by size and step, as one JSON line
 * (an array in the order of `dirs`). The builds run in the same process, batch by batch in turn,
 * so a change in the machine's load hits them alike; each figure is the median of the batches.
 */
async function nodeFigures(dirs) {
  const engines = [];
  for (const dir of dirs) {
    const pkg = path.join(dir, 'pkg');
    const { initSync, Engine } = await import(pathToFileURL(path.join(pkg, 'rapport.js')).href);
    initSync({ module: new WebAssembly.Module(fs.readFileSync(path.join(pkg, 'rapport_bg.wasm'))) });
    engines.push(new Engine({}));
  }
  const texts = SIZES.map((chars, i) => generatedText(chars, i + 1));
  // Warm-up: the wasm's lazy compile and tier-up, and V8's compile of the glue, run on helper
  // threads whose CPU time this process is charged for; let them finish before timing.
  for (const engine of engines) {
    const t0 = performance.now();
    while (performance.now() - t0 < 400) for (const text of texts) engine.analyze(text, OPTIONS);
  }
  const figures = dirs.map(() => ({}));
  SIZES.forEach((chars, i) => {
    const text = texts[i];
    for (const [step, cross] of Object.entries(STEPS)) {
      const calls = engines.map((engine) => () => cross(() => engine.analyze(text, OPTIONS)));
      const samples = interleaved(calls, BATCHES, chars >= 100000 ? 60 : 30);
      samples.forEach((xs, b) => {
        (figures[b][chars] ??= {})[step] = median(xs) * 1000;
      });
    }
  });
  return figures;
}

/** What each step adds to the engine's call: the reply as the port carries it to the content script. */
const STEPS = {
  analyze: (analyze) => analyze(),
  // Chrome's default ("message_serialization": "json"): stringified by the sender, parsed by the receiver.
  chrome: (analyze) => received(JSON.parse(JSON.stringify({ id: 1, ok: true, report: analyze() })).report),
  // Firefox: a structured clone.
  firefox: (analyze) => received(structuredClone({ id: 1, ok: true, report: analyze() }).report),
};
const BATCHES = 15;

/** The process's CPU time so far, ms: unlike the wall clock, it does not count the time the
 * machine's other work kept this process off the cores (these machines are shared). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU ms per call of each of `fns`, `batches` samples each, taken in turn; batches last ≥ `minMs`. */
function interleaved(fns, batches, minMs) {
  const counts = fns.map((f) => {
    let calls = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < minMs || calls < 2) {
      f();
      calls++;
    }
    return calls;
  });
  const samples = fns.map(() => []);
  for (let k = 0; k < batches; k++) {
    fns.forEach((f, b) => {
      const t = cpuMs();
      for (let i = 0; i < counts[b]; i++) f();
      samples[b].push((cpuMs() - t) / counts[b]);
    });
  }
  return samples;
}

/** The e2e bench's figures with the build in `dir` loaded, or null (and why) when it failed. */
function e2eFigures(dir) {
  const run = spawnSync(process.execPath, ['--test', 'tests/e2e/bench.test.mjs'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, RAPPORT_BENCH_EXTENSION: dir },
    maxBuffer: 1 << 26,
  });
  const out = run.stdout + run.stderr;
  const grab = (pattern) => {
    const m = pattern.exec(out);
    return m ? m.slice(1).map(Number) : null;
  };
  const latency = grab(/keystroke->hints p50=([\d.]+) ms p95=([\d.]+) ms/);
  const script = grab(/content-script main-thread per keystroke p50=([\d.]+) ms p95=([\d.]+) ms mean=([\d.]+) ms/);
  const page = grab(/page main-thread tasks per keystroke p50=([\d.]+) ms p95=([\d.]+) ms/);
  if (run.status !== 0 || !latency || !script || !page) {
    console.log(`(e2e bench failed with ${dir}: exit ${run.status})\n${out.split('\n').slice(-30).join('\n')}`);
    return null;
  }
  return { latency, script, page };
}

function sizes(dir) {
  const pkg = path.join(dir, 'pkg');
  const gz = (buffer) => execFileSync('gzip', ['-9c'], { input: buffer, maxBuffer: 1 << 26 }).length;
  const wasm = fs.readFileSync(path.join(pkg, 'rapport_bg.wasm'));
  // As ./build.sh prints it (`gzip -9c FILE`, whose header holds the file's name).
  const wasmGz = execFileSync('gzip', ['-9c', path.join(pkg, 'rapport_bg.wasm')], { maxBuffer: 1 << 26 }).length;
  // The glue and the JS snippets it imports (wasm-bindgen puts them under pkg/snippets/).
  const js = [];
  const walk = (p) => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).sort().forEach((n) => walk(path.join(p, n))) : p.endsWith('.js') && js.push(fs.readFileSync(p)));
  walk(pkg);
  const glue = Buffer.concat(js);
  return { raw: wasm.length, gz: wasmGz, jsRaw: glue.length, jsGz: gz(glue) };
}

/** "median [min–max]" of numbers. */
const spread = (xs, digits = 2) => {
  if (xs.length === 0) return '—';
  const f = (x) => x.toFixed(digits);
  return `${f(median(xs))} [${f(Math.min(...xs))}–${f(Math.max(...xs))}]`;
};

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--node-child') {
    console.log(JSON.stringify(await nodeFigures(args.slice(1))));
    return;
  }
  let runs = 5;
  let e2e = true;
  const builds = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs') runs = Number(args[++i]);
    else if (args[i] === '--no-e2e') e2e = false;
    else {
      const at = args[i].indexOf('=');
      const [name, dir] = at > 0 ? [args[i].slice(0, at), args[i].slice(at + 1)] : [path.basename(args[i]), args[i]];
      builds.push({ name, dir: path.resolve(dir) });
    }
  }
  if (builds.length === 0) builds.push({ name: 'this', dir: path.join(root, 'dist/chrome-bench') });
  if (!(runs >= 1)) throw new Error('--runs takes a number ≥ 1');
  for (const b of builds) {
    if (!fs.existsSync(path.join(b.dir, 'pkg', 'rapport_bg.wasm'))) throw new Error(`${b.dir}/pkg/rapport_bg.wasm is missing: not a bench build (run ./build.sh there)`);
    b.rounds = [];
  }
  console.log(`boundary bench: ${runs} round(s), builds in turn: ${builds.map((b) => `${b.name} (${b.dir})`).join(', ')}`);
  for (let r = 0; r < runs; r++) {
    // A fresh process per round, the builds in turn inside it (first one, then the other first).
    const order = r % 2 === 0 ? builds : [...builds].reverse();
    const node = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--node-child', ...order.map((b) => b.dir)], { encoding: 'utf8' }));
    for (const b of builds) b.node = node[order.indexOf(b)];
    for (const b of builds) {
      const round = { node: b.node, e2e: e2e ? e2eFigures(b.dir) : null };
      b.rounds.push(round);
      const e = round.e2e;
      console.log(`round ${r + 1} ${b.name}: ${e ? `keystroke→hints p50 ${e.latency[0]} ms p95 ${e.latency[1]} ms, content script ${e.script[0]} ms/keystroke (mean ${e.script[2]}), page tasks ${e.page[0]} ms/keystroke; ` : ''}`
        + `Node µs (analyze / whole crossing, Chrome) ${SIZES.map((n) => `${n}: ${round.node[n].analyze.toFixed(1)} / ${round.node[n].chrome.toFixed(1)}`).join(', ')}`);
    }
  }

  const rows = [];
  const of = (b, pick) => b.rounds.map(pick).filter((x) => x != null);
  if (e2e) {
    rows.push(['keystroke → hints p50, ms', (b) => spread(of(b, (r) => r.e2e?.latency[0]))]);
    rows.push(['keystroke → hints p95, ms', (b) => spread(of(b, (r) => r.e2e?.latency[1]))]);
    rows.push(['content script main thread p50, ms/keystroke', (b) => spread(of(b, (r) => r.e2e?.script[0]))]);
    rows.push(['content script main thread mean, ms/keystroke', (b) => spread(of(b, (r) => r.e2e?.script[2]))]);
    rows.push(['page main-thread tasks p50, ms/keystroke', (b) => spread(of(b, (r) => r.e2e?.page[0]))]);
  }
  for (const n of SIZES) {
    const label = n.toLocaleString('en-US');
    rows.push([`${label} chars: analyze, CPU µs`, (b) => spread(of(b, (r) => r.node[n].analyze), 1)]);
    rows.push([`${label} chars: + crossing, Chrome (JSON), CPU µs`, (b) => spread(of(b, (r) => r.node[n].chrome), 1)]);
    rows.push([`${label} chars: + crossing, Firefox (clone), CPU µs`, (b) => spread(of(b, (r) => r.node[n].firefox), 1)]);
  }
  for (const b of builds) b.sizes = sizes(b.dir);
  const fmt = (x) => x.toLocaleString('en-US');
  rows.push(['wasm, bytes raw', (b) => fmt(b.sizes.raw)]);
  rows.push(['wasm, bytes gzip -9', (b) => fmt(b.sizes.gz)]);
  rows.push(['JS glue + snippets, bytes raw / gzip -9', (b) => `${fmt(b.sizes.jsRaw)} / ${fmt(b.sizes.jsGz)}`]);

  const w = Math.max(...rows.map(([label]) => label.length));
  const cols = builds.map((b) => Math.max(b.name.length, ...rows.map(([, f]) => f(b).length)));
  console.log(`\nmedian [min–max] of ${runs} round(s)\n`);
  console.log(`| ${'figure'.padEnd(w)} | ${builds.map((b, i) => b.name.padStart(cols[i])).join(' | ')} |`);
  console.log(`|${'-'.repeat(w + 2)}|${cols.map((c) => `${'-'.repeat(c + 1)}:`).join('|')}|`);
  for (const [label, f] of rows) console.log(`| ${label.padEnd(w)} | ${builds.map((b, i) => f(b).padStart(cols[i])).join(' | ')} |`);
}

await main();
