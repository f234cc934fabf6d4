// lib/history.js: entries (never the text), retention by age and count, trends and their sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkEntry, dayNumber, dayOf, dayString, entryFor, exportHistory, HISTORY_KEY, MAX_AGE_DAYS, MAX_ENTRIES, normalizeHistory,
  retain, sentenceFor, sitesOf, storedBytes, trend, withEntry,
} from '../../extension/lib/history.js';
import { t } from './helpers/i18n.js';

const TEXT = 'You are an idiot and your take is garbage.';
/** A report as the engine gives it for TEXT in a reply (trimmed to what an entry reads). */
const REPORT = {
  platform: 'x',
  context: 'reply',
  hints: [
    { rule: 'aggression.hostile_you', rule_set: 'aggression', severity: 'warning', span: { start: 0, end: 16 }, related: [], message: 'Hostile', why: '…', fixes: [] },
    { rule: 'tone.negative', rule_set: 'tone', severity: 'suggestion', span: { start: 11, end: 16 }, related: [], message: 'Negative', why: '…', fixes: [] },
  ],
  score: { value: 2.6, base: 50, breakdown: [
    { factor: 'tone', points: -4, why: 'the tone is negative', spans: [{ start: 11, end: 16 }] },
    { factor: 'self_focus', points: 7, why: 'talks to the reader', spans: [] },
    { factor: 'aggression', points: -50, why: 'hostile or insulting', spans: [{ start: 0, end: 16 }] },
    { factor: 'warmth', points: 0, why: 'zero lines are left out', spans: [] },
  ] },
  verdicts: { sentiment: { score: -0.5, label: 'negative' }, question: false, invites_reply: true, pitch: false, aggressive: true, shouting: false, self_focused: false },
};

test('an entry holds the day, site, context, score, factors and verdicts, and nothing of the text', () => {
  const entry = entryFor(REPORT, { site: 'x', date: '2026-12-03' });
  assert.deepEqual(entry, {
    date: '2026-12-03', site: 'x', context: 'reply', score: 3,
    factors: [['tone', -4], ['self_focus', 7], ['aggression', -50]],
    verdicts: ['invites_reply', 'aggressive'], tone: 'negative', hostile: true,
  });
  const json = JSON.stringify(entry);
  for (const word of TEXT.toLowerCase().match(/[a-z]{4,}/g)) assert.ok(!json.includes(word), `"${word}" is not stored`);
  assert.ok(!json.includes('why') && !json.includes('span'), 'no why lines, no spans');
  assert.deepEqual(checkEntry(entry), entry);
});

const entry = (date, fields = {}) => ({ date, site: 'x', context: 'post', score: 50, factors: [], verdicts: [], tone: 'neutral', hostile: false, ...fields });

// stored value → entries kept, problems
const STORED = [
  [undefined, [], []],
  [{ version: 1, entries: [entry('2026-01-01')] }, [entry('2026-01-01')], []],
  ['junk', [], ['history must be {version, entries}; starting afresh']],
  [{ version: 1, entries: [entry('2026-01-01'), { ...entry('2026-01-02'), text: 'my words' }] }, [entry('2026-01-01'), entry('2026-01-02')], []],
  [{ version: 1, entries: [entry('2026-13-45'), entry('2026-01-02', { score: 101 }), entry('2026-01-03', { verdicts: ['nice'] }), entry('2026-01-04', { context: 'dm' }), null] }, [], ['5 damaged entries dropped']],
  [{ version: 2, entries: [entry('2026-01-01')] }, [entry('2026-01-01')], ['history version 2; reading what fits version 1']],
];
for (const [stored, entries, problems] of STORED) {
  test(`normalizeHistory(${JSON.stringify(stored)?.slice(0, 80)})`, () => {
    assert.deepEqual(normalizeHistory(stored), { history: { version: 1, entries }, problems });
  });
}

test('an unknown field of a stored entry is dropped (nothing else rides along)', () => {
  assert.equal('text' in checkEntry({ ...entry('2026-01-02'), text: 'my words' }), false);
});

test('days: local day strings and calendar arithmetic', () => {
  assert.equal(dayOf(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  assert.equal(dayNumber('1970-01-02'), 1);
  assert.equal(dayString(dayNumber('2024-02-29') + 1), '2024-03-01');
  assert.equal(dayNumber('2026-03-30') - dayNumber('2026-03-28'), 2, 'a DST change is still two days');
});

// retention: entries (dates), today, limits → dates kept
const RETAIN = [
  ['none', [], '2026-12-03', {}, []],
  ['two years old is kept, a day older is dropped', ['2024-12-02', '2024-12-03', '2026-12-03'], '2026-12-03', {}, ['2024-12-03', '2026-12-03']],
  ['over the count: the oldest go first', ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'], '2026-12-03', { maxEntries: 3 }, ['2026-01-02', '2026-01-03', '2026-01-04']],
  ['a clock set back: put in place by date', ['2026-05-02', '2026-05-01', '2026-05-03'], '2026-12-03', {}, ['2026-05-01', '2026-05-02', '2026-05-03']],
  ['age and count together', ['2020-01-01', '2026-01-01', '2026-01-02'], '2026-12-03', { maxEntries: 1 }, ['2026-01-02']],
];
for (const [what, dates, today, limits, kept] of RETAIN) {
  test(`retain: ${what}`, () => assert.deepEqual(retain(dates.map((d) => entry(d)), today, limits).map((e) => e.date), kept));
}

test('entries of one day keep the order they were posted in', () => {
  const list = [entry('2026-05-01', { score: 1 }), entry('2026-05-01', { score: 2 }), entry('2026-04-30'), entry('2026-05-01', { score: 3 })];
  assert.deepEqual(retain(list, '2026-12-03').map((e) => e.score), [50, 1, 2, 3]);
});

test(`the limits: ${MAX_ENTRIES} entries, ${MAX_AGE_DAYS} days`, () => {
  assert.equal(MAX_ENTRIES, 5000);
  assert.equal(MAX_AGE_DAYS, 730);
  let stored;
  for (let i = 0; i < MAX_ENTRIES + 3; i++) stored = withEntry(stored, entry(dayString(dayNumber('2026-01-01') + (i % 300)), { score: i % 101 }), '2026-12-03');
  assert.equal(stored.entries.length, MAX_ENTRIES);
  assert.equal(stored.version, 1);
});

test('the storage size of 5,000 entries (JSON, as storage.local counts it)', () => {
  const sites = ['x', 'linkedin', 'facebook', 'bluesky', 'mastodon', 'reddit'];
  const entries = Array.from({ length: MAX_ENTRIES }, (_, i) => ({
    date: dayString(dayNumber('2025-01-01') + Math.floor(i / 7)), site: sites[i % sites.length], context: i % 3 ? 'post' : 'reply',
    score: 40 + (i % 60), factors: [['tone', 4], ['invites_reply', 35], ['self_focus', 7], ['pitch', -17]], verdicts: ['question', 'invites_reply'], tone: 'positive', hostile: false,
  }));
  const bytes = storedBytes({ version: 1, entries });
  console.log(`5,000 entries: ${bytes} bytes as JSON (${(bytes / 1024).toFixed(0)} KiB)`);
  assert.ok(bytes < 1_500_000, `${bytes} bytes`);
  assert.equal(HISTORY_KEY, 'history');
});

test('export: a marked JSON file of the entries', () => {
  const parsed = JSON.parse(exportHistory([entry('2026-01-01')], '2026-12-03'));
  assert.deepEqual(parsed, { format: 'rapport-history', version: 1, exported: '2026-12-03', entries: [entry('2026-01-01')] });
});

test('sites: most entries first', () => {
  assert.deepEqual(sitesOf([entry('2026-01-01', { site: 'linkedin' }), entry('2026-01-01'), entry('2026-01-02', { site: 'linkedin' })]), ['linkedin', 'x']);
});

// ---- trends and sentences --------------------------------------------------------------------

const TODAY = '2026-12-03';
const daysAgo = (n) => dayString(dayNumber(TODAY) - n);
/** n entries `ago` days back, the first k of them with `fields`. */
const some = (n, k, ago, fields, rest = {}) => Array.from({ length: n }, (_, i) => entry(daysAgo(ago), i < k ? { ...rest, ...fields } : rest));
const INVITES = { verdicts: ['invites_reply'] };
const sentence = (entries, id, days = 30, site = null) => {
  const metric = trend(entries, { days, site, today: TODAY }).metrics.find((m) => m.id === id);
  return t(metric.sentence.key, metric.sentence.substitutions);
};

// entries, metric, window, site → the sentence
const SENTENCES = [
  ['nothing posted', [], 'invites', 30, null, 'No posts in the last 30 days.'],
  ['up', [...some(10, 4, 3, INVITES), ...some(10, 1, 40, INVITES)], 'invites', 30, null, 'Your posts invited a reply in 4 of 10 in the last 30 days, up from 1 in 10 the 30 days before.'],
  ['down', [...some(8, 1, 3, INVITES), ...some(6, 3, 35, INVITES)], 'invites', 30, null, 'Your posts invited a reply in 1 of 8 in the last 30 days, down from 3 in 6 the 30 days before.'],
  ['a small move is the same', [...some(10, 4, 3, INVITES), ...some(11, 4, 40, INVITES)], 'invites', 30, null, 'Your posts invited a reply in 4 of 10 in the last 30 days, about the same as the 30 days before (4 in 11).'],
  ['nothing before to compare with', some(3, 2, 0, INVITES), 'invites', 30, null, 'Your posts invited a reply in 2 of 3 in the last 30 days.'],
  ['pitch on one site', [...some(8, 6, 10, { verdicts: ['pitch'] }, { site: 'linkedin' }), ...some(5, 0, 10, {})], 'pitch', 90, 'linkedin', 'Your posts read as a pitch in 6 of 8 in the last 90 days.'],
  ['self-focus, the year', [...some(4, 3, 100, { verdicts: ['self_focused'] }), ...some(4, 1, 400, { verdicts: ['self_focused'] })], 'self_focus', 365, null, 'Your posts were mostly about yourself in 3 of 4 in the last 365 days, up from 1 in 4 the 365 days before.'],
  ['hostility counts replies only', [...some(5, 1, 2, { hostile: true }, { context: 'reply' }), ...some(5, 5, 2, { hostile: true })], 'hostile_replies', 30, null, 'Your replies read as hostile in 1 of 5 in the last 30 days.'],
  ['no replies', some(5, 0, 2, {}), 'hostile_replies', 30, null, 'No replies in the last 30 days.'],
  ['score up', [...some(2, 2, 1, { score: 70 }), ...some(2, 2, 31, { score: 50 })], 'score', 30, null, 'Your average score was 70 in the last 30 days (2 posted), up from 50 the 30 days before (2 posted).'],
  ['score: under 5 points is the same', [...some(1, 1, 1, { score: 54 }), ...some(1, 1, 31, { score: 50 })], 'score', 30, null, 'Your average score was 54 in the last 30 days (1 posted), about the same as the 30 days before (50, 1 posted).'],
  ['score down', [...some(1, 1, 1, { score: 40 }), ...some(1, 1, 31, { score: 50 })], 'score', 30, null, 'Your average score was 40 in the last 30 days (1 posted), down from 50 the 30 days before (1 posted).'],
  ['today and the window\'s first day count; the day before is the window before', [...some(1, 1, 0, INVITES), ...some(1, 1, 29, INVITES), ...some(1, 0, 30, INVITES)], 'invites', 30, null, 'Your posts invited a reply in 2 of 2 in the last 30 days, up from 0 in 1 the 30 days before.'],
];
for (const [what, entries, id, days, site, expected] of SENTENCES) {
  test(`sentence: ${what}`, () => assert.equal(sentence(entries, id, days, site), expected));
}

test('every sentence key the trends can give has its English message', () => {
  const ids = ['score', 'invites', 'pitch', 'self_focus', 'hostile_replies'];
  for (const id of ids) {
    for (const key of [`trend_${id}`, `trend_${id}_up`, `trend_${id}_down`, `trend_${id}_same`]) assert.match(t(key, ['1', '2', '30', '3', '4']), /30 days/);
  }
  assert.equal(sentenceFor('pitch', { n: 0, k: 0, value: null }, { n: 3, k: 1, value: 1 / 3 }, 90).key, 'trend_noPosts');
});

test('chart points: the window in equal runs of days, each with its tally', () => {
  const entries = [...some(2, 1, 0, INVITES), ...some(1, 1, 29, INVITES)];
  const metric = trend(entries, { days: 30, today: TODAY }).metrics.find((m) => m.id === 'invites');
  assert.equal(metric.buckets.length, 10);
  assert.deepEqual(metric.buckets[0], { from: daysAgo(29), to: daysAgo(27), n: 1, k: 1, value: 1 });
  assert.deepEqual(metric.buckets[9], { from: daysAgo(2), to: TODAY, n: 2, k: 1, value: 0.5 });
  assert.equal(metric.buckets.filter((b) => b.value === null).length, 8);
  for (const days of [90, 365]) {
    const { buckets } = trend(entries, { days, today: TODAY }).metrics[0];
    assert.equal(buckets[0].from, daysAgo(days - 1));
    assert.equal(buckets.at(-1).to, TODAY);
    for (let i = 1; i < buckets.length; i++) assert.equal(dayNumber(buckets[i].from), dayNumber(buckets[i - 1].to) + 1, `${days}: contiguous`);
  }
  const score = trend(entries, { days: 30, today: TODAY });
  assert.equal(score.posts, 3);
  assert.equal(score.from, daysAgo(29));
});
