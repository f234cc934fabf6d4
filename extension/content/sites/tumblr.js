// @ts-check
// Tumblr's post editor: a contenteditable of text blocks (<p> per block) in the post form; replies
// are a contenteditable too. Tumblr has no length limit (the counter shows characters only).
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'contenteditable blocks',
  selectors: [
    '[data-testid="post-form"] [contenteditable="true"][role="textbox"]',
    '.block-editor-rich-text__editable[contenteditable="true"]',
    '[contenteditable="true"][aria-label="Reply"]',
  ],
  // "Post now" (or Post, Reply, Reblog, Queue, Schedule) under the post form.
  submit: [{ css: 'button', names: ['Post now', 'Post', 'Reply', 'Reblog', 'Queue', 'Schedule'] }],
  // No keyboard shortcut posts.
  shortcut: null,
  context: (box) => (box?.getAttribute?.('aria-label') === 'Reply' || box?.closest?.('[data-testid="reply-form"]') ? 'reply' : 'post'),
});
