// @ts-check
// LinkedIn: Quill (.ql-editor) in the share box and in comment boxes.
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'quill',
  selectors: ['.ql-editor[contenteditable="true"]'],
  // Post (the share box), Comment / Reply (comment boxes).
  submit: ['.share-actions__primary-action', '.comments-comment-box__submit-button', '.comments-comment-box__submit-button--cr'],
  // No keyboard shortcut posts: Ctrl+Enter is a line break in the share box.
  shortcut: null,
  context: (box) => (box?.closest?.('.comments-comment-box, .comments-comment-texteditor, .comments-comment-box-comment__text-editor') ? 'reply' : 'post'),
});
