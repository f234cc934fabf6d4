// content/posting.js, the pure parts: the site's shortcut, its submit controls, which box a
// control belongs to. (The listeners themselves are checked end to end: tests/e2e/remind.test.mjs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composerOf, isDisabled, isShortcut, isSubmitControl, shortcutOf, submitControlIn } from '../../extension/content/posting.js';
import { SITES } from '../../extension/content/sites.js';

const key = (fields) => ({ key: 'Enter', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false, ...fields });
// event, shortcut → is it the shortcut?
const SHORTCUTS = [
  [key({ ctrlKey: true }), 'Mod+Enter', true],
  [key({ metaKey: true }), 'Mod+Enter', true],
  [key({}), 'Mod+Enter', false],
  [key({ ctrlKey: true, shiftKey: true }), 'Mod+Enter', false],
  [key({ ctrlKey: true, altKey: true }), 'Mod+Enter', false],
  [key({ ctrlKey: true, isComposing: true }), 'Mod+Enter', false],
  [key({ ctrlKey: true, key: 'a' }), 'Mod+Enter', false],
  [key({}), 'Enter', true],
  [key({ shiftKey: true }), 'Enter', false],
  [key({ ctrlKey: true }), 'Enter', false],
  [key({ ctrlKey: true }), null, false],
];
for (const [event, shortcut, expected] of SHORTCUTS) {
  test(`isShortcut(${JSON.stringify(Object.fromEntries(Object.entries(event).filter(([, v]) => v !== false)))}, ${shortcut}) = ${expected}`, () => assert.equal(isShortcut(event, shortcut), expected));
}

/** A stub element: its selectors (what it matches), attributes and text, and its parent. */
const element = ({ matches = [], attributes = {}, text = '', parent = null, disabled = false } = {}) => ({
  nodeType: 1,
  parentNode: parent,
  disabled,
  textContent: text,
  matches: (selector) => selector.split(',').map((s) => s.trim()).some((s) => matches.includes(s)),
  getAttribute: (name) => attributes[name] ?? null,
});

test('submit controls: a selector, or a selector with the names it carries (aria-label, else text)', () => {
  const controls = ['[data-testid="tweetButtonInline"]', { css: '[role="button"], button', names: ['Post', 'Comment'] }];
  assert.equal(isSubmitControl(element({ matches: ['[data-testid="tweetButtonInline"]'] }), controls), true);
  assert.equal(isSubmitControl(element({ matches: ['button'], text: '  Post ' }), controls), true);
  assert.equal(isSubmitControl(element({ matches: ['[role="button"]'], attributes: { 'aria-label': 'Comment' }, text: '' }), controls), true);
  assert.equal(isSubmitControl(element({ matches: ['button'], text: 'Post now' }), controls), false);
  assert.equal(isSubmitControl(element({ matches: ['div'], text: 'Post' }), controls), false);
  const badSelector = { ...element(), matches: () => { throw new SyntaxError('bad'); } };
  assert.equal(isSubmitControl(badSelector, controls), false);
  // From an event's path: the control itself, or the button around the icon that was hit.
  const button = element({ matches: ['button'], text: 'Post' });
  const icon = element({ matches: ['svg'], parent: button });
  assert.equal(submitControlIn([icon, button, { nodeType: 9 }], controls), button);
  assert.equal(submitControlIn([icon], controls), null);
  assert.equal(isDisabled(element({ disabled: true })), true);
  assert.equal(isDisabled(element({ attributes: { 'aria-disabled': 'true' } })), true);
  assert.equal(isDisabled(element()), false);
});

test('a submit control belongs to the box whose nearest ancestor holds it', () => {
  // page > article1 > (box1, toolbar1 > post1); article2 > (box2, toolbar2 > post2); far > post3
  const page = element();
  const article1 = element({ parent: page });
  const article2 = element({ parent: page });
  const box1 = element({ parent: article1 });
  const post1 = element({ parent: element({ parent: article1 }) });
  const box2 = element({ parent: article2 });
  const post2 = element({ parent: element({ parent: article2 }) });
  const views = [{ box: box1 }, { box: box2 }];
  assert.equal(composerOf(post1, views), views[0]);
  assert.equal(composerOf(post2, views), views[1]);
  // A box 10 levels deep does not reach a button 9 levels up from it.
  let deep = page;
  for (let i = 0; i < 9; i++) deep = element({ parent: deep });
  assert.equal(composerOf(element({ parent: page }), [{ box: element({ parent: deep }) }]), null);
  // Across a shadow root (a custom element's button): the root's host is the parent.
  const host = element({ parent: article1 });
  const inShadow = element({ parent: { nodeType: 11, host } });
  assert.equal(composerOf(inShadow, views), views[0]);
});

test('every site names its submit controls and says whether it has a shortcut', () => {
  const box = { nodeName: 'DIV', closest: () => null };
  const textarea = { nodeName: 'TEXTAREA', closest: () => null };
  const shortcuts = Object.fromEntries(SITES.map((site) => [site.id, [shortcutOf(site, box), shortcutOf(site, textarea)]]));
  assert.deepEqual(shortcuts, {
    x: ['Mod+Enter', 'Mod+Enter'], linkedin: [null, null], facebook: [null, null], instagram: [null, 'Enter'], threads: ['Mod+Enter', 'Mod+Enter'],
    bluesky: ['Mod+Enter', 'Mod+Enter'], mastodon: ['Mod+Enter', 'Mod+Enter'], reddit: ['Mod+Enter', null], youtube: [null, null], tumblr: [null, null], pinterest: [null, null],
  });
  for (const site of SITES) {
    assert.ok(Array.isArray(site.submit) && site.submit.length > 0, `${site.id}: submit controls`);
    assert.ok('shortcut' in site, `${site.id}: says whether it has a shortcut`);
  }
  assert.equal(shortcutOf({ shortcut: undefined }, box), null);
});
