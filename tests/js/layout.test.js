// Underline layout (content/layout.js) with a fake rect provider: text laid out in a fixed grid
// of 10 px per character and 20 px per line, lines broken at "\n", the box at `origin`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rect } from '../../extension/content/geometry.js';
import { commonPrefix, layoutUnderlines, stableBefore } from '../../extension/content/layout.js';

/** A rect provider over `text` in a 10 × 20 px grid at `origin`; counts the spans it is asked for. */
function grid(text, origin = { left: 0, top: 0 }) {
  const asked = [];
  const provider = (spans) => {
    asked.push(...spans.map((s) => `${s.start}-${s.end}`));
    return spans.map(({ start, end }) => {
      const rects = [];
      let line = text.slice(0, start).split('\n').length - 1;
      let column = start - (text.lastIndexOf('\n', start - 1) + 1);
      let from = column;
      for (let i = start; i < end; i++) {
        if (text[i] === '\n') {
          rects.push(rect(origin.left + from * 10, origin.top + line * 20, origin.left + column * 10, origin.top + line * 20 + 20));
          line += 1;
          column = 0;
          from = 0;
        } else {
          column += 1;
        }
      }
      rects.push(rect(origin.left + from * 10, origin.top + line * 20, origin.left + column * 10, origin.top + line * 20 + 20));
      return rects;
    });
  };
  return { provider, asked };
}

const frame = (text, extra = {}) => ({ text, clip: rect(0, 0, 1000, 1000), origin: { left: 0, top: 0 }, key: 'k', ltr: true, dirtyFrom: Infinity, ...extra });
const hint = (key, ...spans) => ({ hint: { key }, spans: spans.map(([start, end]) => ({ start, end })) });

test('one span: a line per text line, zero-width line ends dropped', () => {
  const text = 'Buy now\nplease';
  const { items } = layoutUnderlines([hint('a', [4, 10])], frame(text), null, grid(text).provider);
  assert.deepEqual(items[0].lines, [rect(40, 0, 70, 20), rect(0, 20, 20, 40)]);
  assert.deepEqual(items[0].span, { start: 4, end: 10 });
});

test('several spans per hint (a finding): every span underlined, the primary first', () => {
  const text = 'I did it my way and I love my work';
  const { items } = layoutUnderlines([hint('self', [0, 1], [9, 11], [20, 21])], frame(text), null, grid(text).provider);
  assert.deepEqual(items[0].span, { start: 0, end: 1 });
  assert.deepEqual(items[0].lines, [rect(0, 0, 10, 20), rect(90, 0, 110, 20), rect(200, 0, 210, 20)]);
  // One part per span: an underline each.
  assert.deepEqual(items[0].parts.map((part) => [part.span.start, part.lines]), [[0, [rect(0, 0, 10, 20)]], [9, [rect(90, 0, 110, 20)]], [20, [rect(200, 0, 210, 20)]]]);
});

test('a finding whose primary span is out of view: its other spans still show, the first in view leads', () => {
  const text = 'I say\nmy way';
  const { items } = layoutUnderlines([hint('self', [0, 1], [6, 8])], frame(text, { clip: rect(0, 20, 1000, 40) }), null, grid(text).provider);
  assert.deepEqual(items[0].span, { start: 6, end: 8 });
  assert.deepEqual(items[0].parts.map((part) => part.span.start), [6]);
});

test('clipped to the editor; a hint with nothing in view is left out', () => {
  const text = 'aaaa\nbbbb\ncccc';
  const { items } = layoutUnderlines([hint('top', [0, 4]), hint('bottom', [10, 14])], frame(text, { clip: rect(0, 0, 1000, 30) }), null, grid(text).provider);
  assert.deepEqual(items.map((item) => [item.hint.key, item.lines]), [['top', [rect(0, 0, 40, 20)]]]);
});

// what changed since the last layout → which spans are measured again
const REUSE = [
  ['nothing (a frame, a scroll inside an ancestor)', 'ab\ncd', 'ab\ncd', {}, []],
  ['typing on the last line: the lines before it are kept', 'ab\ncd', 'ab\ncde', { dirtyFrom: 5 }, ['3-5']],
  ['typing on the first line: everything is measured again', 'ab\ncd', 'abx\ncd', { dirtyFrom: 2 }, ['0-2', '3-5']],
  ['the editor resized (another key)', 'ab\ncd', 'ab\ncd', { key: 'wider' }, ['0-2', '3-5']],
  ['right-to-left text is always measured', 'ab\ncd', 'ab\ncd', { ltr: false }, ['0-2', '3-5']],
];
for (const [what, before, after, change, remeasured] of REUSE) {
  test(`reuse: ${what}`, () => {
    const placed = [hint('a', [0, 2]), hint('b', [3, 5])];
    const first = layoutUnderlines(placed, frame(before), null, grid(before).provider);
    const { provider, asked } = grid(after);
    const second = layoutUnderlines(placed, frame(after, change), first.cache, provider);
    assert.deepEqual(asked, remeasured);
    assert.equal(second.items.length, 2);
  });
}

test('a box that only moved moves its lines without measuring them again', () => {
  const text = 'hello';
  const first = layoutUnderlines([hint('a', [0, 5])], frame(text), null, grid(text).provider);
  const { provider, asked } = grid(text, { left: 0, top: 100 });
  const second = layoutUnderlines([hint('a', [0, 5])], frame(text, { origin: { left: 0, top: 100 } }), first.cache, provider);
  assert.deepEqual(asked, []);
  assert.deepEqual(second.items[0].lines, [rect(0, 100, 50, 120)]);
});

test('unchanged lines keep their identity (the view skips them)', () => {
  const text = 'hello';
  const first = layoutUnderlines([hint('a', [0, 5])], frame(text), null, grid(text).provider);
  const second = layoutUnderlines([hint('a', [0, 5])], frame(text), first.cache, grid(text).provider);
  assert.equal(second.items[0].lines, first.items[0].lines);
});

// previous text, text, dirtyFrom → offset before which nothing moved
const STABLE = [
  ['ab\ncd', 'ab\ncd', Infinity, Infinity],
  ['ab\ncd', 'ab\ncdx', Infinity, 2],
  ['ab\ncd', 'ab\ncdx', 4, 2],
  ['ab\ncd', 'xab\ncd', Infinity, -1],
  ['ab\ncd\nef', 'ab\ncd\nefg', 1, -1],
];
for (const [previous, text, dirtyFrom, expected] of STABLE) {
  test(`stableBefore ${JSON.stringify(previous)} → ${JSON.stringify(text)} (dirty from ${dirtyFrom}) = ${expected}`, () => {
    const cache = { text: previous, key: 'k', clip: rect(0, 0, 1, 1), left: 0, top: 0, spans: new Map() };
    assert.equal(stableBefore(frame(text, { dirtyFrom }), cache), expected);
  });
}

test('commonPrefix', () => {
  assert.equal(commonPrefix('abc', 'abd'), 2);
  assert.equal(commonPrefix('', 'a'), 0);
});
