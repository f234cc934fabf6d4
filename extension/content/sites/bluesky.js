// @ts-check
// Bluesky: TipTap (ProseMirror) in the composer dialog, for posts and replies alike.
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'prosemirror',
  selectors: ['.ProseMirror[contenteditable="true"]'],
  // "Post" / "Reply" at the top of the composer dialog.
  submit: ['[data-testid="composerPublishBtn"]', '[aria-label="Publish post"]', '[aria-label="Publish reply"]'],
  // Ctrl+Enter (Cmd+Enter on a Mac) publishes from the editor.
  shortcut: 'Mod+Enter',
  // The reply composer shows the post it answers above the editor.
  context: (box) => (box?.closest?.('[role="dialog"], [aria-modal="true"]')?.querySelector('[data-testid="replyToPost"], [aria-label^="Reply to"]') ? 'reply' : 'post'),
});
