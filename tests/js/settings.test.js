import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_SETTINGS, errorLocation, exportSettings, normalizeSettings, parseImport, parseList, ruleOn, ruleSetOn, SETTINGS_KEY,
  siteEnabled, storedSize, strictnessOf, withEngineList, withoutSite, withPaused, withRule, withRuleOff, withRuleSet, withSite, withStrictness,
} from '../../extension/lib/settings.js';

test('stored under "settings"', () => assert.equal(SETTINGS_KEY, 'settings'));

// stored value → settings, problems
const CASES = [
  [undefined, { paused: false, engine: {}, sites: {} }, []],
  [null, { paused: false, engine: {}, sites: {} }, []],
  [{}, { paused: false, engine: {}, sites: {} }, []],
  [{ paused: true }, { paused: true, engine: {}, sites: {} }, []],
  [{ engine: { rules: { pitch: false } } }, { paused: false, engine: { rules: { pitch: false } }, sites: {} }, []],
  ['on', { paused: false, engine: {}, sites: {} }, ['settings must be an object; using defaults']],
  [[1], { paused: false, engine: {}, sites: {} }, ['settings must be an object; using defaults']],
  [{ paused: 'yes' }, { paused: false, engine: {}, sites: {} }, ['settings.paused must be true or false; using false']],
  [{ engine: [] }, { paused: false, engine: {}, sites: {} }, ['settings.engine must be an object; using {}']],
  [{ paused: true, theme: 'dark' }, { paused: true, engine: {}, sites: {} }, ['settings.theme is unknown; ignored']],
  [{ sites: { 'example.social': { enabled: true, platform: 'mastodon' } } }, { paused: false, engine: {}, sites: { 'example.social': { enabled: true, platform: 'mastodon' } } }, []],
  [{ sites: { 'bad host!': { enabled: true } } }, { paused: false, engine: {}, sites: {} }, ['settings.sites["bad host!"]: not a host name; ignored']],
  [{ sites: { 'a.b': { enabled: 'yes' } } }, { paused: false, engine: {}, sites: { 'a.b': {} } }, ['settings.sites["a.b"].enabled is not valid; ignored']],
  [{ sites: [] }, { paused: false, engine: {}, sites: {} }, ['settings.sites must be an object; using {}']],
  [{ reminders: { pitch: 'all' } }, { paused: false, engine: {}, sites: {}, reminders: { pitch: 'all' } }, []],
  [{ reminders: { pitch: 'loud' } }, { paused: false, engine: {}, sites: {} }, ['settings.reminders.pitch is not valid; ignored']],
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

const base = () => normalizeSettings(undefined).settings;
const RULE = { id: 'pitch.urgency', default_on: true };
const OFF_BY_DEFAULT = { id: 'x.y', default_on: false };

// operation → expected engine/sites part
test('site switches: built-in sites default on, other hosts default off', () => {
  const s = base();
  assert.equal(siteEnabled(s, 'x.com', true), true);
  assert.equal(siteEnabled(s, 'example.social', false), false);
  assert.equal(siteEnabled(withSite(s, 'x.com', { enabled: false }), 'x.com', true), false);
  assert.equal(siteEnabled(withSite(s, 'example.social', { enabled: true }), 'example.social', false), true);
  assert.deepEqual(withoutSite(withSite(s, 'a.b', { enabled: true }), 'a.b').sites, {});
  assert.deepEqual(withSite(withSite(s, 'a.b', { enabled: true }), 'a.b', { platform: 'x' }).sites, { 'a.b': { enabled: true, platform: 'x' } });
});

test('rule sets, rules, strictness', () => {
  const s = base();
  assert.equal(ruleSetOn(s, 'pitch'), true);
  assert.equal(ruleSetOn(withRuleSet(s, 'pitch', false), 'pitch'), false);
  assert.deepEqual(withRuleSet(withRuleSet(s, 'pitch', false), 'tone', false).engine, { rule_sets: { pitch: false, tone: false } });
  assert.equal(ruleOn(s, RULE), true);
  assert.deepEqual(withRule(s, RULE, false).engine.rules, { 'pitch.urgency': false });
  assert.deepEqual(withRule(withRule(s, RULE, false), RULE, true).engine.rules, {}, 'back at its default: dropped');
  assert.deepEqual(withRule(s, OFF_BY_DEFAULT, true).engine.rules, { 'x.y': true });
  assert.deepEqual(withRuleOff(s, 'shouting.caps').engine.rules, { 'shouting.caps': false });
  assert.equal(strictnessOf(s), 'medium');
  assert.equal(strictnessOf(withStrictness(s, 'high')), 'high');
  assert.deepEqual(withEngineList(withEngineList(s, 'brands', ['Acme']), 'acronyms', []).engine, { brands: ['Acme'] });
});

const LISTS = [
  ['', []],
  ['Acme', ['Acme']],
  ['Acme, Rapport\nACME Corp', ['Acme', 'Rapport', 'ACME Corp']],
  [' a ,, a ,b\n\n', ['a', 'b']],
];
for (const [text, list] of LISTS) test(`parseList(${JSON.stringify(text)})`, () => assert.deepEqual(parseList(text), list));

test('export then import gives the same settings', () => {
  const s = withSite(withRuleSet(base(), 'pitch', false), 'example.social', { enabled: true });
  assert.deepEqual(parseImport(exportSettings(s)), { settings: s });
});

// file text → the reason it is refused
const REFUSED = [
  ['not json', /^not JSON/],
  ['[]', /not a Rapport settings file/],
  ['{"settings":{}}', /not a Rapport settings file/],
  ['{"format":"rapport-settings","version":2,"settings":{}}', /version 2 is not supported/],
  ['{"format":"rapport-settings","version":1}', /"settings" must be an object/],
  ['{"format":"rapport-settings","version":1,"settings":{"paused":"no"}}', /settings.paused must be true or false/],
  ['{"format":"rapport-settings","version":1,"settings":{"colour":1}}', /settings.colour is unknown/],
  [JSON.stringify({ format: 'rapport-settings', version: 1, settings: { engine: { brands: Array(900).fill('Acme brand') } } }), /too large for browser sync storage/],
];
for (const [text, reason] of REFUSED) {
  test(`parseImport refuses ${text.slice(0, 60)}`, () => assert.match(parseImport(text).error, reason));
}

test('storedSize counts UTF-8 bytes', () => assert.equal(storedSize({ a: 'é' }), 'settings'.length + '{"a":"é"}'.length + 1));

const LOCATIONS = [
  ['invalid settings at `custom_rules[2].regex`: custom rule `x`: regex does not compile', { field: 'custom_rules', index: 2, key: 'regex', path: 'custom_rules[2].regex', reason: 'custom rule `x`: regex does not compile' }],
  ['invalid settings at `brands`: invalid type', { field: 'brands', index: null, key: null, path: 'brands', reason: 'invalid type' }],
  ['something else', null],
];
for (const [message, where] of LOCATIONS) test(`errorLocation(${message.slice(0, 40)})`, () => assert.deepEqual(errorLocation(message), where));
