// How settings lie in storage.sync, sizes as Chromium counts them, and what a write may take.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeSettings, withCustomRules } from '../../extension/lib/settings.js';
import { CUSTOM_RULE_ITEMS, describeStorageError, itemBytes, joinItems, jsonBytes, planWrite, splitSettings, SYNC_LIMITS } from '../../extension/lib/settings-storage.js';

// value → bytes as base::JSONWriter writes it (Chromium's quota count)
const SIZES = [
  ['a', 3],
  ['é', 4],
  ['中', 5],
  ['😀', 6],
  ['<', 8], // \u003C
  ['<b>', 10], // only "<" is escaped
  ['\u2028', 8], // \u2028
  ['\n"\\', 8], // \n \" \\
  ['\u0001', 8], // \u0001
  ['\ud800', 8], // a lone surrogate: Firefox's \ud800 (Chromium writes U+FFFD, 3 bytes)
  [1, 1],
  [-12, 3],
  [1.5, 3],
  [2 ** 31, 12], // not an int32: a double, "2147483648.0"
  [true, 4],
  [null, 4],
  [[], 2],
  [[1, 'a'], 7],
  [{ a: 1, b: undefined }, 7],
  [{ '<': '<' }, 19], // keys are escaped too
];
for (const [value, bytes] of SIZES) test(`jsonBytes(${JSON.stringify(value)}) = ${bytes}`, () => assert.equal(jsonBytes(value), bytes));

test('an item counts its key and its value; JSON.stringify would count "<" as 1 byte, Chromium as 6', () => {
  const value = { phrases: ['<3 this'] };
  assert.equal(itemBytes('settings', value), 8 + JSON.stringify(value).length + 5);
});

const rule = (id, size = 400) => ({ id, phrases: ['x'.repeat(size)], message: 'Jargon' });
const settingsWith = (rules) => withCustomRules(normalizeSettings({}).settings, rules);

test('custom rules are split across items, each under the item limit, and read back joined in order', () => {
  const rules = Array.from({ length: 120 }, (_, i) => rule(`rule${i}`));
  const items = splitSettings(settingsWith(rules));
  const parts = Object.keys(items).filter((key) => key.startsWith('custom_rules.'));
  assert.ok(parts.length >= 6, `${parts.length} items`);
  assert.equal(items.settings[CUSTOM_RULE_ITEMS], parts.length);
  for (const [key, value] of Object.entries(items)) assert.ok(itemBytes(key, value) <= SYNC_LIMITS.QUOTA_BYTES_PER_ITEM, `${key}: ${itemBytes(key, value)}`);
  const total = Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  assert.ok(total > 4 * SYNC_LIMITS.QUOTA_BYTES_PER_ITEM, `${total} bytes of rules: far more than the one item of version 1 held`);
  const back = normalizeSettings(joinItems(items).stored).settings;
  assert.deepEqual(back.engine.custom_rules, rules);
});

test('a part that has not arrived from sync is named; the rules that did arrive apply', () => {
  const items = splitSettings(settingsWith(Array.from({ length: 60 }, (_, i) => rule(`rule${i}`))));
  delete items['custom_rules.1'];
  const { stored, problems } = joinItems(items);
  assert.equal(problems.length, 1);
  assert.match(problems[0].reason, /part 2 of \d+ of the custom rules has not arrived/);
  assert.ok(stored.engine.custom_rules.length > 0 && stored.engine.custom_rules.length < 60);
});

test('a write sets only what changed and removes the custom-rule items no longer used', () => {
  const many = splitSettings(settingsWith(Array.from({ length: 60 }, (_, i) => rule(`rule${i}`))));
  const fewer = settingsWith([rule('only')]);
  const plan = planWrite(many, fewer);
  assert.deepEqual(Object.keys(plan.set).sort(), ['custom_rules.0', 'settings']);
  assert.deepEqual(plan.remove, Object.keys(many).filter((key) => key.startsWith('custom_rules.') && key !== 'custom_rules.0').sort());
  assert.deepEqual(planWrite(splitSettings(fewer), fewer).set, {}, 'nothing changed: nothing to write');
});

test('a write storage.sync would refuse is refused first, naming the size and the limit', () => {
  assert.throws(() => planWrite({}, settingsWith([rule('huge', 9000)])), /custom rule "huge" is too large for browser sync \(9,\d{3} bytes; one rule may take 8,192\)/);
  const tooMany = settingsWith(Array.from({ length: 300 }, (_, i) => rule(`rule${i}`, 390)));
  assert.throws(() => planWrite({}, tooMany), /the settings would take 1\d\d,\d{3} bytes, and all of Rapport's may take 102,400/);
  const brands = { ...settingsWith([]), engine: { brands: Array.from({ length: 200 }, (_, i) => `Brand number ${i} <with> angle brackets`) } };
  assert.throws(() => planWrite({}, brands), /the settings without the custom rules take [\d,]+ bytes, and one item may take 8,192/);
  // Other items in the area count towards the total too.
  assert.throws(() => planWrite({ other: 'x'.repeat(100_000) }, settingsWith([rule('a', 3000)])), /would take/);
});

test('storage errors are told in words', () => {
  assert.match(describeStorageError(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded')), /^too many changes in a short time/);
  assert.match(describeStorageError(new Error('QUOTA_BYTES quota exceeded')), /^browser sync storage is full/);
  // Chromium 156's wording (seen in tests/e2e/reliability.test.mjs).
  assert.match(describeStorageError(new Error('Resource::kQuotaBytesPerItem quota exceeded')), /^too large for one browser sync item/);
  assert.match(describeStorageError(new Error('Resource::kQuotaBytes quota exceeded')), /^browser sync storage is full/);
  assert.equal(describeStorageError(new Error('something else')), 'something else');
});
