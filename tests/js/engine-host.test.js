import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEngineHost, isTrap, MAX_RESTARTS, RESTART_WINDOW_MS, STOPPED_MESSAGE, WARM_UP_TEXT } from '../../extension/lib/engine-host.js';
import { analyzeRequest } from '../../extension/lib/protocol.js';

/**
 * Stands in for the wasm module: an instance id that `reset()` moves on, and a broken flag a trap
 * sets. Like wasm-bindgen's glue, an engine of a trapped instance throws "recursive use of an
 * object detected" on every call (its borrow flag stayed set), and one of an old instance throws
 * "Invalid stale object". `trapOn(text)` makes analysing `text` trap.
 */
function fakeWasm({ trapOn = () => false } = {}) {
  const wasm = { instance: 0, broken: false, resets: 0, analysed: [], created: [] };
  class FakeEngine {
    static tolerant(config) {
      wasm.created.push(config);
      const engine = new FakeEngine();
      engine.set_config_tolerant(config);
      return engine;
    }
    constructor() {
      this.instance = wasm.instance;
    }
    enter() {
      if (this.instance !== wasm.instance) throw new Error('Invalid stale object from previous Wasm instance');
      if (wasm.broken) throw new Error('recursive use of an object detected which would lead to unsafe aliasing in rust');
    }
    set_config_tolerant(config) {
      this.enter();
      this.config = {};
      this.left = [];
      for (const [key, value] of Object.entries(config)) {
        if (key === 'strictness') this.config.strictness = value;
        else this.left.push({ path: key, kind: 'unknown', reason: 'unknown setting, not used here' });
      }
      return this.left;
    }
    ignored() {
      this.enter();
      return this.left;
    }
    analyze(text, options) {
      this.enter();
      wasm.analysed.push(text);
      if (trapOn(text)) {
        wasm.broken = true;
        throw new WebAssembly.RuntimeError('unreachable');
      }
      if (text === 'bad') throw new Error('engine refused the text');
      return { text, options, strictness: this.config.strictness ?? 'default' };
    }
  }
  wasm.Engine = FakeEngine;
  wasm.reset = () => {
    wasm.resets += 1;
    wasm.instance += 1;
    wasm.broken = false;
  };
  return wasm;
}

function host({ stored, init = async () => {}, wasm = fakeWasm(), now = () => 0 } = {}) {
  const warnings = [];
  const settings = { stored };
  const engineHost = createEngineHost({
    init,
    Engine: wasm.Engine,
    reset: wasm.reset,
    readSettings: async () => settings.stored,
    warn: (message) => warnings.push(message),
    checkConfig: (config) => wasm.Engine.tolerant(config).ignored(),
    now,
  });
  return { engineHost, warnings, wasm, settings };
}

const OPTIONS = { platform: 'x', context: 'post' };
const ask = (engineHost, id, text, session) => engineHost.handle(analyzeRequest(id, text, OPTIONS), session);

test('the engine analyses a warm-up text once, before the first request', async () => {
  const { engineHost, warnings, wasm } = host();
  await ask(engineHost, 1, 'first draft');
  await ask(engineHost, 2, 'second draft');
  assert.deepEqual(wasm.analysed, [WARM_UP_TEXT, 'first draft', 'second draft']);
  assert.deepEqual(warnings, []);
});

test('a failed warm-up is logged and the requests are still answered', async () => {
  const wasm = fakeWasm();
  const analyze = wasm.Engine.prototype.analyze;
  wasm.Engine.prototype.analyze = function (text, options) {
    if (text === WARM_UP_TEXT) throw new Error('warm-up broke');
    return analyze.call(this, text, options);
  };
  const { engineHost, warnings } = host({ wasm });
  const reply = await ask(engineHost, 1, 'hi');
  assert.equal(reply.ok, true);
  assert.deepEqual(warnings, ['Rapport: engine warm-up failed (warm-up broke)']);
});

test('answers analyze requests with the report', async () => {
  const { engineHost } = host();
  assert.deepEqual(await ask(engineHost, 1, 'hi'), {
    id: 1,
    ok: true,
    // The content script gets the brief report (no evidence, only its platform's counter).
    report: { text: 'hi', options: { ...OPTIONS, brief: true }, strictness: 'default' },
  });
});

test('settings are read tolerantly: what the engine cannot use is listed, everything else applies', async () => {
  const { engineHost, wasm } = host({ stored: { version: 3, theme: 'dark', engine: { strictness: 'high', colour: 1 } } });
  const reply = await ask(engineHost, 1, 'hi');
  assert.equal(reply.report.strictness, 'high', 'the rest applies');
  const status = engineHost.status();
  assert.deepEqual(status.ignored, [{ path: 'colour', kind: 'unknown', reason: 'unknown setting, not used here' }]);
  assert.deepEqual(status.problems.map((p) => p.path), ['theme']);
  assert.equal(status.version, 3);
  assert.deepEqual(wasm.created, [{ strictness: 'high', colour: 1 }], 'the engine sees its part only: no version, no theme');
});

test('settings changes are reapplied, tolerantly', async () => {
  const { engineHost } = host();
  await engineHost.applySettings({ engine: { strictness: 'low' } });
  assert.equal((await ask(engineHost, 1, 'a')).report.strictness, 'low');
  await engineHost.applySettings({ engine: { strictness: 'high', bogus: true } });
  assert.equal((await ask(engineHost, 2, 'a')).report.strictness, 'high');
  assert.deepEqual(engineHost.status().ignored.map((entry) => entry.path), ['bogus']);
});

test('bad requests and engine errors become error replies', async () => {
  const { engineHost, wasm } = host();
  assert.deepEqual(await engineHost.handle({ id: 4, type: 'nope' }), { id: 4, ok: false, error: 'request.type "nope" is not "analyze"' });
  assert.deepEqual(await ask(engineHost, 5, 'bad'), { id: 5, ok: false, error: 'engine refused the text' });
  assert.equal(wasm.resets, 0, 'an ordinary error is no reason to re-create the engine');
});

test('a wasm module that fails to load is reported in every reply', async () => {
  const { engineHost } = host({ init: async () => { throw new Error('CompileError: bad magic'); } });
  assert.deepEqual(await ask(engineHost, 9, 'x'), { id: 9, ok: false, error: 'engine failed to load: CompileError: bad magic' });
  assert.equal(engineHost.status().state, 'failed');
});

test('traps and borrow errors are told apart from ordinary errors', () => {
  assert.equal(isTrap(new WebAssembly.RuntimeError('unreachable')), true);
  assert.equal(isTrap(new Error('recursive use of an object detected which would lead to unsafe aliasing in rust')), true);
  assert.equal(isTrap(new Error('Invalid stale object from previous Wasm instance')), true);
  assert.equal(isTrap(new Error('unknown platform "myspace"')), false);
});

test('after a trap the engine is re-created from the current settings on a fresh instance, and the request is answered', async () => {
  let traps = 1;
  const wasm = fakeWasm({ trapOn: (text) => text === 'panic' && traps-- > 0 });
  const { engineHost, warnings } = host({ wasm, stored: { engine: { strictness: 'low' } } });
  await engineHost.applySettings({ engine: { strictness: 'high' } });
  const reply = await ask(engineHost, 1, 'panic');
  assert.deepEqual(reply, { id: 1, ok: true, report: { text: 'panic', options: { ...OPTIONS, brief: true }, strictness: 'high' } });
  assert.equal(wasm.resets, 1, 'a fresh instance');
  assert.deepEqual(wasm.created.at(-1), { strictness: 'high' }, 'built from the settings in force');
  assert.equal((await ask(engineHost, 2, 'next')).ok, true);
  assert.match(warnings.join('\n'), /the engine failed \(unreachable\); starting a fresh one/);
  assert.equal(engineHost.status().state, 'ready');
});

test('without recovery a trap would leave every later call failing (the fake models the glue)', () => {
  const wasm = fakeWasm({ trapOn: (text) => text === 'panic' });
  const engine = wasm.Engine.tolerant({});
  assert.throws(() => engine.analyze('panic', {}), WebAssembly.RuntimeError);
  assert.throws(() => engine.analyze('fine', {}), /recursive use of an object/);
});

test(`an engine that stays broken: at most ${MAX_RESTARTS} re-creations a minute, then every reply says Rapport stopped`, async () => {
  const wasm = fakeWasm({ trapOn: () => true });
  let clock = 0;
  const { engineHost } = host({ wasm, now: () => clock });
  const replies = [];
  for (let id = 1; id <= 4; id += 1) replies.push(await ask(engineHost, id, `draft ${id}`));
  assert.ok(replies.every((reply) => reply.ok === false));
  assert.deepEqual(replies.at(-1), { id: 4, ok: false, error: STOPPED_MESSAGE, stopped: true });
  assert.equal(wasm.resets, MAX_RESTARTS, 'no more fresh instances than the cap');
  assert.equal(engineHost.status().state, 'stopped');
  // Stopped stays stopped (no instance churn) until the user reloads it, even a minute later.
  clock += RESTART_WINDOW_MS * 2;
  assert.deepEqual(await ask(engineHost, 5, 'later'), { id: 5, ok: false, error: STOPPED_MESSAGE, stopped: true });
  assert.equal(wasm.resets, MAX_RESTARTS);
  // "Reload Rapport": a fresh count; this engine traps even on its warm-up, and stops again
  // after as many fresh instances.
  await engineHost.restart();
  assert.equal(engineHost.status().state, 'stopped');
  assert.equal(wasm.resets, 2 * MAX_RESTARTS);
  assert.equal((await ask(engineHost, 6, 'again')).stopped, true);
});

test('re-creations spread over more than the window do not stop the engine', async () => {
  let traps = 0;
  const wasm = fakeWasm({ trapOn: (text) => text === 'panic' && traps++ % 2 === 0 });
  let clock = 0;
  const { engineHost } = host({ wasm, now: () => clock });
  for (let id = 1; id <= MAX_RESTARTS * 2; id += 1) {
    clock += RESTART_WINDOW_MS / 2;
    assert.equal((await ask(engineHost, id, 'panic')).ok, true, `request ${id}`);
  }
  assert.equal(engineHost.status().state, 'ready');
  assert.equal(wasm.resets, MAX_RESTARTS * 2);
});

test('the user can start the engine again after it stopped, and it works when the fault has gone', async () => {
  let faulty = true;
  const wasm = fakeWasm({ trapOn: () => faulty });
  const { engineHost } = host({ wasm });
  for (let id = 1; id <= 4; id += 1) await ask(engineHost, id, 'x');
  assert.equal(engineHost.status().state, 'stopped');
  faulty = false;
  await engineHost.restart();
  assert.equal(engineHost.status().state, 'ready');
  assert.equal((await ask(engineHost, 5, 'x')).ok, true);
});

test('a request id is analysed once however often it is re-sent, in one session', async () => {
  const { engineHost, wasm } = host();
  const session = engineHost.session();
  const first = await Promise.all([ask(engineHost, 7, 'slow draft', session), ask(engineHost, 7, 'slow draft', session), ask(engineHost, 7, 'slow draft', session)]);
  const later = await ask(engineHost, 7, 'slow draft', session);
  assert.deepEqual(wasm.analysed.filter((text) => text === 'slow draft'), ['slow draft'], 'analysed once');
  for (const reply of [...first, later]) assert.deepEqual(reply, first[0]);
  // Another port's id 7 is its own request.
  await ask(engineHost, 7, 'slow draft', engineHost.session());
  assert.equal(wasm.analysed.filter((text) => text === 'slow draft').length, 2);
});
