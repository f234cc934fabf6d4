import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SITES, siteForHost } from '../../extension/content/sites.js';

// hostname → platform (null: not a supported site; the content script does nothing there)
const HOSTS = [
  ['x.com', 'x'],
  ['twitter.com', 'x'],
  ['www.linkedin.com', 'linkedin'],
  ['www.facebook.com', 'facebook'],
  ['bsky.app', 'bluesky'],
  ['mastodon.social', 'mastodon'],
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
