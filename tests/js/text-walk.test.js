import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTextSource, domPositionAt, normalizeSpaces, walkText } from '../../extension/content/text-walk.js';
import { parse } from './helpers/fake-dom.js';

const text = (html) => walkText(parse(html)).text;

// One line per case: markup as editors produce it → the text the user sees.
const CASES = [
  ['empty', '', ''],
  ['plain text', 'Hello', 'Hello'],
  ['inline spans', '<span>Hel</span><b>lo</b> <i>you</i>', 'Hello you'],
  ['paragraphs (Quill, ProseMirror)', '<p>Hello</p><p>World</p>', 'Hello\nWorld'],
  ['empty paragraph is one blank line', '<p>Hello</p><p><br></p><p>World</p>', 'Hello\n\nWorld'],
  ['empty editor (Quill)', '<p><br></p>', ''],
  ['trailing empty paragraph', '<p>Hello</p><p><br></p>', 'Hello\n'],
  ['placeholder br ending a block adds nothing', '<p>Hello<br></p><p>World</p>', 'Hello\nWorld'],
  ['br inside a paragraph (Lexical plain text)', '<p><span>Hello</span><br><span>World</span></p>', 'Hello\nWorld'],
  ['hard break plus trailing break (ProseMirror)', '<p>Hello<br><br class="ProseMirror-trailingBreak"></p>', 'Hello\n'],
  ['nested blocks (Draft.js)', '<div data-contents="true"><div data-block="true"><div><span><span data-text="true">Hi</span></span></div></div><div data-block="true"><div><span><br data-text="true"></span></div></div><div data-block="true"><div><span><span data-text="true">there</span></span></div></div></div>', 'Hi\n\nthere'],
  ['text then block', 'a<div>b</div>c', 'a\nb\nc'],
  ['list items', '<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
  ['headings and quotes', '<h1>Title</h1><blockquote>quoted</blockquote>', 'Title\nquoted'],
  ['NBSP becomes a space', '<p>a&nbsp;&nbsp;b</p>', 'a  b'],
  ['emoji image contributes its alt', '<p>hi <img alt="😀"> there</p>', 'hi 😀 there'],
  ['separator image without alt adds nothing', '<p>x<img class="ProseMirror-separator" alt=""><br></p>', 'x'],
  ['script and style are skipped', '<p>a<style>p{}</style><script>x()</script>b</p>', 'ab'],
  ['newline typed inside a text node is kept', '<p>a\n</p>', 'a\n'],
];

for (const [name, html, expected] of CASES) {
  test(`walkText: ${name}`, () => assert.equal(text(html), expected));
}

test('normalizeSpaces keeps the length (UTF-16 offsets stay valid)', () => {
  assert.equal(normalizeSpaces('a\u00a0b'), 'a b');
});

test('segments map text offsets back to their text nodes', () => {
  const root = parse('<p>Hi 😀</p><p><br></p><p>you</p>');
  const walk = walkText(root);
  assert.equal(walk.text, 'Hi 😀\n\nyou');
  const [first, second] = walk.segments;
  assert.deepEqual([first.start, first.end, first.node.data], [0, 5, 'Hi 😀']);
  assert.deepEqual([second.start, second.end, second.node.data], [7, 10, 'you']);
  for (const { start, end, node } of walk.segments) assert.equal(walk.text.slice(start, end), normalizeSpaces(node.data));
});

test('domPositionAt', () => {
  const root = parse('<p>Hi 😀</p><p><br></p><p>you</p>');
  const walk = walkText(root);
  const [hi, you] = walk.segments.map((segment) => segment.node);
  const CASES_AT = [
    [0, hi, 0],
    [3, hi, 3], // before the emoji's surrogate pair
    [5, hi, 5], // end of the first line
    [6, hi, 5], // on the blank line: end of the text before it
    [7, you, 0],
    [10, you, 3],
    [99, you, 3], // past the end: clamped
  ];
  for (const [offset, node, expected] of CASES_AT) {
    assert.deepEqual(domPositionAt(walk, offset), { node, offset: expected }, `offset ${offset}`);
  }
  assert.equal(domPositionAt(walkText(parse('<p><br></p>')), 0), null);
});

test('domPositionAt on an img segment', () => {
  const walk = walkText(parse('a<img alt="😀">b'));
  const img = walk.segments[1].node;
  assert.deepEqual(domPositionAt(walk, 1), { node: img, offset: 0 });
  assert.deepEqual(domPositionAt(walk, 2), { node: img, offset: 1 });
});

// ---- the incremental text source: what it keeps equals a fresh walk ----------------------------

const firstText = (node) => (node.nodeType === 3 ? node : node.childNodes.map(firstText).find(Boolean));

test('text source: typing inside one text node patches the walk (same text and map as a fresh walk)', () => {
  const root = parse('<p>Hello</p><p>World</p>');
  const source = createTextSource(root);
  assert.equal(source.text(), 'Hello\nWorld');
  const world = root.childNodes[1].childNodes[0];
  world.data = 'Wide world';
  assert.equal(source.changed([{ type: 'characterData', target: world }]), true);
  assert.equal(source.dirtyFrom, 6, 'changed from the start of that node');
  const patched = source.map();
  assert.notEqual(patched, null, 'patched in place, not dropped');
  assert.deepEqual(patched, walkText(root));
  assert.equal(source.text(), 'Hello\nWide world');
  source.measured();
  assert.equal(source.dirtyFrom, Infinity);
});

test('text source: a structural change drops the walk; the next read walks again', () => {
  const root = parse('<p>Hello</p>');
  const source = createTextSource(root);
  source.text();
  const target = firstText(root);
  // Two nodes changed in one batch: not a single-node edit.
  assert.equal(source.changed([{ type: 'characterData', target }, { type: 'childList', target: root, previousSibling: null }]), true);
  assert.equal(source.map(), null);
  root.childNodes[0].childNodes[0].data = 'Hi';
  assert.equal(source.text(), 'Hi');
});

test('text source: a class change is layout only; a textarea is read from its value', () => {
  const root = parse('<p>Hello</p>');
  const source = createTextSource(root);
  source.text();
  assert.equal(source.changed([{ type: 'attributes', target: root.childNodes[0] }]), false);
  const textarea = { nodeName: 'TEXTAREA', value: 'a\u00a0b' };
  const area = createTextSource(textarea);
  assert.equal(area.text(), 'a b');
  assert.equal(area.changed(), true);
  assert.equal(area.map(), null);
});

// markup, the mutated node (path of child indexes from the root), record type → dirtyFrom
const MUTATION_START = [
  ['<p>ab</p><p>cd</p>', [1], 'attributes', 2],
  ['<p>ab</p><p>cd</p>', [0], 'attributes', 0],
  ['<p>ab</p><p>cd</p><p>ef</p>', [2, 0], 'characterData', 6],
];
for (const [html, path, type, expected] of MUTATION_START) {
  test(`text source: ${type} on ${html} at [${path}] changes nothing before ${expected}`, () => {
    const root = parse(html);
    const source = createTextSource(root);
    source.text();
    const target = path.reduce((node, index) => node.childNodes[index], root);
    source.changed([{ type, target }]);
    assert.equal(source.dirtyFrom, expected);
  });
}
