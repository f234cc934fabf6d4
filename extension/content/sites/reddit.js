// @ts-check
// Reddit. New Reddit (shreddit): the comment and post-body composers are Lexical contenteditables
// slotted into <shreddit-composer>. Old Reddit: a markdown textarea in .usertext-edit.
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'lexical / textarea',
  selectors: [
    'shreddit-composer [contenteditable="true"][data-lexical-editor="true"]',
    'shreddit-composer [contenteditable="true"][role="textbox"]',
    '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    '.usertext-edit textarea[name="text"]',
    'textarea[name="text"]',
  ],
  // Comment (new Reddit's composer slot), save (old Reddit), Post on /submit.
  submit: ['shreddit-composer [slot="submit-button"]', 'shreddit-composer button[type="submit"]', '.usertext-buttons button.save', '#submit-post-button', { css: 'button', names: ['Post'] }],
  // New Reddit's composer comments on Ctrl+Enter (Cmd+Enter on a Mac); old Reddit's textarea has no shortcut.
  shortcut: (box) => (box.nodeName === 'TEXTAREA' ? null : 'Mod+Enter'),
  // Comment boxes are on a post's page; posts are written on /submit.
  context: (box, location) => (location.pathname.includes('/submit') ? 'post' : location.pathname.includes('/comments/') ? 'reply' : 'post'),
});
