// @ts-check
// Facebook: Lexical (role="textbox", data-lexical-editor) for posts and comments.
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'lexical',
  selectors: ['[contenteditable="true"][role="textbox"][data-lexical-editor="true"]', '[contenteditable="true"][role="textbox"]'],
  // Comment boxes live inside a form inside an article (the post they answer).
  context: (box) => (box?.closest?.('[role="article"] form, form[role="presentation"]') ? 'reply' : 'post'),
});
