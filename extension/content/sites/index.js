// The site adapters, one file per site. Each: {platform, hosts, editor, selectors,
// context(box, location) → "post" | "reply", anchor?(box) → element the chip sits in,
// detect?(document) → true when an unknown host runs that site's software}.
import bluesky from './bluesky.js';
import facebook from './facebook.js';
import instagram from './instagram.js';
import linkedin from './linkedin.js';
import mastodon from './mastodon.js';
import pinterest from './pinterest.js';
import reddit from './reddit.js';
import threads from './threads.js';
import tumblr from './tumblr.js';
import x from './x.js';
import youtube from './youtube.js';

export const ADAPTERS = [x, linkedin, facebook, instagram, threads, bluesky, mastodon, reddit, youtube, tumblr, pinterest];
