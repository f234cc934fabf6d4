// The overlay's pure logic: hint ordering and rebasing, panel model, geometry, user sites.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clipRects, hitTest, lineRects, placePopover, rect } from '../../extension/content/geometry.js';
import { panelModel, quoteOf, rebaser, severityCounts, visibleHints } from '../../extension/content/hint-model.js';
import { originPattern, patternHost, userOrigins } from '../../extension/lib/user-sites.js';

const hint = (rule, start, end, severity = 'suggestion', ruleSet = rule.split('.')[0]) => ({ rule, rule_set: ruleSet, severity, span: { start, end }, related: [], message: rule, why: '', fixes: [] });

test('visibleHints: muted rules left out, ordered by position then severity, keyed', () => {
  const report = { hints: [hint('pitch.cta', 10, 15, 'warning'), hint('self_focus.pronouns', 0, 2), hint('invites_reply.no_question', 10, 30, 'info'), hint('shouting.marks', 10, 12, 'warning')] };
  assert.deepEqual(visibleHints(report).map((h) => h.key), ['self_focus.pronouns@0-2', 'shouting.marks@10-12', 'pitch.cta@10-15', 'invites_reply.no_question@10-30']);
  assert.deepEqual(visibleHints(report, new Set(['pitch.cta', 'shouting.marks'])).map((h) => h.rule), ['self_focus.pronouns', 'invites_reply.no_question']);
  assert.deepEqual(visibleHints(null), []);
});

// old text, new text, span → span in the new text (null: touched by the edit)
const REBASE = [
  ['Buy now!', 'Buy now!', { start: 0, end: 3 }, { start: 0, end: 3 }],
  ['Buy now!', 'Buy now!!', { start: 0, end: 3 }, { start: 0, end: 3 }],
  ['Buy now!', 'Oh, Buy now!', { start: 0, end: 3 }, { start: 4, end: 7 }],
  ['Buy now!', 'Buy it now!', { start: 4, end: 7 }, { start: 7, end: 10 }],
  ['Buy now!', 'Buy it now!', { start: 0, end: 7 }, null],
  ['Buy now!', 'Bu now!', { start: 0, end: 3 }, null],
  ['ab', '', { start: 0, end: 2 }, null],
  ['aaa', 'aaaa', { start: 2, end: 3 }, { start: 2, end: 3 }],
];
for (const [before, after, span, expected] of REBASE) {
  test(`rebaser ${JSON.stringify(before)} → ${JSON.stringify(after)} ${span.start}-${span.end}`, () => assert.deepEqual(rebaser(before, after)(span), expected));
}

test('quoteOf collapses spaces and shortens long quotes in the middle', () => {
  assert.equal(quoteOf('We  are\nhere', { start: 0, end: 12 }), 'We are here');
  const long = 'x'.repeat(100);
  const quote = quoteOf(long, { start: 0, end: 100 });
  assert.ok(quote.length <= 48 && quote.includes('…'));
});

test('panelModel: rows, non-zero breakdown, groups in conversation order', () => {
  const report = {
    verdicts: { sentiment: { label: 'positive' }, self_focused: true, invites_reply: false },
    signals: { self_focus: { you: 0 } },
    counter: { used: 77, limit: null, over: false },
    score: { value: 9.4, breakdown: [{ factor: 'tone', points: 9, why: 'w', spans: [] }, { factor: 'x', points: 0, why: 'z', spans: [] }] },
  };
  const hints = visibleHints({ hints: [hint('shouting.marks', 5, 8), hint('pitch.cta', 0, 3, 'warning')] });
  const model = panelModel(report, hints, 'Buy now!!!');
  assert.equal(model.score, 9);
  assert.deepEqual(model.rows.map((r) => [r.key, r.value]), [['tone', 'positive'], ['focus', 'self'], ['reply', 'no'], ['length', '77']]);
  assert.deepEqual(model.breakdown.map((b) => b.factor), ['tone']);
  assert.deepEqual(model.groups.map((g) => g.ruleSet), ['pitch', 'shouting']);
  assert.equal(model.groups[0].hints[0].quote, 'Buy');
  assert.deepEqual(severityCounts(hints), [['warning', 1], ['suggestion', 1]]);
});

test('lineRects merges the rects of one line and drops empty ones', () => {
  const lines = lineRects([rect(10, 0, 20, 18), rect(20, 1, 35, 17), rect(35, 0, 35, 18), rect(0, 20, 8, 38)]);
  assert.deepEqual(lines, [rect(10, 0, 35, 18), rect(0, 20, 8, 38)]);
});

test('clipRects keeps what is inside the editor box', () => {
  assert.deepEqual(clipRects([rect(0, 0, 10, 10), rect(0, 90, 10, 110), rect(0, 200, 10, 210)], rect(0, 0, 100, 100)), [rect(0, 0, 10, 10), rect(0, 90, 10, 100)]);
});

test('hitTest finds the smallest underline under the point', () => {
  const items = [{ id: 'sentence', lines: [rect(0, 0, 100, 20)] }, { id: 'word', lines: [rect(40, 0, 60, 20)] }];
  assert.equal(hitTest(items, 50, 10).id, 'word');
  assert.equal(hitTest(items, 10, 10).id, 'sentence');
  assert.equal(hitTest(items, 10, 40), null);
});

test('placePopover: below if it fits, else above, aligned and on screen', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 300, height: 200 };
  assert.deepEqual(placePopover(rect(100, 100, 150, 120), size, viewport), { left: 100, top: 126 });
  assert.deepEqual(placePopover(rect(100, 700, 150, 720), size, viewport), { left: 100, top: 494 });
  assert.deepEqual(placePopover(rect(900, 100, 950, 120), size, viewport), { left: 700, top: 126 });
  assert.deepEqual(placePopover(rect(600, 100, 950, 120), size, viewport, { align: 'right' }), { left: 650, top: 126 });
});

test('placePopover: keeps clear of the chip', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 300, height: 200 };
  const chip = rect(500, 250, 620, 274);
  // Below would cover the chip: above instead.
  assert.deepEqual(placePopover(rect(400, 230, 450, 248), size, viewport, { avoid: chip }), { left: 400, top: 24 });
  // Neither below nor above is clear (no room above): beside the chip.
  assert.deepEqual(placePopover(rect(400, 100, 450, 118), size, viewport, { avoid: rect(380, 150, 500, 174) }), { left: 74, top: 124 });
  // Not in the way: unchanged.
  assert.deepEqual(placePopover(rect(100, 100, 150, 120), size, viewport, { avoid: chip }), { left: 100, top: 126 });
});

const ORIGINS = [
  ['https://example.social/home', 'https://example.social/*'],
  ['http://localhost:8080/x', 'http://localhost/*'],
  ['chrome://extensions', null],
  ['not a url', null],
];
for (const [url, pattern] of ORIGINS) test(`originPattern(${url})`, () => assert.equal(originPattern(url), pattern));

test('userOrigins: granted origins that are not built in', () => {
  const manifest = { host_permissions: ['https://x.com/*'], content_scripts: [{ matches: ['https://x.com/*'] }] };
  assert.deepEqual(userOrigins(['https://x.com/*', 'https://b.social/*', 'https://*/*', 'https://a.social/*'], manifest), ['https://a.social/*', 'https://b.social/*']);
  assert.equal(patternHost('https://a.social/*'), 'a.social');
});
