// The fixture pages: one per supported site, each a real editor package served at the site's
// real URL (so the manifest's matches apply), with the site's own controls where the real site
// puts them (Post, Reply, Comment, attach, GIF, emoji, location…): the chip must find free space
// among them. The submit control is real: it posts (counted in window.__fixtureSubmits with the
// text it took) and then empties the box or closes the composer as the site does, and so does
// Ctrl/Cmd+Enter where the site has that shortcut (fixtures/lib/submit.js). Scripts are bundled into fixtures/build/ by tools/build-extension.mjs.

const STYLE = `
  body { margin: 0; font: 15px/1.4 system-ui, sans-serif; }
  main { width: 600px; margin: 40px auto; }
  #compose, .compose-box { min-height: 120px; border: 1px solid #ccc; border-radius: 8px; padding: 12px; }
  [contenteditable] { outline: none; white-space: pre-wrap; overflow-wrap: break-word; }
  p { margin: 0; }
  textarea { width: 100%; height: 140px; font: inherit; box-sizing: border-box; }
  .spacer { height: 1500px; }
  ytd-commentbox, shreddit-composer, yt-formatted-string { display: block; }
  .tweet { margin: 0 0 12px; padding: 12px; border: 1px solid #ccc; border-radius: 8px; }
  .tweet p { margin: 6px 0 0; }
  #contenteditable-root { min-height: 60px; }
  #creation-box { border: 1px solid #ccc; border-radius: 8px; padding: 12px; }
  /* The sites' controls: icon buttons, the primary action, text buttons and fields. */
  .toolbar { display: flex; align-items: center; gap: 4px; margin-top: 8px; }
  .toolbar.top { margin: 0 0 8px; }
  .grow { flex: 1; }
  .icon { display: inline-block; box-sizing: border-box; width: 34px; height: 34px; padding: 0; border: 0; border-radius: 50%; background: #e8f0f8; font: 12px system-ui; }
  .primary { box-sizing: border-box; height: 36px; padding: 0 16px; border: 0; border-radius: 18px; background: #1d6fb8; color: #fff; font: 700 14px system-ui; }
  .wide { display: block; width: 100%; text-align: center; line-height: 36px; }
  .text-button { height: 32px; padding: 0 12px; border: 1px solid #999; border-radius: 16px; background: none; font: 14px system-ui; }
  .field { box-sizing: border-box; width: 100%; height: 36px; margin: 8px 0 0; padding: 0 10px; border: 1px solid #ccc; border-radius: 6px; font: inherit; }
  .counter { color: #666; font-size: 13px; }
  [data-testid="tweetTextarea_0"], [data-testid="pin-draft-description"] { min-height: 72px; }
  .bottom-area { display: flex; align-items: center; gap: 8px; margin-top: 4px; }
  @media (prefers-color-scheme: dark) {
    body { background: #15161a; color: #e6e6e1; }
    #compose, .compose-box, #creation-box, .field { border-color: #45474c; }
    .icon { background: #2a3340; color: #e6e6e1; }
    .text-button { color: #e6e6e1; }
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
    body: '<div class="composer"><div id="compose"></div>'
      + '<div class="toolbar" role="toolbar" aria-label="Composer actions">'
      + '<button class="icon" aria-label="Add photos or video"></button><button class="icon" aria-label="Add a GIF"></button>'
      + '<button class="icon" aria-label="Add poll"></button><button class="icon" aria-label="Add emoji"></button>'
      + '<button class="icon" aria-label="Schedule post"></button><button class="icon" aria-label="Tag location"></button>'
      + '<span class="grow"></span><button class="primary" data-testid="tweetButtonInline">Post</button></div></div>',
    click: '[data-testid="tweetTextarea_0"]',
    // The site's submit control (the fixture counts its submits) and whether Ctrl/Cmd+Enter posts.
    submit: '[data-testid="tweetButtonInline"]',
    shortcut: true,
  },
  {
    name: 'linkedin',
    editor: 'quill',
    platform: 'linkedin',
    context: 'post',
    url: 'https://www.linkedin.com/feed/',
    body: '<div role="dialog" aria-label="Create post"><div class="share-creation-state__text-editor"><div id="compose"></div></div>'
      + '<div class="toolbar"><button class="icon" aria-label="Open Emoji Keyboard"></button></div>'
      + '<div class="toolbar"><button class="icon" aria-label="Add media"></button><button class="icon" aria-label="Create an event"></button>'
      + '<button class="icon" aria-label="Celebrate an occasion"></button><button class="icon" aria-label="More"></button></div>'
      + '<div class="toolbar"><span class="grow"></span><button class="icon" aria-label="Schedule post"></button>'
      + '<button class="primary share-actions__primary-action">Post</button></div></div>',
    click: '.ql-editor',
    // The site's submit control (the fixture counts its submits) and whether Ctrl/Cmd+Enter posts.
    submit: '.share-actions__primary-action',
    shortcut: false,
  },
  {
    name: 'facebook',
    editor: 'lexical',
    platform: 'facebook',
    context: 'post',
    url: 'https://www.facebook.com/',
    body: '<div role="dialog" aria-label="Create post"><div class="toolbar top"><strong class="grow">Create post</strong><div class="icon" role="button" tabindex="0" aria-label="Close"></div></div>'
      + '<div class="toolbar top"><div class="text-button" role="button" tabindex="0">Friends</div></div>'
      + '<div id="compose" contenteditable="true" role="textbox" spellcheck="true" aria-label="What\'s on your mind?"></div>'
      + '<div class="toolbar"><div class="icon" role="button" tabindex="0" aria-label="Show Background Options"></div><span class="grow"></span><div class="icon" role="button" tabindex="0" aria-label="Emoji"></div></div>'
      + '<div class="toolbar"><span class="grow">Add to your post</span><div class="icon" role="button" tabindex="0" aria-label="Photo/video"></div>'
      + '<div class="icon" role="button" tabindex="0" aria-label="Tag people"></div><div class="icon" role="button" tabindex="0" aria-label="Feeling/activity"></div>'
      + '<div class="icon" role="button" tabindex="0" aria-label="Check in"></div><div class="icon" role="button" tabindex="0" aria-label="GIF"></div>'
      + '<div class="icon" role="button" tabindex="0" aria-label="More"></div></div>'
      + '<div class="toolbar"><div class="primary wide" role="button" tabindex="0" aria-label="Post">Post</div></div></div>',
    click: '[data-lexical-editor]',
    // The site's submit control (the fixture counts its submits) and whether Ctrl/Cmd+Enter posts.
    submit: '[role="button"][aria-label="Post"]',
    shortcut: false,
  },
  {
    name: 'instagram',
    editor: 'lexical',
    platform: 'instagram',
    context: 'post',
    url: 'https://www.instagram.com/',
    // "Create new post" dialog, caption step.
    body: '<div role="dialog" aria-label="Create new post"><div class="toolbar top"><button class="icon" aria-label="Back"></button><strong class="grow">Create new post</strong><div role="button" tabindex="0" class="text-button">Share</div></div>'
      + '<div id="compose" aria-label="Write a caption..." contenteditable="true" role="textbox" spellcheck="true" tabindex="0"></div>'
      + '<div class="toolbar"><button class="icon" aria-label="Emoji"></button><span class="grow"></span><span class="counter">0/2,200</span></div>'
      + '<input class="field" name="creation-location-input" placeholder="Add location">'
      + '<div class="toolbar"><div role="button" tabindex="0" class="text-button">Add collaborators</div><div role="button" tabindex="0" class="text-button">Accessibility</div></div></div>',
    click: '[data-lexical-editor]',
    // The site's submit control (the fixture counts its submits) and whether Ctrl/Cmd+Enter posts.
    submit: '.toolbar.top [role="button"]',
    shortcut: false,
  },
  {
    name: 'threads',
    editor: 'lexical',
    platform: 'threads',
    context: 'post',
    url: 'https://www.threads.net/',
    body: '<div role="dialog" aria-label="New thread"><div class="toolbar top"><button class="text-button">Cancel</button><strong class="grow">New thread</strong><button class="icon" aria-label="More"></button></div>'
      + '<div id="compose" aria-label="Empty text field. Type to compose a new post." contenteditable="true" role="textbox" spellcheck="true" tabindex="0"></div>'
      + '<div class="toolbar"><div role="button" tabindex="0" class="icon" aria-label="Attach media"></div><div role="button" tabindex="0" class="icon" aria-label="Add a GIF"></div>'
      + '<div role="button" tabindex="0" class="icon" aria-label="Add an emoji"></div><div role="button" tabindex="0" class="icon" aria-label="Add a topic"></div>'
      + '<div role="button" tabindex="0" class="icon" aria-label="Add a poll"></div><div role="button" tabindex="0" class="icon" aria-label="Add location"></div></div>'
      + '<div class="toolbar"><div role="button" tabindex="0" class="text-button">Reply options</div><span class="grow"></span><div role="button" tabindex="0" class="primary">Post</div></div></div>',
    click: '[data-lexical-editor]',
    // The site's submit control (the fixture counts its submits) and whether Ctrl/Cmd+Enter posts.
    submit: '[role="button"].primary',
    shortcut: true,
  },
  {
    name: 'bluesky',
    editor: 'prosemirror',
    platform: 'bluesky',
    context: 'post',
    url: 'https://bsky.app/',
    body: '<div role="dialog" aria-label="Compose new post"><div class="toolbar top"><button class="text-button" aria-label="Cancel">Cancel</button><span class="grow"></span><button class="primary" aria-label="Publish post">Post</button></div>'
      + '<div id="compose"></div>'
      + '<div class="toolbar"><button class="icon" aria-label="Gallery"></button><button class="icon" aria-label="Video"></button><button class="icon" aria-label="Select GIF"></button>'
      + '<button class="icon" aria-label="Open emoji picker"></button><span class="grow"></span><button class="text-button" aria-label="Post language selection">English</button><span class="counter">300</span></div></div>',
    click: '.ProseMirror',
    // The site's submit control (the fixture counts its submits) and whether Ctrl/Cmd+Enter posts.
    submit: '[aria-label="Publish post"]',
    shortcut: true,
  },
  {
    name: 'mastodon',
    editor: 'textarea',
    platform: 'mastodon',
    context: 'post',
    url: 'https://mastodon.social/home',
    body: '<form class="compose-form"><textarea class="autosuggest-textarea__textarea" placeholder="What\'s on your mind?"></textarea>'
      + '<div class="toolbar compose-form__footer"><button type="button" class="icon" aria-label="Add images, a video or an audio file"></button>'
      + '<button type="button" class="icon" aria-label="Add a poll"></button><button type="button" class="icon" aria-label="Add content warning"></button>'
      + '<button type="button" class="icon" aria-label="Change post privacy"></button><button type="button" class="icon" aria-label="Change post language">EN</button>'
      + '<span class="grow"></span><span class="counter">500</span></div>'
      + '<div class="toolbar compose-form__submit"><span class="grow"></span><button type="submit" class="primary">Post</button></div></form>',
    click: 'textarea',
    // The site's submit control (the fixture counts its submits) and whether Ctrl/Cmd+Enter posts.
    submit: '.compose-form button[type="submit"]',
    shortcut: true,
  },
  {
    name: 'reddit',
    editor: 'lexical (rich text)',
    platform: 'reddit',
    context: 'reply',
    url: 'https://www.reddit.com/r/test/comments/abc123/hello_world/',
    body: '<shreddit-composer><div slot="rte" id="compose" contenteditable="true" role="textbox" aria-label="Add a comment" spellcheck="true"></div>'
      + '<div class="toolbar"><button class="icon" aria-label="Show formatting options">Aa</button><button class="icon" aria-label="Add image"></button>'
      + '<button class="icon" aria-label="Add GIF"></button><span class="grow"></span><button class="text-button" slot="cancel-button">Cancel</button>'
      + '<button class="primary" slot="submit-button" type="submit">Comment</button></div></shreddit-composer>',
    click: '[data-lexical-editor]',
    // The site's submit control (the fixture counts its submits) and whether Ctrl/Cmd+Enter posts.
    submit: '[slot="submit-button"]',
    shortcut: true,
  },
  {
    name: 'old-reddit',
    editor: 'textarea',
    platform: 'reddit',
    context: 'reply',
    url: 'https://old.reddit.com/r/test/comments/abc123/hello_world/',
    body: '<form class="usertext cloneable"><div class="usertext-edit md-container"><div class="md"><textarea rows="1" cols="1" name="text"></textarea></div>'
      + '<div class="bottom-area"><div class="usertext-buttons"><button type="submit" class="save">save</button></div><span class="grow"></span>'
      + '<a href="/wiki/commenting" class="help-toggle">formatting help</a><a href="/help/contentpolicy" class="reddiquette">content policy</a></div></div></form>',
    click: 'textarea',
    // The site's submit control (the fixture counts its submits) and whether Ctrl/Cmd+Enter posts.
    submit: '.usertext-buttons button.save',
    shortcut: false,
  },
  {
    name: 'youtube',
    editor: 'contenteditable',
    platform: 'youtube',
    context: 'reply',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    body: '<ytd-commentbox><div id="creation-box"><yt-formatted-string id="contenteditable-textarea"><div id="contenteditable-root" contenteditable="true" dir="auto" aria-label="Add a comment..."></div></yt-formatted-string></div>'
      + '<div id="footer" class="toolbar"><button class="icon" id="emoji-button" aria-label="Emoji"></button><span class="grow"></span>'
      + '<button class="text-button" id="cancel-button" aria-label="Cancel">Cancel</button><button class="primary" id="submit-button" aria-label="Comment">Comment</button></div></ytd-commentbox>',
    click: '#contenteditable-root',
    // The site's submit control (the fixture counts its submits) and whether Ctrl/Cmd+Enter posts.
    submit: '#submit-button',
    shortcut: false,
  },
  {
    name: 'tumblr',
    editor: 'contenteditable blocks',
    platform: 'tumblr',
    context: 'post',
    url: 'https://www.tumblr.com/new/text',
    body: '<div data-testid="post-form"><div class="toolbar top"><button class="text-button" aria-label="Blog selector">myblog</button><span class="grow"></span><button class="icon" aria-label="Post settings"></button></div>'
      + '<div id="compose" contenteditable="true" role="textbox" aria-label="Post body" aria-multiline="true"><p><br></p></div>'
      + '<input class="field" aria-label="Tags editor" placeholder="#add tags to help people find your post">'
      + '<div class="toolbar"><button class="text-button">Close</button><span class="grow"></span><button class="primary">Post now</button><button class="icon" aria-label="Post options"></button></div></div>',
    click: '#compose',
    // The site's submit control (the fixture counts its submits) and whether Ctrl/Cmd+Enter posts.
    submit: 'button.primary',
    shortcut: false,
  },
  {
    name: 'pinterest',
    editor: 'draft-js',
    platform: 'pinterest',
    context: 'post',
    url: 'https://www.pinterest.com/pin-creation-tool/',
    body: '<div class="toolbar top"><strong class="grow">Create Pin</strong><button class="primary">Publish</button></div>'
      + '<input class="field" id="storyboard-selector-title" placeholder="Add a title">'
      + '<div id="compose" class="pin-description"></div>'
      + '<input class="field" id="WebsiteField" placeholder="Add a link">'
      + '<div class="toolbar"><button class="text-button" aria-label="Select a board">Choose a board</button><span class="grow"></span><button class="icon" aria-label="More options"></button></div>',
    click: '[data-testid="pin-draft-description"]',
    // The site's submit control (the fixture counts its submits) and whether Ctrl/Cmd+Enter posts.
    submit: 'button.primary',
    shortcut: false,
  },
];

/**
 * X's reply box on a post's own page (/status/…): the post replied to above, the reply box and its
 * Reply button below (X's own script is the same fixture as the compose box's).
 */
export const X_REPLY = {
  ...SITES[0],
  context: 'reply',
  url: 'https://x.com/rapport/status/1866',
  body: '<article data-testid="tweet" class="tweet"><strong>Dana</strong> <span class="counter">@dana · 2h</span>'
    + '<p>Hot take: most product launches would go better with half the features and twice the testing.</p></article>'
    + '<p class="counter">Replying to @dana</p>'
    + SITES[0].body.replace('>Post</button>', '>Reply</button>'),
};

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
