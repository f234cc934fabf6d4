// The engine host with the real wasm build in Node: an engine broken the two ways the glue can be
// broken is re-created on a fresh instance (wasm-bindgen's __wbg_reset_state) from the current
// settings; one that stays broken stops, and says so.
//   - a JS exception through wasm frames (here: the clock import the regex budget reads) leaves
//     the Engine's borrow flag set: every later call throws "recursive use of an object detected",
//     exactly what a trap with panic = "abort" leaves;
//   - a trap (here: the instance's memory overwritten) throws RuntimeError, and the instance
//     cannot be trusted again.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createEngineHost, MAX_RESTARTS, STOPPED_MESSAGE } from '../../extension/lib/engine-host.js';
import { analyzeRequest } from '../../extension/lib/protocol.js';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../extension/pkg');
assert.ok(fs.existsSync(path.join(pkg, 'rapport_bg.wasm')), 'extension/pkg is missing: run ./build.sh');
const glue = await import(path.join(pkg, 'rapport.js'));
const module = new WebAssembly.Module(fs.readFileSync(path.join(pkg, 'rapport_bg.wasm')));
/** The current instance's exports (initSync returns them once initialised). */
const exports = () => glue.initSync({ module });
const trash = () => new Uint8Array(exports().memory.buffer).fill(0xff);

const SETTINGS = { version: 2, engine: { custom_rules: [{ id: 'lev', regex: '\\blev\\w*', message: 'Jargon' }] } };
const TEXT = 'We leverage synergy';
const OPTIONS = { platform: 'x', context: 'post' };

function host({ afterReset = () => {} } = {}) {
  const warnings = [];
  let resets = 0;
  const engineHost = createEngineHost({
    init: async () => {
      glue.initSync({ module });
    },
    Engine: glue.Engine,
    reset: () => {
      resets += 1;
      glue.__wbg_reset_state();
      afterReset();
    },
    readSettings: async () => SETTINGS,
    warn: (message) => warnings.push(message),
    checkConfig: glue.validate_config_tolerant,
    listRules: glue.rules,
  });
  return { engineHost, warnings, resets: () => resets };
}

test('a borrow flag left set (every later call: "recursive use of an object detected") → a fresh instance, the same settings, the request answered', async () => {
  const { engineHost, resets } = host();
  const first = await engineHost.handle(analyzeRequest(1, TEXT, OPTIONS));
  // The report crosses as the engine's JSON text (parsed once, in the content script).
  assert.deepEqual(JSON.parse(first.report).hints.map((hint) => hint.rule), ['custom.lev']);
  // The clock throws during one analysis: the exception leaves wasm with the Engine borrowed.
  const now = Date.now;
  Date.now = () => {
    throw new Error('clock broke');
  };
  try {
    assert.deepEqual(await engineHost.handle(analyzeRequest(2, TEXT, OPTIONS)), { id: 2, ok: false, error: 'clock broke' });
  } finally {
    Date.now = now;
  }
  const after = await engineHost.handle(analyzeRequest(3, TEXT, OPTIONS));
  assert.equal(after.ok, true, `answered after the engine was re-created: ${after.error}`);
  assert.deepEqual(JSON.parse(after.report).hints.map((hint) => hint.rule), ['custom.lev'], 'with the custom rule of the settings in force');
  assert.equal(resets(), 1);
  assert.equal(engineHost.status().state, 'ready');
  // The module functions run on the fresh instance too.
  assert.ok((await engineHost.rules()).length > 20);
  assert.deepEqual(await engineHost.check({ colour: 1 }), [{ path: 'colour', reason: 'unknown setting, not used here', kind: 'unknown' }]);
});

test('a trap (memory overwritten) on every fresh instance: the engine stops after the cap and every reply says so', async () => {
  const { engineHost, resets } = host({ afterReset: trash });
  assert.equal((await engineHost.handle(analyzeRequest(1, TEXT, OPTIONS))).ok, true);
  trash();
  const replies = [];
  for (let id = 2; id <= 5; id += 1) replies.push(await engineHost.handle(analyzeRequest(id, TEXT, OPTIONS)));
  assert.equal(resets(), MAX_RESTARTS);
  assert.deepEqual(replies.at(-1), { id: 5, ok: false, error: STOPPED_MESSAGE, stopped: true });
  assert.equal(engineHost.status().state, 'stopped');
});
