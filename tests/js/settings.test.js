import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_KEY, withPaused } from '../../extension/lib/settings.js';

test('stored under "settings"', () => assert.equal(SETTINGS_KEY, 'settings'));

// stored value → settings, problems
const CASES = [
  [undefined, { paused: false, engine: {} }, []],
  [null, { paused: false, engine: {} }, []],
  [{}, { paused: false, engine: {} }, []],
  [{ paused: true }, { paused: true, engine: {} }, []],
  [{ engine: { rules: { pitch: false } } }, { paused: false, engine: { rules: { pitch: false } } }, []],
  ['on', { paused: false, engine: {} }, ['settings must be an object; using defaults']],
  [[1], { paused: false, engine: {} }, ['settings must be an object; using defaults']],
  [{ paused: 'yes' }, { paused: false, engine: {} }, ['settings.paused must be true or false; using false']],
  [{ engine: [] }, { paused: false, engine: {} }, ['settings.engine must be an object; using {}']],
  [{ paused: true, theme: 'dark' }, { paused: true, engine: {} }, ['settings.theme is unknown; ignored']],
];

for (const [stored, settings, problems] of CASES) {
  test(`normalizeSettings(${JSON.stringify(stored)})`, () => {
    assert.deepEqual(normalizeSettings(stored), { settings, problems });
  });
}

test('normalizeSettings copies the engine config (no aliasing of stored objects)', () => {
  const stored = { engine: { a: { b: 1 } } };
  const { settings } = normalizeSettings(stored);
  settings.engine.a.b = 2;
  assert.equal(stored.engine.a.b, 1);
});

test('withPaused', () => {
  assert.deepEqual(withPaused({ paused: false, engine: { a: 1 } }, true), { paused: true, engine: { a: 1 } });
  assert.equal(DEFAULT_SETTINGS.paused, false);
});
