// "Before you post": the reminder's kinds from real reports (the wasm engine in Node), its
// setting (a scope per kind, defaults: hostility in replies, the rest off), once per draft version.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { draftKey, reminderFor, reminderModel } from '../../extension/content/reminder-model.js';
import { visibleHints } from '../../extension/content/hint-model.js';
import { normalizeSettings } from '../../extension/lib/settings.js';
import { DEFAULT_REMINDERS, normalizeReminders, REMINDER_KINDS, REMINDER_SCOPES, remindersOf, withReminder } from '../../extension/lib/reminders.js';
import { t } from './helpers/i18n.js';

const pkg = await import('../../extension/pkg/rapport.js');
pkg.initSync({ module: readFileSync(new URL('../../extension/pkg/rapport_bg.wasm', import.meta.url)) });
const engine = new pkg.Engine({});

const HOSTILE = 'You are an idiot and your take is garbage.';
const SHOUTED = 'THIS IS THE WORST UPDATE EVER!!! FIX IT NOW';
const SALES = 'I am thrilled to announce my new product! Buy now, 50% off, link in bio!!!';
const FLAT = 'We shipped the new release today.';
const WARM = 'Thanks for sharing this! What would you try first?';
const ALL = { hostility: 'all', shouting: 'all', pitch: 'all', no_question: 'all' };
const OFF = { hostility: 'off', shouting: 'off', pitch: 'off', no_question: 'off' };

// text, context, scopes → the kind and rule reminded of (null: none)
const CASES = [
  [HOSTILE, 'reply', DEFAULT_REMINDERS, 'hostility', 'aggression.hostile_you'],
  [HOSTILE, 'post', DEFAULT_REMINDERS, null],
  [HOSTILE, 'post', { ...DEFAULT_REMINDERS, hostility: 'all' }, 'hostility', 'aggression.hostile_you'],
  [HOSTILE, 'reply', OFF, null],
  [SHOUTED, 'post', DEFAULT_REMINDERS, null],
  [SHOUTED, 'post', ALL, 'shouting', 'shouting.caps'],
  [SHOUTED, 'reply', { ...OFF, shouting: 'replies' }, 'shouting', 'shouting.caps'],
  [SHOUTED, 'post', { ...OFF, shouting: 'replies' }, null],
  [SHOUTED, 'post', { ...OFF, no_question: 'all' }, 'no_question', 'invites_reply.no_question'],
  // Order: shouting before a hard sell, a hard sell before a post that asks nothing.
  [SALES, 'post', ALL, 'shouting', 'shouting.marks'],
  [SALES, 'post', { ...ALL, shouting: 'off' }, 'pitch', 'pitch.call_to_action'],
  [SALES, 'post', { ...OFF, no_question: 'all' }, 'no_question', 'invites_reply.no_question'],
  [FLAT, 'post', { ...OFF, no_question: 'all' }, 'no_question', 'invites_reply.no_question'],
  [FLAT, 'post', { ...OFF, pitch: 'all' }, null], // 'sells a little': no pitch verdict, no warning
  [FLAT, 'reply', ALL, null], // a reply need not ask
  [WARM, 'reply', ALL, null],
  [WARM, 'post', ALL, null],
  ['', 'post', ALL, null],
];
for (const [text, context, scopes, kind, rule] of CASES) {
  test(`reminder: ${JSON.stringify(text.slice(0, 30))} as a ${context}, ${JSON.stringify(scopes)} → ${kind ?? 'none'}`, () => {
    const report = JSON.parse(engine.analyze(text, { platform: 'x', context }));
    const found = reminderFor(report, visibleHints(report), scopes);
    assert.equal(found?.kind ?? null, kind);
    if (rule) assert.equal(found.hint.rule, rule);
  });
}

test('a finding muted for this post reminds of nothing', () => {
  const report = JSON.parse(engine.analyze(HOSTILE, { platform: 'x', context: 'reply' }));
  const muted = new Set(report.hints.filter((h) => h.rule_set === 'aggression').map((h) => h.rule));
  assert.equal(reminderFor(report, visibleHints(report, muted), DEFAULT_REMINDERS), null);
  assert.equal(reminderFor(null, [], ALL), null);
});

test('what it says: the kind and the words, with Review and Post as is', () => {
  const report = JSON.parse(engine.analyze(HOSTILE, { platform: 'x', context: 'reply' }));
  const model = reminderModel(reminderFor(report, visibleHints(report), DEFAULT_REMINDERS), HOSTILE, t);
  assert.deepEqual(model, {
    kind: 'hostility', rule: 'aggression.hostile_you', key: 'aggression.hostile_you@0-16',
    title: 'this may read as hostile', words: '“You are an idiot”', review: 'Review', dismiss: 'Post as is',
  });
  const sales = JSON.parse(engine.analyze(SALES, { platform: 'x', context: 'post' }));
  const pitch = reminderModel(reminderFor(sales, visibleHints(sales), { ...OFF, pitch: 'all' }), SALES, t);
  assert.equal(pitch.words, '“Buy now”');
});

test('once per draft version: the key follows the text', () => {
  assert.equal(draftKey(HOSTILE), draftKey(`${HOSTILE}`));
  assert.notEqual(draftKey(HOSTILE), draftKey(`${HOSTILE} `));
  assert.notEqual(draftKey('ab'), draftKey('ba'));
  assert.match(draftKey(''), /^0:/);
});

// stored reminders → kept, problems
const STORED = [
  [{ shouting: 'all' }, { shouting: 'all' }, []],
  [{ hostility: 'off', pitch: 'replies' }, { hostility: 'off', pitch: 'replies' }, []],
  [{ no_question: 'replies' }, {}, [{ path: 'reminders.no_question', kind: 'invalid', reason: 'must be one of off, all; using the default' }]],
  // A kind from a newer version is kept (it survives a save here) and named as not used.
  [{ kindness: 'all' }, { kindness: 'all' }, [{ path: 'reminders.kindness', kind: 'unknown', reason: 'unknown reminder, kept and not used here' }]],
  ['all', {}, [{ path: 'reminders', kind: 'invalid', reason: 'must be an object; using the defaults' }]],
];
for (const [stored, kept, problems] of STORED) {
  test(`normalizeReminders(${JSON.stringify(stored)})`, () => {
    const found = [];
    assert.deepEqual(normalizeReminders(stored, found), kept);
    assert.deepEqual(found, problems);
  });
}

test('the setting: one optional field of the settings, read through remindersOf', () => {
  const { settings, problems } = normalizeSettings({ paused: false, reminders: { shouting: 'all' } });
  assert.deepEqual(problems, []);
  assert.deepEqual(remindersOf(settings), { hostility: 'replies', shouting: 'all', pitch: 'off', no_question: 'off' });
  assert.deepEqual(remindersOf(normalizeSettings(undefined).settings), DEFAULT_REMINDERS);
  assert.equal('reminders' in normalizeSettings({ reminders: {} }).settings, false);
  // Back at the default, the entry is dropped; with none left, the field is.
  const on = withReminder(settings, 'pitch', 'all');
  assert.deepEqual(on.reminders, { shouting: 'all', pitch: 'all' });
  assert.deepEqual(withReminder(withReminder(on, 'pitch', 'off'), 'shouting', 'off'), { version: 2, paused: false, engine: {}, sites: {} });
  assert.deepEqual(REMINDER_KINDS, ['hostility', 'shouting', 'pitch', 'no_question']);
  for (const kind of REMINDER_KINDS) {
    assert.ok(REMINDER_SCOPES[kind].includes(DEFAULT_REMINDERS[kind]), kind);
    assert.ok(t(`reminderKind_${kind}`) && t(`reminder_${kind}`), kind);
    for (const scope of REMINDER_SCOPES[kind]) assert.ok(t(`reminderScope_${scope}`), scope);
  }
});
