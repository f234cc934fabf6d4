// @ts-check
// LinkedIn: Quill (.ql-editor) in the share box and in comment boxes.
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'quill',
  selectors: ['.ql-editor[contenteditable="true"]'],
  context: (box) => (box?.closest?.('.comments-comment-box, .comments-comment-texteditor, .comments-comment-box-comment__text-editor') ? 'reply' : 'post'),
});
