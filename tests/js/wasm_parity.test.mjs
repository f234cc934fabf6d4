// The wasm build, loaded in Node, returns the same report as the native engine
// (`rapport batch`), with every span converted from UTF-8 bytes to UTF-16 code units. The
// report crosses as JSON text (`analyze` returns a string; the content script parses it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = path.join(root, 'extension/pkg');
const cli = path.join(root, 'target/release/rapport');

const POSTS = [
  ['x', 'post', 'We are thrilled to announce our new product! Buy now, 50% off, link in bio!!!'],
  ['x', 'post', 'Congrats on the launch — what was the hardest part?'],
  ['x', 'reply', 'You people never listen. This is terrible 😡'],
  ['bluesky', 'post', 'Family day 👨‍👩‍👧‍👦 in 🇫🇷 with café au lait :) https://example.com/photos?id=1'],
  ['mastodon', 'post', 'hi @bob@mastodon.social, what do you think of e\u0301te\u0301?'],
  ['linkedin', 'post', 'Line one\r\nLine two\u00a0with NBSP.\n\n中文字 and 日本語 too'],
  ['x', 'post', 'a'.repeat(300) + ' 😀 over the limit'],
  ['threads', 'post', ''],
  ['instagram', 'post', '“Quoted insult, you idiot” is not mine. I LOVE this!!!'],
];

// UTF-8 byte offset → UTF-16 offset in `text`.
function utf16At(text, byteOffset) {
  return Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8').length;
}

function nativeReports() {
  const input = POSTS.map(([platform, context, text]) => JSON.stringify({ text, platform, context })).join('\n');
  const out = execFileSync(cli, ['batch'], { input, encoding: 'utf8' });
  return out.trim().split('\n').map((l) => JSON.parse(l));
}

// Every object with numeric `start`/`end` is a span: rewrite it with `f`.
function mapSpans(value, f) {
  if (Array.isArray(value)) return value.map((v) => mapSpans(v, f));
  if (value && typeof value === 'object') {
    if (typeof value.start === 'number' && typeof value.end === 'number' && Object.keys(value).length === 2) {
      return f(value);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapSpans(v, f)]));
  }
  // Numbers are compared as they are: both sides print them with serde_json.
  return value;
}

test('wasm reports equal native reports, spans in UTF-16', async () => {
  assert.ok(fs.existsSync(path.join(pkg, 'rapport_bg.wasm')), 'extension/pkg is missing: run ./build.sh');
  assert.ok(fs.existsSync(cli), 'target/release/rapport is missing: run ./build.sh');
  const { default: init, Engine } = await import(path.join(pkg, 'rapport.js'));
  await init({ module_or_path: fs.readFileSync(path.join(pkg, 'rapport_bg.wasm')) });
  const engine = new Engine({});
  const natives = nativeReports();
  assert.equal(natives.length, POSTS.length);
  let spans = 0;
  POSTS.forEach(([platform, context, text], i) => {
    const json = engine.analyze(text, { platform, context });
    assert.equal(typeof json, 'string', 'the report crosses as JSON text');
    const wasm = JSON.parse(json);
    const expected = mapSpans(natives[i], (s) => {
      spans++;
      return { start: utf16At(text, s.start), end: utf16At(text, s.end) };
    });
    assert.deepEqual(mapSpans(wasm, (s) => s), expected, `report for post ${i}: ${JSON.stringify(text.slice(0, 40))}`);
    // The brief report (what the extension asks for per keystroke) is the same minus evidence
    // and other platforms' counters.
    const briefExpected = structuredClone(expected);
    briefExpected.counters = [briefExpected.counter];
    for (const signal of Object.values(briefExpected.signals)) {
      if (Array.isArray(signal?.evidence)) signal.evidence = [];
    }
    const brief = JSON.parse(engine.analyze(text, { platform, context, brief: true }));
    assert.deepEqual(mapSpans(brief, (s) => s), briefExpected, `brief report for post ${i}`);
    // And every span lies inside the text, on UTF-16 boundaries that do not split a surrogate pair.
    mapSpans(wasm, (s) => {
      assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `span ${JSON.stringify(s)} inside text`);
      for (const at of [s.start, s.end]) {
        const c = text.charCodeAt(at);
        assert.ok(!(c >= 0xdc00 && c <= 0xdfff), `span edge ${at} splits a surrogate pair`);
      }
      return s;
    });
  });
  assert.ok(spans > 10, `the posts exercise spans (saw ${spans})`);
});

test('invalid settings are refused with the field named', async () => {
  const { default: init, Engine, validate_config } = await import(path.join(pkg, 'rapport.js'));
  await init({ module_or_path: fs.readFileSync(path.join(pkg, 'rapport_bg.wasm')) });
  const cases = [
    [{ rules: { 'no.such_rule': true } }, /rules\.no\.such_rule/],
    [{ strictness: 'extreme' }, /strictness/],
    [{ bogus: 1 }, /bogus/],
    [{ custom_rules: [{ id: 'bad', regex: '(', message: 'm' }] }, /custom_rules\[0\]\.regex.*`bad`/],
    [{ mastodon_limit: 0 }, /mastodon_limit/],
  ];
  for (const [config, pattern] of cases) {
    assert.match(validate_config(config) ?? '', pattern, JSON.stringify(config));
    assert.throws(() => new Engine(config), pattern, JSON.stringify(config));
  }
  assert.equal(validate_config({}), undefined);
  const engine = new Engine({});
  assert.throws(() => engine.set_config({ rule_sets: { nope: false } }), /rule_sets\.nope/);
  // The failed update left the engine working with its previous settings.
  assert.equal(JSON.parse(engine.analyze('hello there', {})).platform, 'x');
});
