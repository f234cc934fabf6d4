// @ts-check
// Facebook: Lexical (role="textbox", data-lexical-editor) for posts and comments.
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'lexical',
  selectors: ['[contenteditable="true"][role="textbox"][data-lexical-editor="true"]', '[contenteditable="true"][role="textbox"]'],
  // "Post" in the create-post dialog, "Comment" beside a comment box (role=button, named by
  // aria-label; in English: the labels are localised).
  submit: [{ css: '[role="button"], button', names: ['Post', 'Comment', 'Reply'] }, '#focused-state-composer-submit'],
  // The post dialog has no shortcut; a comment box sends on Enter (Shift+Enter is a line break).
  shortcut: (box) => (box.closest('[role="article"] form, form[role="presentation"]') ? 'Enter' : null),
  // Comment boxes live inside a form inside an article (the post they answer).
  context: (box) => (box?.closest?.('[role="article"] form, form[role="presentation"]') ? 'reply' : 'post'),
});
