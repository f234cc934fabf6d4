// @ts-check
// Mastodon (web UI of any instance): a textarea in .compose-form. mastodon.social is built in;
// other instances are enabled by the user from the popup (optional host permission).
export default /** @satisfies {import('../sites.js').Adapter} */ ({
  editor: 'textarea',
  selectors: ['textarea.autosuggest-textarea__textarea', '.compose-form textarea'],
  context: (box) => (box?.closest?.('.compose-form')?.querySelector('.reply-indicator, .edit-indicator') ? 'reply' : 'post'),
  /** True when a page of an unknown host is a Mastodon instance's web UI. */
  detect: (doc) => Boolean(doc.querySelector('#mastodon, body.app-body, .compose-form textarea')),
});
