import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  commaLines, DEFAULT_SETTINGS, engineConfigOf, exportSettings, MIGRATIONS, normalizeSettings, parseImport, parseLines, pathLocation,
  ruleOn, ruleSetOn, SETTINGS_KEY, SETTINGS_VERSION, siteEnabled, splitAtCommas, strictnessOf, withCustomRules, withEngineList,
  withoutSite, withPaused, withRule, withRuleOff, withRuleSet, withSite, withStrictness,
} from '../../extension/lib/settings.js';
import { joinItems, splitSettings } from '../../extension/lib/settings-storage.js';

test('stored under "settings", schema version 2', () => {
  assert.equal(SETTINGS_KEY, 'settings');
  assert.equal(SETTINGS_VERSION, 2);
  assert.equal(DEFAULT_SETTINGS.version, 2);
});

const V = SETTINGS_VERSION;
const unknown = (path, reason = 'unknown setting, kept and not used here') => ({ path, kind: 'unknown', reason });
const invalid = (path, reason) => ({ path, kind: 'invalid', reason });

// stored value → settings, problems
const CASES = [
  [undefined, { version: V, paused: false, engine: {}, sites: {} }, []],
  [null, { version: V, paused: false, engine: {}, sites: {} }, []],
  [{}, { version: V, paused: false, engine: {}, sites: {} }, []],
  [{ paused: true }, { version: V, paused: true, engine: {}, sites: {} }, []],
  [{ engine: { rules: { pitch: false } } }, { version: V, paused: false, engine: { rules: { pitch: false } }, sites: {} }, []],
  ['on', { version: V, paused: false, engine: {}, sites: {} }, [invalid('settings', 'must be an object; using the defaults')]],
  [[1], { version: V, paused: false, engine: {}, sites: {} }, [invalid('settings', 'must be an object; using the defaults')]],
  [{ paused: 'yes' }, { version: V, paused: false, engine: {}, sites: {} }, [invalid('paused', 'must be true or false; using false')]],
  [{ engine: [] }, { version: V, paused: false, engine: {}, sites: {} }, [invalid('engine', 'must be an object; using the defaults')]],
  [{ version: 'two' }, { version: V, paused: false, engine: {}, sites: {} }, [invalid('version', 'must be a whole number from 1; read as version 1')]],
  // A field this version does not know is kept, not used, and named.
  [{ paused: true, theme: 'dark' }, { version: V, paused: true, engine: {}, sites: {}, theme: 'dark' }, [unknown('theme')]],
  [{ sites: { 'example.social': { enabled: true, platform: 'mastodon' } } }, { version: V, paused: false, engine: {}, sites: { 'example.social': { enabled: true, platform: 'mastodon' } } }, []],
  [{ sites: { 'bad host!': { enabled: true } } }, { version: V, paused: false, engine: {}, sites: {} }, [invalid('sites["bad host!"]', 'not a host name; dropped')]],
  [{ sites: { 'a.b': { enabled: 'yes' } } }, { version: V, paused: false, engine: {}, sites: { 'a.b': {} } }, [invalid('sites["a.b"].enabled', 'must be true or false; dropped')]],
  [{ sites: { 'a.b': { enabled: true, reminders: 'all' } } }, { version: V, paused: false, engine: {}, sites: { 'a.b': { enabled: true, reminders: 'all' } } }, [unknown('sites["a.b"].reminders', 'unknown site setting, kept and not used here')]],
  [{ sites: [] }, { version: V, paused: false, engine: {}, sites: {} }, [invalid('sites', 'must be an object; using none')]],
  // The reminder's setting: kept when valid; a newer version's kind kept and named.
  [{ reminders: { pitch: 'all' } }, { version: V, paused: false, engine: {}, sites: {}, reminders: { pitch: 'all' } }, []],
  [{ reminders: { pitch: 'loud' } }, { version: V, paused: false, engine: {}, sites: {} }, [invalid('reminders.pitch', 'must be one of off, replies, all; using the default')]],
  [{ reminders: { kindness: 'all' } }, { version: V, paused: false, engine: {}, sites: {}, reminders: { kindness: 'all' } }, [unknown('reminders.kindness', 'unknown reminder, kept and not used here')]],
];

for (const [stored, settings, problems] of CASES) {
  test(`normalizeSettings(${JSON.stringify(stored)})`, () => {
    const read = normalizeSettings(stored);
    assert.deepEqual({ settings: read.settings, problems: read.problems }, { settings, problems });
  });
}

test('normalizeSettings copies what is stored (no aliasing of stored objects)', () => {
  const stored = { engine: { a: { b: 1 } }, extra: { c: 1 } };
  const { settings } = normalizeSettings(stored);
  settings.engine.a.b = 2;
  settings.extra.c = 2;
  assert.deepEqual(stored, { engine: { a: { b: 1 } }, extra: { c: 1 } });
});

// ---- migrations: one test each, and one for settings written by a newer version -----------

test('every migration goes up one version, from 1 to SETTINGS_VERSION', () => {
  assert.deepEqual(MIGRATIONS.map((m) => m.from), Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 1));
});

test('migration 1 → 2: a custom rule turned off from its card ("rules.custom.<id>": false) becomes its own enabled: false; orphaned switches go', () => {
  // Version 1 settings (no version field), as today's main wrote them.
  const v1 = {
    paused: false,
    engine: {
      rules: { 'pitch.urgency': false, 'custom.synergy': false, 'custom.gone': false, 'custom.back': true },
      custom_rules: [
        { id: 'synergy', phrases: ['synergy'], message: 'Jargon' },
        { id: 'back', phrases: ['circle back'], message: 'Jargon', enabled: false },
        { id: 'other', regex: '\\bleverage\\b', message: 'Jargon' },
      ],
    },
    sites: {},
  };
  const { settings, problems, version } = normalizeSettings(v1);
  assert.equal(version, 1, 'read as version 1');
  assert.equal(settings.version, 2, 'written as version 2');
  assert.deepEqual(problems, []);
  assert.deepEqual(settings.engine.rules, { 'pitch.urgency': false }, 'built-in switches stay; every custom switch is folded or dropped');
  assert.deepEqual(settings.engine.custom_rules, [
    { id: 'synergy', phrases: ['synergy'], message: 'Jargon', enabled: false },
    { id: 'back', phrases: ['circle back'], message: 'Jargon' },
    { id: 'other', regex: '\\bleverage\\b', message: 'Jargon' },
  ]);
  // Its storage layout: the custom rules inside the one item (read as is), moved out by the next write.
  assert.deepEqual(joinItems({ settings: v1 }).stored, v1);
  const items = splitSettings(settings);
  assert.deepEqual(Object.keys(items), ['settings', 'custom_rules.0']);
  assert.equal(items.settings.engine.custom_rules, undefined);
  assert.equal(items.settings.custom_rule_items, 1);
});

test('version 2 settings are not migrated again', () => {
  const v2 = { version: 2, engine: { rules: { 'custom.x': false }, custom_rules: [{ id: 'x', phrases: ['x'], message: 'm' }] } };
  assert.deepEqual(normalizeSettings(v2).settings.engine, v2.engine, 'a later switch is the engine\'s to judge (it lists it)');
});

test('settings written by a newer version: read as well as this version can, every unknown part kept through a round trip', () => {
  const v3 = {
    version: 3,
    paused: true,
    theme: 'dark',
    engine: { strictness: 'extreme', rules: { 'pitch.hype': false, 'future.rule': false }, future_field: { a: 1 }, custom_rules: [{ id: 'x', phrases: ['x'], message: 'm', color: 'red' }] },
    sites: { 'x.com': { enabled: false, reminders: 'replies' } },
  };
  const { settings, problems, version } = normalizeSettings(v3);
  assert.equal(version, 3);
  assert.equal(settings.version, 3, 'keeps its version: this one does not write it down');
  assert.equal(settings.paused, true, 'what this version knows applies');
  assert.deepEqual(problems.map((p) => `${p.kind} ${p.path}`), ['unknown sites["x.com"].reminders', 'unknown theme']);
  // This version changes one thing; everything it does not know is written back as it was.
  const changed = withRuleSet(withSite(settings, 'x.com', { enabled: true }), 'pitch', false);
  const items = splitSettings(changed);
  const back = normalizeSettings(joinItems(JSON.parse(JSON.stringify(items))).stored).settings;
  assert.deepEqual(back, {
    ...v3,
    engine: { ...v3.engine, rule_sets: { pitch: false } },
    sites: { 'x.com': { enabled: true, reminders: 'replies' } },
  });
});

test('the engine is given its part alone: no schema version, pause, sites or extension-only field', () => {
  const settings = normalizeSettings({ version: 2, paused: true, reminders: { hostility: 'all' }, engine: { strictness: 'high' }, sites: { 'a.b': { enabled: true } } }).settings;
  assert.deepEqual(engineConfigOf(settings), { strictness: 'high' });
});

test('withPaused', () => {
  assert.deepEqual(withPaused({ paused: false, engine: { a: 1 } }, true), { paused: true, engine: { a: 1 } });
  assert.equal(DEFAULT_SETTINGS.paused, false);
});

const base = () => normalizeSettings(undefined).settings;
const RULE = { id: 'pitch.urgency', default_on: true };
const OFF_BY_DEFAULT = { id: 'x.y', default_on: false };

test('site switches: built-in sites default on, other hosts default off', () => {
  const s = base();
  assert.equal(siteEnabled(s, 'x.com', true), true);
  assert.equal(siteEnabled(s, 'example.social', false), false);
  assert.equal(siteEnabled(withSite(s, 'x.com', { enabled: false }), 'x.com', true), false);
  assert.equal(siteEnabled(withSite(s, 'example.social', { enabled: true }), 'example.social', false), true);
  assert.deepEqual(withoutSite(withSite(s, 'a.b', { enabled: true }), 'a.b').sites, {});
  assert.deepEqual(withSite(withSite(s, 'a.b', { enabled: true }), 'a.b', { platform: 'x' }).sites, { 'a.b': { enabled: true, platform: 'x' } });
  assert.deepEqual(withSite(withSite(s, 'a.b', { platform: 'x' }), 'a.b', { platform: undefined }).sites, { 'a.b': {} }, 'undefined removes the key');
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

test('a custom rule turned off from its card sets its own enabled: false, not a rule switch', () => {
  const s = withCustomRules(base(), [{ id: 'synergy', phrases: ['synergy'], message: 'Jargon' }, { id: 'other', phrases: ['x'], message: 'm' }]);
  const off = withRuleOff(s, 'custom.synergy');
  assert.deepEqual(off.engine.custom_rules, [{ id: 'synergy', phrases: ['synergy'], message: 'Jargon', enabled: false }, { id: 'other', phrases: ['x'], message: 'm' }]);
  assert.equal(off.engine.rules, undefined, 'no rules["custom.synergy"]');
  assert.equal(withRuleOff(s, 'custom.gone'), s, 'a rule that is gone: nothing to switch');
  // Deleting or renaming it afterwards leaves nothing behind that names it.
  const renamed = withCustomRules(off, [{ id: 'synergy2', phrases: ['synergy'], message: 'Jargon', enabled: false }]);
  assert.deepEqual(renamed.engine, { custom_rules: [{ id: 'synergy2', phrases: ['synergy'], message: 'Jargon', enabled: false }] });
});

test('saving custom rules drops orphaned rules["custom.*"] switches and folds live ones', () => {
  const s = { ...base(), engine: { rules: { 'custom.gone': false, 'custom.kept': false, 'pitch.hype': false } } };
  const saved = withCustomRules(s, [{ id: 'kept', phrases: ['k'], message: 'm' }]);
  assert.deepEqual(saved.engine, { rules: { 'pitch.hype': false }, custom_rules: [{ id: 'kept', phrases: ['k'], message: 'm', enabled: false }] });
  assert.deepEqual(withCustomRules(s, []).engine, { rules: { 'pitch.hype': false } });
});

// One entry a line: commas belong to the phrase.
const LISTS = [
  ['', []],
  ['Acme', ['Acme']],
  ['well, actually\nACME Corp', ['well, actually', 'ACME Corp']],
  [' a \n\n a \r\nb\n', ['a', 'b']],
];
for (const [text, list] of LISTS) test(`parseLines(${JSON.stringify(text)})`, () => assert.deepEqual(parseLines(text), list));

test('an old comma list is recognised, and split only when asked', () => {
  assert.deepEqual(commaLines('Acme, Rapport, ACME Corp\nSolo'), ['Acme, Rapport, ACME Corp']);
  assert.deepEqual(commaLines('Acme\nRapport'), []);
  assert.equal(splitAtCommas('Acme, Rapport,\nSolo'), 'Acme\nRapport\nSolo');
});

test('export then import gives the same settings', () => {
  const s = withSite(withRuleSet(base(), 'pitch', false), 'example.social', { enabled: true });
  assert.deepEqual(parseImport(exportSettings(s)), { settings: s, problems: [] });
});

test('an export of version 1 is migrated on import; a newer version\'s is taken with what is not used named', () => {
  const v1 = { format: 'rapport-settings', version: 1, settings: { engine: { rules: { 'custom.a': false }, custom_rules: [{ id: 'a', phrases: ['a'], message: 'm' }] } } };
  assert.deepEqual(parseImport(JSON.stringify(v1)).settings?.engine.custom_rules, [{ id: 'a', phrases: ['a'], message: 'm', enabled: false }]);
  const v3 = { format: 'rapport-settings', version: 1, settings: { version: 3, theme: 'dark' } };
  const read = parseImport(JSON.stringify(v3));
  assert.equal(read.settings?.theme, 'dark');
  assert.deepEqual(read.problems, [unknown('theme')]);
});

// file text → the reason it is refused
const REFUSED = [
  ['not json', /^not JSON/],
  ['[]', /not a Rapport settings file/],
  ['{"settings":{}}', /not a Rapport settings file/],
  ['{"format":"rapport-settings","version":2,"settings":{}}', /version 2 is not supported/],
  ['{"format":"rapport-settings","version":1}', /"settings" must be an object/],
  ['{"format":"rapport-settings","version":1,"settings":{"paused":"no"}}', /^paused: must be true or false$/],
  ['{"format":"rapport-settings","version":1,"settings":{"sites":{"a b":{}}}}', /^sites\["a b"\]: not a host name$/],
];
for (const [text, reason] of REFUSED) {
  test(`parseImport refuses ${text.slice(0, 60)}`, () => assert.match(parseImport(text).error, reason));
}

const LOCATIONS = [
  ['custom_rules[2].regex', { field: 'custom_rules', index: 2, key: 'regex' }],
  ['custom_rules[2]', { field: 'custom_rules', index: 2, key: null }],
  ['brands[3]', { field: 'brands', index: 3, key: null }],
  ['rules.pitch.hype', { field: 'rules', index: null, key: 'pitch' }],
  ['strictness', { field: 'strictness', index: null, key: null }],
];
for (const [path, where] of LOCATIONS) test(`pathLocation(${path})`, () => assert.deepEqual(pathLocation(path), where));
