// @ts-check
// Instagram web: the caption box of "Create new post" is a Lexical contenteditable
// (aria-label "Write a caption..."); comment boxes are textareas ("Add a comment…").
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'lexical',
  selectors: [
    '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    'div[contenteditable="true"][aria-label^="Write a caption"]',
    'form textarea[aria-label^="Add a comment"]',
    'textarea[placeholder^="Add a comment"]',
  ],
  // "Share" at the top of the create-post dialog; "Post" beside a comment box.
  submit: [{ css: '[role="button"], button', names: ['Share', 'Post'] }, 'form button[type="submit"]'],
  // A caption has no shortcut; a comment sends on Enter.
  shortcut: (box) => (box.nodeName === 'TEXTAREA' ? 'Enter' : null),
  context: (box) => (box?.nodeName === 'TEXTAREA' ? 'reply' : 'post'),
});
