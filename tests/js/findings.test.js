// Findings as the overlay shows them (content/hint-model.js): every span of a finding, moved
// along with edits, one entry per finding, the words a card quotes, and the plan that applies a
// finding's fixes (last span first) with the caret moved along.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixPlan, hintSpans, offsetAfter, panelModel, rebasedSpans, rebaser, visibleHints, wordsOf } from '../../extension/content/hint-model.js';

const span = (start, end) => ({ start, end });
/** A finding: rule, primary [start, end], related spans, fixes [[start, end, text]]. */
const finding = (rule, [start, end], related = [], fixes = [], severity = 'suggestion') => ({
  rule,
  rule_set: rule.split('.')[0],
  severity,
  span: span(start, end),
  related: related.map(([s, e]) => span(s, e)),
  message: rule,
  why: '',
  fixes: fixes.map(([s, e, text]) => ({ span: span(s, e), text })),
});

const CAPS = 'WOW this is GREAT';
const caps = finding('shouting.caps', [0, 3], [[12, 17]], [[0, 3, 'Wow'], [12, 17, 'great']]);

test('hintSpans: the primary span first, then the related ones in text order', () => {
  assert.deepEqual(hintSpans(caps), [span(0, 3), span(12, 17)]);
  assert.deepEqual(hintSpans({ ...caps, related: undefined }), [span(0, 3)], 'a report without related spans');
});

test('visibleHints: one entry per finding (a repeat is dropped), ordered by the primary span', () => {
  const report = { hints: [finding('pitch.cta', [10, 15]), caps, finding('pitch.cta', [10, 15]), finding('self_focus.pronouns', [2, 3], [[20, 21]])] };
  assert.deepEqual(visibleHints(report).map((h) => h.key), ['shouting.caps@0-3', 'self_focus.pronouns@2-3', 'pitch.cta@10-15']);
});

// edit (old text → new text), the finding's spans after it
const REBASED = [
  ['no edit', CAPS, CAPS, [span(0, 3), span(12, 17)]],
  ['typing after both', CAPS, `${CAPS}!`, [span(0, 3), span(12, 17)]],
  ['typing before both moves both', CAPS, `Oh ${CAPS}`, [span(3, 6), span(15, 20)]],
  ['typing between moves the later one only', CAPS, 'WOW, this is GREAT', [span(0, 3), span(13, 18)]],
  ['an edit inside the primary drops it; the related span stays', CAPS, 'WOAW this is GREAT', [span(13, 18)]],
  ['an edit inside the related span drops it', CAPS, 'WOW this is GRET', [span(0, 3)]],
];
for (const [what, before, after, expected] of REBASED) {
  test(`rebasedSpans: ${what}`, () => assert.deepEqual(rebasedSpans(caps, rebaser(before, after)), expected));
}

test('wordsOf: distinct words (regardless of case) in text order, at most five, the rest counted, every place counted', () => {
  const text = 'I think my plan is my best and I know our team and My boss';
  const spans = [...text.matchAll(/\b(I|my|My|our)\b/g)].map((match) => span(match.index, match.index + match[0].length));
  assert.deepEqual(wordsOf(text, spans), { words: ['I', 'my', 'our'], more: 0, places: 6 });
  assert.deepEqual(wordsOf('a b c d e f g', [0, 2, 4, 6, 8, 10, 12].map((s) => span(s, s + 1))), { words: ['a', 'b', 'c', 'd', 'e'], more: 2, places: 7 });
});

test('panelModel: each score line with its words; each finding with its words', () => {
  const report = {
    verdicts: { sentiment: { label: 'neutral' }, self_focused: false, invites_reply: false },
    signals: { self_focus: { you: 0 } },
    counter: { used: 17, limit: 280, over: false },
    score: { value: 40, breakdown: [{ factor: 'shouting', points: -10, why: 'shouts', spans: [span(0, 3), span(12, 17)] }, { factor: 'tone', points: 0, why: 'flat', spans: [] }] },
  };
  const model = panelModel(report, visibleHints({ hints: [caps] }), CAPS);
  assert.deepEqual(model.breakdown.map((line) => [line.factor, line.points, line.words, line.places]), [['shouting', -10, ['WOW', 'GREAT'], 2]]);
  assert.deepEqual(model.groups[0].hints.map((h) => [h.quote, h.words, h.places]), [['WOW', ['WOW', 'GREAT'], 2]]);
});

// report text, current text, finding → edits in the order they are applied (null: refused)
const PLANS = [
  ['every fix, last span first', CAPS, CAPS, caps, [{ start: 12, end: 17, text: 'great' }, { start: 0, end: 3, text: 'Wow' }]],
  ['moved along with an edit before them', CAPS, `Oh ${CAPS}`, caps, [{ start: 15, end: 20, text: 'great' }, { start: 3, end: 6, text: 'Wow' }]],
  ['an edit inside one fix: nothing is applied', CAPS, 'WOW this is GRrEAT', caps, null],
  ['the words of one fix changed in place: nothing is applied', CAPS, 'WOW this is GREAt', caps, null],
  ['no fixes', CAPS, CAPS, finding('shouting.caps', [0, 3]), null],
  ['overlapping fixes are refused', CAPS, CAPS, finding('x.y', [0, 3], [], [[0, 3, 'a'], [2, 5, 'b']]), null],
  ['a removal', 'Wow!!!', 'Wow!!!', finding('shouting.marks', [3, 6], [], [[3, 6, '!']]), [{ start: 3, end: 6, text: '!' }]],
];
for (const [what, reportText, text, hint, expected] of PLANS) {
  test(`fixPlan: ${what}`, () => assert.deepEqual(fixPlan(hint, reportText, text), expected));
}

test('applying the plan in its order gives the text with every fix', () => {
  const plan = fixPlan(caps, CAPS, CAPS);
  let text = CAPS;
  for (const edit of plan) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  assert.equal(text, 'Wow this is great');
});

// caret before the edits → after them
const CARET = [
  [17, 17, 'at the end (edits of equal length)'],
  [0, 0, 'at the start'],
  [6, 6, 'between the fixes'],
  [14, 17, 'inside a replaced span: after its replacement'],
];
for (const [before, after, what] of CARET) {
  test(`offsetAfter: ${what}`, () => assert.equal(offsetAfter(before, fixPlan(caps, CAPS, CAPS)), after));
}

test('offsetAfter: a shorter replacement moves what follows it back', () => {
  const plan = fixPlan(finding('shouting.marks', [3, 6], [], [[3, 6, '!']]), 'Wow!!! Yes', 'Wow!!! Yes');
  assert.equal(offsetAfter(10, plan), 8);
  assert.equal(offsetAfter(2, plan), 2);
});
