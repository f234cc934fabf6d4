// @ts-check
// Pinterest: the Pin description ("Tell everyone what your Pin is about") and comment boxes are
// Draft.js editors; some forms still use a textarea.
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'draft-js',
  selectors: [
    '.public-DraftEditor-content[contenteditable="true"]',
    'textarea#pin-draft-description',
    'textarea[placeholder^="Add a comment"]',
  ],
  // "Publish" above the Pin form; "Post" beside a comment box.
  submit: [{ css: 'button, [role="button"]', names: ['Publish', 'Post'] }, '[data-test-id="storyboard-creation-nav-done"] button'],
  // No keyboard shortcut publishes.
  shortcut: null,
  context: (box) => (box?.closest?.('[data-test-id="comment-editor-container"], [data-test-id="commentThread"]') ? 'reply' : 'post'),
});
