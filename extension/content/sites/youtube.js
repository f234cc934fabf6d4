// @ts-check
// YouTube comments: a plain contenteditable #contenteditable-root inside ytd-commentbox (no
// editor framework; YouTube reads the DOM). Comments are replies to the video or to a comment.
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'contenteditable',
  selectors: ['ytd-commentbox #contenteditable-root[contenteditable="true"]', '#contenteditable-root[contenteditable="true"]'],
  context: () => 'reply',
  // "Comment" / "Reply" under the box.
  submit: ['ytd-commentbox #submit-button', '#submit-button'],
  // No keyboard shortcut: Enter is a line break and Ctrl+Enter does nothing.
  shortcut: null,
  /** The chip sits in the comment box (the editor itself is one line tall when empty). */
  anchor: (box) => box.closest('#creation-box, ytd-commentbox') ?? box,
});
