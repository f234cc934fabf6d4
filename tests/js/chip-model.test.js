import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { chipModel, tooLongModel } from '../../extension/content/chip-model.js';

// The extension's own English strings, looked up like chrome.i18n.getMessage does.
const MESSAGES = JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));
function t(key, substitutions = []) {
  const entry = MESSAGES[key];
  assert.ok(entry, `missing message ${key}`);
  return entry.message.replace(/\$(\w+)\$/g, (_, name) => {
    const index = Number(entry.placeholders[name.toLowerCase()].content.slice(1)) - 1;
    return substitutions[index];
  });
}

const report = (overrides = {}) => ({
  verdicts: { sentiment: { score: 0.4, label: 'positive' }, invites_reply: true, self_focused: false, ...overrides.verdicts },
  counter: { platform: 'x', used: 231, limit: 280, over: false, ...overrides.counter },
  score: { value: 71.6, breakdown: [], ...overrides.score },
  hints: overrides.hints ?? [{}, {}, {}],
});

test('summarises a report', () => {
  assert.deepEqual(chipModel(report(), t), {
    state: 'checked',
    tone: 'positive',
    invitesReply: true,
    selfFocused: false,
    used: 231,
    limit: 280,
    over: false,
    score: 72,
    hints: 3,
    counterText: '231/280',
    label: 'Rapport: positive tone, not self-focused, invites a reply, 231 of 280 characters, score 72, 3 hints',
  });
});

test('no reply invitation, self-focused, over the limit, one hint', () => {
  const model = chipModel(
    report({ verdicts: { sentiment: { label: 'negative' }, invites_reply: false, self_focused: true }, counter: { used: 300, over: true }, hints: [{}] }),
    t,
  );
  assert.equal(model.label, 'Rapport: negative tone, mostly about you, does not invite a reply, 300 of 280 characters, score 72, 1 hint');
  assert.equal(model.over, true);
  assert.equal(model.selfFocused, true);
});

test('a platform without a limit (Tumblr) shows the count alone', () => {
  const model = chipModel(report({ counter: { platform: 'tumblr', used: 42, limit: null } }), t);
  assert.equal(model.limit, null);
  assert.equal(model.counterText, '42');
  assert.match(model.label, /, 42 characters,/);
});

test('the hint count can leave out muted hints', () => {
  assert.equal(chipModel(report(), t, 0).label.endsWith('0 hints'), true);
});

test('a draft too long to check: no tone, score or hints, the count and the limit', () => {
  const model = tooLongModel(100_001, 100_000, t);
  assert.equal(model.state, 'too-long');
  assert.equal(model.score, null);
  assert.equal(model.hints, 0);
  assert.equal(model.over, true);
  assert.equal(model.counterText, '100,001/100,000');
  assert.equal(model.label, 'Rapport: too long to check: 100,001 characters, at most 100,000');
});

// A report missing what the chip needs fails with the field's name.
const BAD = [
  [{ ...report(), verdicts: undefined }, /report\.verdicts\.sentiment\.label is missing/],
  [report({ verdicts: { sentiment: { label: 'happy' } } }), /"happy" is not a tone/],
  [{ ...report(), counter: {} }, /report\.counter\.used is missing/],
  [{ ...report(), score: {} }, /report\.score\.value is missing/],
];
for (const [bad, error] of BAD) {
  test(`rejects ${error.source}`, () => assert.throws(() => chipModel(bad, t), error));
}
