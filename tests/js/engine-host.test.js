import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEngineHost, WARM_UP_TEXT } from '../../extension/lib/engine-host.js';
import { analyzeRequest } from '../../extension/lib/protocol.js';

/** Stands in for the wasm Engine: validates config like the real one (names the bad field). */
class FakeEngine {
  constructor(config) {
    this.set_config(config);
  }
  set_config(config) {
    for (const key of Object.keys(config)) {
      if (key !== 'strictness') throw new Error(`unknown config field \`${key}\``);
    }
    this.config = config;
  }
  analyze(text, options) {
    FakeEngine.analysed.push(text);
    if (text === 'crash') throw new Error('engine crashed');
    return { text, options, strictness: this.config.strictness ?? 'default' };
  }
}

/** Every text any FakeEngine analysed, in order. */
FakeEngine.analysed = [];

function host({ stored, init = async () => {} } = {}) {
  const warnings = [];
  const engineHost = createEngineHost({
    init,
    Engine: FakeEngine,
    readSettings: async () => stored,
    warn: (message) => warnings.push(message),
  });
  return { engineHost, warnings };
}

const OPTIONS = { platform: 'x', context: 'post' };

test('the engine analyses a warm-up text once, before the first request', async () => {
  FakeEngine.analysed = [];
  const { engineHost, warnings } = host();
  await engineHost.handle(analyzeRequest(1, 'first draft', OPTIONS));
  await engineHost.handle(analyzeRequest(2, 'second draft', OPTIONS));
  assert.deepEqual(FakeEngine.analysed, [WARM_UP_TEXT, 'first draft', 'second draft']);
  assert.deepEqual(warnings, []);
});

test('a failed warm-up is logged and the requests are still answered', async () => {
  class Fragile extends FakeEngine {
    analyze(text, options) {
      if (text === WARM_UP_TEXT) throw new Error('warm-up broke');
      return super.analyze(text, options);
    }
  }
  const warnings = [];
  const engineHost = createEngineHost({ init: async () => {}, Engine: Fragile, readSettings: async () => undefined, warn: (m) => warnings.push(m) });
  const reply = await engineHost.handle(analyzeRequest(1, 'hi', OPTIONS));
  assert.equal(reply.ok, true);
  assert.deepEqual(warnings, ['Rapport: engine warm-up failed (warm-up broke)']);
});

test('answers analyze requests with the report', async () => {
  const { engineHost } = host();
  assert.deepEqual(await engineHost.handle(analyzeRequest(1, 'hi', OPTIONS)), {
    id: 1,
    ok: true,
    // The content script gets the brief report (no evidence, only its platform's counter).
    report: { text: 'hi', options: { ...OPTIONS, brief: true }, strictness: 'default' },
  });
});

test('configures the engine from stored settings', async () => {
  const { engineHost } = host({ stored: { engine: { strictness: 'high' } } });
  const reply = await engineHost.handle(analyzeRequest(1, 'hi', OPTIONS));
  assert.equal(reply.report.strictness, 'high');
});

test('a stored config the engine rejects falls back to defaults, with a warning naming the field', async () => {
  const { engineHost, warnings } = host({ stored: { engine: { colour: 1 } } });
  const reply = await engineHost.handle(analyzeRequest(1, 'hi', OPTIONS));
  assert.equal(reply.ok, true);
  assert.match(warnings.join('\n'), /engine settings rejected \(unknown config field `colour`\); using defaults/);
});

test('settings changes are reapplied; a rejected change keeps the previous config', async () => {
  const { engineHost, warnings } = host();
  await engineHost.applySettings({ engine: { strictness: 'low' } });
  assert.equal((await engineHost.handle(analyzeRequest(1, 'a', OPTIONS))).report.strictness, 'low');
  await engineHost.applySettings({ engine: { bogus: true } });
  assert.equal((await engineHost.handle(analyzeRequest(2, 'a', OPTIONS))).report.strictness, 'low');
  assert.match(warnings.at(-1), /`bogus`.*keeping the previous ones/);
});

test('bad requests and engine errors become error replies', async () => {
  const { engineHost } = host();
  assert.deepEqual(await engineHost.handle({ id: 4, type: 'nope' }), {
    id: 4,
    ok: false,
    error: 'request.type "nope" is not "analyze"',
  });
  assert.deepEqual(await engineHost.handle(analyzeRequest(5, 'crash', OPTIONS)), {
    id: 5,
    ok: false,
    error: 'engine crashed',
  });
});

test('a wasm module that fails to load is reported in every reply', async () => {
  const { engineHost } = host({ init: async () => { throw new Error('CompileError: bad magic'); } });
  assert.deepEqual(await engineHost.handle(analyzeRequest(9, 'x', OPTIONS)), {
    id: 9,
    ok: false,
    error: 'engine failed to load: CompileError: bad magic',
  });
});
