// LinkedIn: Quill (.ql-editor) in the share box and in comment boxes.
export default {
  platform: 'linkedin',
  hosts: ['www.linkedin.com'],
  editor: 'quill',
  selectors: ['.ql-editor[contenteditable="true"]'],
  context: (box) => (box?.closest?.('.comments-comment-box, .comments-comment-texteditor, .comments-comment-box-comment__text-editor') ? 'reply' : 'post'),
};
