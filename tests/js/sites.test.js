import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SITES, siteForHost, userSite } from '../../extension/content/sites.js';

// hostname → platform (null: not a supported site; the content script does nothing there)
const HOSTS = [
  ['x.com', 'x'],
  ['twitter.com', 'x'],
  ['www.linkedin.com', 'linkedin'],
  ['www.facebook.com', 'facebook'],
  ['bsky.app', 'bluesky'],
  ['mastodon.social', 'mastodon'],
  ['www.instagram.com', 'instagram'],
  ['www.threads.net', 'threads'],
  ['www.threads.com', 'threads'],
  ['www.reddit.com', 'reddit'],
  ['old.reddit.com', 'reddit'],
  ['www.youtube.com', 'youtube'],
  ['www.tumblr.com', 'tumblr'],
  ['www.pinterest.com', 'pinterest'],
  ['linkedin.com', null],
  ['example.com', null],
  ['evil-x.com', null],
];

for (const [host, platform] of HOSTS) {
  test(`siteForHost(${host}) → ${platform}`, () => assert.equal(siteForHost(host)?.platform ?? null, platform));
}

test('every site has selectors and a context function', () => {
  for (const site of SITES) {
    assert.ok(site.selectors.length > 0, site.platform);
    assert.equal(typeof site.context, 'function', site.platform);
  }
});

test('X context: reply on a status page, post elsewhere', () => {
  const x = siteForHost('x.com');
  assert.equal(x.context(null, { pathname: '/someone/status/123' }), 'reply');
  assert.equal(x.context(null, { pathname: '/compose/post' }), 'post');
});

test('one adapter per site, each with its own file, hosts unique', () => {
  assert.equal(SITES.length, 11);
  const hosts = SITES.flatMap((site) => site.hosts);
  assert.equal(new Set(hosts).size, hosts.length);
});

// adapter, pathname, closest() answer → context
const CONTEXTS = [
  ['reddit', '/r/a/comments/123/title/', 'reply'],
  ['reddit', '/r/a/submit', 'post'],
  ['youtube', '/watch', 'reply'],
  ['threads', '/@someone/post/abc', 'reply'],
  ['threads', '/', 'post'],
];
const fakeBox = { closest: () => null, nodeName: 'DIV', getAttribute: () => null };
for (const [host, pathname, context] of CONTEXTS) {
  test(`${host} context on ${pathname} → ${context}`, () => {
    const site = SITES.find((s) => s.platform === host);
    assert.equal(site.context(fakeBox, { pathname }), context);
  });
}

test('Instagram: caption is a post, a comment textarea a reply', () => {
  const instagram = siteForHost('www.instagram.com');
  assert.equal(instagram.context({ ...fakeBox, nodeName: 'TEXTAREA' }, { pathname: '/p/x/' }), 'reply');
  assert.equal(instagram.context(fakeBox, { pathname: '/' }), 'post');
});

test('a user-enabled host: Mastodon when the page is one, else the generic detector with no limit', () => {
  const mastodonPage = { querySelector: (selector) => (selector.includes('#mastodon') ? {} : null) };
  const otherPage = { querySelector: () => null };
  assert.equal(userSite('example.social', mastodonPage).platform, 'mastodon');
  assert.ok(userSite('example.social', mastodonPage).selectors.length > 0);
  assert.equal(userSite('blog.example', otherPage).platform, 'tumblr');
  assert.deepEqual(userSite('blog.example', otherPage).selectors, []);
  assert.equal(userSite('blog.example', otherPage, { platform: 'x' }).platform, 'x');
  assert.equal(userSite('blog.example', otherPage, { platform: 'nope' }).platform, 'tumblr');
});
