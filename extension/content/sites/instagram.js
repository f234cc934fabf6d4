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
  context: (box) => (box?.nodeName === 'TEXTAREA' ? 'reply' : 'post'),
});
