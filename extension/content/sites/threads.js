// @ts-check
// Threads: a Lexical contenteditable (role="textbox", data-lexical-editor) in the composer dialog
// and inline under a post.
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'lexical',
  selectors: ['[contenteditable="true"][role="textbox"][data-lexical-editor="true"]', '[contenteditable="true"][role="textbox"]'],
  // "Post" (a role=button div) in the composer dialog and under a post.
  submit: [{ css: '[role="button"], button', names: ['Post', 'Reply'] }],
  // Ctrl+Enter (Cmd+Enter on a Mac) posts from the composer.
  shortcut: 'Mod+Enter',
  // Replying happens on a post's own page (/@user/post/ID) or in a dialog quoting the post.
  context: (box, location) => (location.pathname.includes('/post/') || box?.closest?.('[role="dialog"] [data-reply-to]') ? 'reply' : 'post'),
});
