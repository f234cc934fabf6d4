// The fixture pages: one per supported site, each a real editor package served at the site's
// real URL (so the manifest's matches apply). Scripts are bundled into fixtures/build/ by
// tools/build-extension.mjs.

const STYLE = `
  body { margin: 0; font: 15px/1.4 system-ui, sans-serif; }
  main { width: 600px; margin: 40px auto; }
  #compose, .compose-box { min-height: 120px; border: 1px solid #ccc; border-radius: 8px; padding: 12px; }
  [contenteditable] { outline: none; white-space: pre-wrap; overflow-wrap: break-word; }
  p { margin: 0; }
  textarea { width: 100%; height: 140px; font: inherit; box-sizing: border-box; }
  .spacer { height: 1500px; }
`;

export const SITES = [
  {
    name: 'x',
    editor: 'draft-js',
    platform: 'x',
    url: 'https://x.com/compose/post',
    body: '<div id="compose"></div>',
  },
  {
    name: 'linkedin',
    editor: 'quill',
    platform: 'linkedin',
    url: 'https://www.linkedin.com/feed/',
    body: '<div class="share-creation-state__text-editor"><div id="compose"></div></div>',
  },
  {
    name: 'facebook',
    editor: 'lexical',
    platform: 'facebook',
    url: 'https://www.facebook.com/',
    body: '<div id="compose" contenteditable="true" role="textbox" spellcheck="true" aria-label="What\'s on your mind?"></div>',
  },
  {
    name: 'bluesky',
    editor: 'prosemirror',
    platform: 'bluesky',
    url: 'https://bsky.app/',
    body: '<div id="compose"></div>',
  },
  {
    name: 'mastodon',
    editor: 'textarea',
    platform: 'mastodon',
    url: 'https://mastodon.social/home',
    body: '<form class="compose-form"><textarea class="autosuggest-textarea__textarea" placeholder="What\'s on your mind?"></textarea></form>',
  },
];

/**
 * A page of a supported site where the site table finds no compose box (LinkedIn messaging):
 * the generic fallback takes the focused editable field, unless it opts out or cannot be written.
 */
export const GENERIC_PAGE = {
  name: 'generic',
  platform: 'linkedin',
  url: 'https://www.linkedin.com/messaging/',
  body: `
    <div id="message" class="msg-form__contenteditable" contenteditable="true" role="textbox" aria-label="Write a message"><p><br></p></div>
    <textarea id="gramm-off" data-gramm="false"></textarea>
    <div data-enable-grammarly="false"><div id="grammarly-off" contenteditable="true"></div></div>
    <textarea id="read-only" readonly>fixed</textarea>
    <input id="password" type="password">`,
};

export const FIXTURE_PREFIX = '/__rapport_fixture__/';

export function fixtureHtml(site) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${site.name} fixture</title>
<style>${STYLE}</style>
</head>
<body>
<main>${site.body}</main>
<div class="spacer"></div>
${site === GENERIC_PAGE ? '' : `<script src="${FIXTURE_PREFIX}${site.name}.js"></script>`}
</body>
</html>`;
}
