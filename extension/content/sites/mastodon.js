// @ts-check
// Mastodon (web UI of any instance): a textarea in .compose-form. mastodon.social is built in;
// other instances are enabled by the user from the popup (optional host permission).
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'textarea',
  selectors: ['textarea.autosuggest-textarea__textarea', '.compose-form textarea'],
  // The compose form's submit button ("Post", "Publish!" on older versions, "Update" when editing).
  submit: ['.compose-form button[type="submit"]', '.compose-form__publish-button-wrapper button'],
  // Ctrl+Enter (Cmd+Enter on a Mac) submits the form.
  shortcut: 'Mod+Enter',
  context: (box) => (box?.closest?.('.compose-form')?.querySelector('.reply-indicator, .edit-indicator') ? 'reply' : 'post'),
  /** True when a page of an unknown host is a Mastodon instance's web UI. */
  detect: (doc) => Boolean(doc.querySelector('#mastodon, body.app-body, .compose-form textarea')),
});
