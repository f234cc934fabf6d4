// @ts-check
// X (Twitter): Draft.js. The compose box's contenteditable root carries data-testid="tweetTextarea_N"
// (the home timeline box, the compose modal and the reply box alike).
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'draft-js',
  selectors: ['[data-testid^="tweetTextarea_"][contenteditable="true"]', '.public-DraftEditor-content[contenteditable="true"]'],
  // Post (the timeline box) / Post or Reply (the compose modal and the reply box).
  submit: ['[data-testid="tweetButtonInline"]', '[data-testid="tweetButton"]'],
  // Ctrl+Enter (Cmd+Enter on a Mac) posts from the box.
  shortcut: 'Mod+Enter',
  // A reply box sits on a status page, or in the modal opened by a reply button.
  context: (box, location) =>
    location.pathname.includes('/status/') || box?.closest?.('[aria-labelledby][role="dialog"]')?.querySelector('[data-testid="tweet"]')
      ? 'reply'
      : 'post',
});
