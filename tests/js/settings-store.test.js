// The settings store: read-modify-write one at a time, a failed write that does not poison the
// next, quick changes folded into one write, storage.sync's write rate respected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withCustomRules, withPaused, withRuleSet } from '../../extension/lib/settings.js';
import { createSettingsStore, loadSettingsFrom } from '../../extension/lib/settings-store.js';
import { SYNC_LIMITS } from '../../extension/lib/settings-storage.js';

/** A storage area in memory; `failNext` makes the next set() reject like Chrome does. */
function memoryArea(initial = {}) {
  const area = {
    items: structuredClone(initial),
    sets: [],
    removes: [],
    failNext: null,
    async get() {
      return structuredClone(area.items);
    },
    async set(items) {
      if (area.failNext) {
        const error = new Error(area.failNext);
        area.failNext = null;
        throw error;
      }
      area.sets.push(Object.keys(items).sort());
      Object.assign(area.items, structuredClone(items));
    },
    async remove(keys) {
      area.removes.push(keys);
      for (const key of keys) delete area.items[key];
    },
  };
  return area;
}

/** A clock and timers the test moves by hand. */
function manualTime() {
  const time = { now: 0, timers: [] };
  time.setTimer = (callback, ms) => time.timers.push({ at: time.now + ms, callback });
  time.advance = async (ms) => {
    const end = time.now + ms;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      time.timers.sort((a, b) => a.at - b.at);
      const next = time.timers[0];
      if (!next || next.at > end) break;
      time.timers.shift();
      time.now = next.at;
      next.callback();
    }
    time.now = end;
    await new Promise((resolve) => setImmediate(resolve));
  };
  return time;
}

const store = (area, time, options = {}) => createSettingsStore({ area, now: () => time.now, setTimer: time.setTimer, ...options });

test('a failed write rejects its change with a reason; the next write goes ahead (the queue is not poisoned)', async () => {
  const area = memoryArea();
  const time = manualTime();
  const settings = store(area, time);
  area.failNext = 'QUOTA_BYTES quota exceeded';
  const failed = settings.update((s) => withPaused(s, true));
  const outcome = failed.then(() => 'written', (error) => error.message);
  await time.advance(0);
  assert.match(await outcome, /^browser sync storage is full \(QUOTA_BYTES quota exceeded\)$/);
  assert.equal(area.items.settings, undefined, 'nothing stored');
  const next = settings.update((s) => withRuleSet(s, 'pitch', false));
  await time.advance(1000);
  assert.deepEqual((await next).engine, { rule_sets: { pitch: false } });
  assert.equal(area.items.settings.engine.rule_sets.pitch, false);
});

test('each change applies to the latest stored settings: a change made meanwhile elsewhere survives', async () => {
  const area = memoryArea();
  const time = manualTime();
  const settings = store(area, time);
  // The page read its settings long ago; the popup paused Rapport since.
  area.items.settings = { version: 2, paused: true, engine: {}, sites: {} };
  const written = settings.update((s) => withRuleSet(s, 'tone', false));
  await time.advance(0);
  await written;
  assert.equal(area.items.settings.paused, true);
  assert.equal(area.items.settings.engine.rule_sets.tone, false);
});

test('a check that refuses leaves storage as it was, and says why; a change checked meanwhile keeps what another page wrote during the check', async () => {
  const area = memoryArea({ settings: { version: 2, paused: false, engine: {}, sites: {} } });
  const time = manualTime();
  const settings = store(area, time);
  const refused = settings.update((s) => withRuleSet(s, 'tone', false), async () => {
    throw new Error('custom_rules[0].regex: does not compile');
  });
  const outcome = refused.then(() => 'written', (error) => error.message);
  await time.advance(0);
  assert.equal(await outcome, 'custom_rules[0].regex: does not compile');
  assert.deepEqual(area.sets, []);
  // The engine's check takes a while; the popup pauses Rapport meanwhile.
  let release;
  const checked = settings.update((s) => withRuleSet(s, 'tone', false), () => new Promise((resolve) => { release = resolve; }));
  await time.advance(1000);
  area.items.settings = { ...area.items.settings, paused: true };
  release();
  await time.advance(0);
  assert.equal((await checked).paused, true);
  assert.deepEqual(area.items.settings.engine, { rule_sets: { tone: false } });
  assert.equal(area.items.settings.paused, true);
});

test(`quick toggles share one write; storage.sync's ${SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_MINUTE} writes a minute are never exceeded`, async () => {
  const area = memoryArea();
  const time = manualTime();
  const settings = store(area, time, { minIntervalMs: 500 });
  // 1,000 clicks, one every 20 ms (20 s of frantic clicking), then a pause.
  const all = [];
  for (let i = 0; i < 1000; i += 1) {
    all.push(settings.update((s) => withRuleSet(s, 'pitch', i % 2 === 0)));
    await time.advance(20);
  }
  await time.advance(5000);
  await Promise.all(all);
  assert.equal(area.items.settings.engine.rule_sets.pitch, false, 'the last click wins');
  assert.ok(area.sets.length <= 42, `${area.sets.length} writes for 1,000 clicks over 20 s`);
  // And a tighter limit is respected over a whole minute of clicking, a click every 10 ms.
  const tight = memoryArea();
  const limited = store(tight, time, { minIntervalMs: 0, limits: { ...SYNC_LIMITS, MAX_WRITE_OPERATIONS_PER_MINUTE: 10 } });
  const start = time.now;
  const writes = [];
  const original = tight.set;
  tight.set = async (items) => {
    writes.push(time.now - start);
    return original(items);
  };
  for (let i = 0; i < 6000; i += 1) {
    void limited.update((s) => withRuleSet(s, 'tone', i % 2 === 0));
    await time.advance(10);
  }
  for (let i = 0; i < writes.length; i += 1) {
    const inMinute = writes.filter((at) => at > writes[i] - 60_000 && at <= writes[i]).length;
    assert.ok(inMinute <= 10, `${inMinute} writes in the minute before ${writes[i]} ms`);
  }
});

test('custom rules are written to their own items, and a shrinking list removes the items no longer used', async () => {
  const area = memoryArea();
  const time = manualTime();
  const settings = store(area, time);
  const rules = Array.from({ length: 80 }, (_, i) => ({ id: `rule${i}`, phrases: ['x'.repeat(300)], message: 'm' }));
  const many = settings.update((s) => withCustomRules(s, rules));
  await time.advance(0);
  await many;
  const parts = Object.keys(area.items).filter((key) => key.startsWith('custom_rules.'));
  assert.ok(parts.length >= 3, `${parts.length} items`);
  assert.deepEqual((await loadSettingsFrom(area)).settings.engine.custom_rules, rules);
  const fewer = settings.update((s) => withCustomRules(s, rules.slice(0, 1)));
  await time.advance(1000);
  await fewer;
  assert.deepEqual(Object.keys(area.items).sort(), ['custom_rules.0', 'settings']);
});

test('version 1 settings (the custom rules inside) are moved to the new layout by the first write', async () => {
  const v1 = { paused: false, engine: { rules: { 'custom.a': false, 'custom.gone': false }, custom_rules: [{ id: 'a', phrases: ['a'], message: 'm' }] }, sites: {} };
  const area = memoryArea({ settings: v1 });
  const time = manualTime();
  const settings = store(area, time);
  const written = settings.update((s) => withPaused(s, true));
  await time.advance(0);
  await written;
  assert.deepEqual(area.items, {
    settings: { version: 2, paused: true, engine: { rules: {} }, sites: {}, custom_rule_items: 1 },
    'custom_rules.0': [{ id: 'a', phrases: ['a'], message: 'm', enabled: false }],
  });
});
