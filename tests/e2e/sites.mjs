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
  ytd-commentbox, shreddit-composer, yt-formatted-string { display: block; }
  #contenteditable-root { min-height: 60px; }
  #creation-box { border: 1px solid #ccc; border-radius: 8px; padding: 12px; }
  @media (prefers-color-scheme: dark) {
    body { background: #15161a; color: #e6e6e1; }
    #compose, .compose-box, #creation-box { border-color: #45474c; }
    textarea { background: #1f2023; color: #e6e6e1; border-color: #45474c; }
  }
`;

export const SITES = [
  {
    name: 'x',
    editor: 'draft-js',
    platform: 'x',
    context: 'post',
    url: 'https://x.com/compose/post',
    body: '<div id="compose"></div>',
    click: '[data-testid="tweetTextarea_0"]',
  },
  {
    name: 'linkedin',
    editor: 'quill',
    platform: 'linkedin',
    context: 'post',
    url: 'https://www.linkedin.com/feed/',
    body: '<div class="share-creation-state__text-editor"><div id="compose"></div></div>',
    click: '.ql-editor',
  },
  {
    name: 'facebook',
    editor: 'lexical',
    platform: 'facebook',
    context: 'post',
    url: 'https://www.facebook.com/',
    body: '<div id="compose" contenteditable="true" role="textbox" spellcheck="true" aria-label="What\'s on your mind?"></div>',
    click: '[data-lexical-editor]',
  },
  {
    name: 'instagram',
    editor: 'lexical',
    platform: 'instagram',
    context: 'post',
    url: 'https://www.instagram.com/',
    // "Create new post" dialog, caption step.
    body: '<div role="dialog" aria-label="Create new post"><div id="compose" aria-label="Write a caption..." contenteditable="true" role="textbox" spellcheck="true" tabindex="0"></div></div>',
    click: '[data-lexical-editor]',
  },
  {
    name: 'threads',
    editor: 'lexical',
    platform: 'threads',
    context: 'post',
    url: 'https://www.threads.net/',
    body: '<div role="dialog" aria-label="New thread"><div id="compose" aria-label="Empty text field. Type to compose a new post." contenteditable="true" role="textbox" spellcheck="true" tabindex="0"></div></div>',
    click: '[data-lexical-editor]',
  },
  {
    name: 'bluesky',
    editor: 'prosemirror',
    platform: 'bluesky',
    context: 'post',
    url: 'https://bsky.app/',
    body: '<div id="compose"></div>',
    click: '.ProseMirror',
  },
  {
    name: 'mastodon',
    editor: 'textarea',
    platform: 'mastodon',
    context: 'post',
    url: 'https://mastodon.social/home',
    body: '<form class="compose-form"><textarea class="autosuggest-textarea__textarea" placeholder="What\'s on your mind?"></textarea></form>',
    click: 'textarea',
  },
  {
    name: 'reddit',
    editor: 'lexical (rich text)',
    platform: 'reddit',
    context: 'reply',
    url: 'https://www.reddit.com/r/test/comments/abc123/hello_world/',
    body: '<shreddit-composer><div slot="rte" id="compose" contenteditable="true" role="textbox" aria-label="Add a comment" spellcheck="true"></div></shreddit-composer>',
    click: '[data-lexical-editor]',
  },
  {
    name: 'old-reddit',
    editor: 'textarea',
    platform: 'reddit',
    context: 'reply',
    url: 'https://old.reddit.com/r/test/comments/abc123/hello_world/',
    body: '<form class="usertext cloneable"><div class="usertext-edit md-container"><div class="md"><textarea rows="1" cols="1" name="text"></textarea></div></div></form>',
    click: 'textarea',
  },
  {
    name: 'youtube',
    editor: 'contenteditable',
    platform: 'youtube',
    context: 'reply',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    body: '<ytd-commentbox><div id="creation-box"><yt-formatted-string id="contenteditable-textarea"><div id="contenteditable-root" contenteditable="true" dir="auto" aria-label="Add a comment..."></div></yt-formatted-string></div></ytd-commentbox>',
    click: '#contenteditable-root',
    anchor: '#creation-box',
  },
  {
    name: 'tumblr',
    editor: 'contenteditable blocks',
    platform: 'tumblr',
    context: 'post',
    url: 'https://www.tumblr.com/new/text',
    body: '<div data-testid="post-form"><div id="compose" contenteditable="true" role="textbox" aria-label="Post body" aria-multiline="true"><p><br></p></div></div>',
    click: '#compose',
  },
  {
    name: 'pinterest',
    editor: 'draft-js',
    platform: 'pinterest',
    context: 'post',
    url: 'https://www.pinterest.com/pin-creation-tool/',
    body: '<div id="compose"></div>',
    click: '[data-testid="pin-draft-description"]',
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
