// lists.json, the one source of the lists both languages need, and what the build makes of it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as generated from '../../extension/build/lists.js';
import { RULE_SET_ORDER, SEVERITIES as MOST_SEVERE_FIRST } from '../../extension/content/hint-model.js';
import { SITES } from '../../extension/content/sites.js';
import { groupRules } from '../../extension/lib/settings.js';
import { checkLists, manifestFor, siteMatches } from '../../tools/extension-lists.mjs';

const read = (path) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const lists = checkLists(JSON.parse(read('lists.json')));
const messages = JSON.parse(read('extension/_locales/en/messages.json'));
const base = JSON.parse(read('extension/manifest.base.json'));

test('extension/build/lists.js holds lists.json as it is', () => {
  assert.deepEqual([...generated.RULE_SETS], lists.rule_sets);
  assert.deepEqual([...generated.PLATFORMS], lists.platforms);
  assert.deepEqual([...generated.CONTEXTS], lists.contexts);
  assert.deepEqual([...generated.STRICTNESS], lists.strictness);
  assert.deepEqual([...generated.SEVERITIES], lists.severities);
  assert.deepEqual(JSON.parse(JSON.stringify(generated.SITES)), lists.sites);
  assert.ok(Object.isFrozen(generated.RULE_SETS) && Object.isFrozen(generated.SITES[0].hosts));
});

// list → the _locales key of each entry's label (what the popup, options page and panel show)
const LABELS = [
  ['rule_sets', (id) => `ruleSet_${id}`],
  ['platforms', (id) => `platform_${id}`],
  ['severities', (id) => `severity_${id}`],
  ['strictness', (id) => `strictness_${id}`],
];
for (const [list, key] of LABELS) {
  test(`every entry of ${list} has its label in _locales/en (${key('<id>')})`, () => {
    for (const id of lists[list]) assert.ok(messages[key(id)]?.message, `messages.json lacks ${key(id)}`);
  });
}

test('the manifest matches are the site hosts, and only come from lists.json; no host_permissions', () => {
  const manifest = manifestFor(base, lists);
  const hosts = lists.sites.flatMap((site) => site.hosts.map((host) => `https://${host}/*`));
  assert.deepEqual(manifest.content_scripts[0].matches, hosts);
  assert.equal(manifest.host_permissions, undefined);
  assert.throws(() => manifestFor({ ...base, host_permissions: hosts }, lists), /leave them out/);
  assert.deepEqual(siteMatches(lists), hosts);
  assert.equal(base.host_permissions, undefined);
  assert.equal(base.content_scripts[0].matches, undefined);
  assert.throws(() => manifestFor(manifest, lists), /leave them out/);
  // What the build wrote (extension/ loads unpacked) is exactly that.
  assert.deepEqual(JSON.parse(read('extension/manifest.json')), manifest);
});

test('every site of lists.json has an adapter, and every adapter a site', () => {
  const adapters = readdirSync(fileURLToPath(new URL('../../extension/content/sites/', import.meta.url))).map((name) => name.replace(/\.js$/, '')).sort();
  assert.deepEqual(lists.sites.map((site) => site.id).sort(), adapters);
  for (const site of SITES) {
    const row = lists.sites.find((r) => r.id === site.id);
    assert.equal(site.platform, row.platform, site.id);
    assert.deepEqual([...site.hosts], row.hosts, site.id);
    assert.ok(site.selectors.length > 0 && typeof site.context === 'function', site.id);
  }
});

test('display orders are derived from the lists: the panel names every rule set, severities most severe first', () => {
  assert.deepEqual([...RULE_SET_ORDER].sort(), [...lists.rule_sets].sort());
  assert.deepEqual(MOST_SEVERE_FIRST, [...lists.severities].reverse());
});

test('options page groups: the list order, then a rule set the list does not know (never dropped)', () => {
  const rules = [{ id: 'a', rule_set: 'tone' }, { id: 'b', rule_set: 'kindness' }, { id: 'c', rule_set: 'tone' }];
  const groups = groupRules(rules, ['pitch', 'tone']);
  assert.deepEqual([...groups].map(([set, list]) => [set, list.map((rule) => rule.id)]), [['pitch', []], ['tone', ['a', 'c']], ['kindness', ['b']]]);
});

// lists.json as written → the error checkLists gives
const ok = () => ({ rule_sets: ['tone'], platforms: ['x'], contexts: ['post'], strictness: ['low'], severities: ['info'], sites: [{ id: 'x', platform: 'x', hosts: ['x.com'] }] });
const BAD = [
  ['an array', () => [], /must be an object/],
  ['an unknown key', () => ({ ...ok(), colours: [] }), /unknown key "colours"/],
  ['an empty list', () => ({ ...ok(), platforms: [] }), /platforms must be a non-empty array/],
  ['a repeated id', () => ({ ...ok(), rule_sets: ['tone', 'tone'] }), /rule_sets repeats an id/],
  ['an id in capitals', () => ({ ...ok(), rule_sets: ['Tone'] }), /"Tone" is not an id/],
  ['a site on an unknown platform', () => ({ ...ok(), sites: [{ id: 'x', platform: 'y', hosts: ['x.com'] }] }), /sites\[0\]\.platform "y"/],
  ['a host twice', () => ({ ...ok(), sites: [{ id: 'x', platform: 'x', hosts: ['x.com'] }, { id: 'y', platform: 'x', hosts: ['x.com'] }] }), /x\.com is listed twice/],
  ['a URL for a host', () => ({ ...ok(), sites: [{ id: 'x', platform: 'x', hosts: ['https://x.com'] }] }), /is not a host name/],
  ['a site key misspelt', () => ({ ...ok(), sites: [{ id: 'x', platform: 'x', host: ['x.com'] }] }), /unknown key "host"|hosts must be/],
];
for (const [what, data, error] of BAD) {
  test(`checkLists refuses ${what}`, () => assert.throws(() => checkLists(data()), error));
}
