// Which compose boxes Rapport watches on each supported site, and which it must leave alone.
// Pure apart from calling standard DOM methods on the elements it is given. An adapter that finds
// nothing (the site changed its markup) fails quietly: the generic detector takes the focused field.

import { ADAPTERS } from './sites/index.js';
import mastodon from './sites/mastodon.js';

/** The built-in sites, one adapter file each under sites/. */
export const SITES = ADAPTERS;

/** Platforms a user-enabled site can be counted as; "tumblr" has no length limit. */
export const PLATFORMS = ['x', 'linkedin', 'facebook', 'instagram', 'threads', 'bluesky', 'mastodon', 'reddit', 'youtube', 'tumblr', 'pinterest'];
const NO_LIMIT_PLATFORM = 'tumblr';

export function siteForHost(hostname) {
  return SITES.find((site) => site.hosts.includes(hostname)) ?? null;
}

/**
 * The adapter for a host the user enabled from the popup (optional host permission): a Mastodon
 * instance when the page is one, otherwise the generic detector alone (no selectors: the focused
 * field is watched), counted as the platform the user chose (default: no limit).
 */
export function userSite(hostname, doc, siteSettings = {}) {
  const isMastodon = Boolean(mastodon.detect(doc));
  const platform = PLATFORMS.includes(siteSettings.platform) ? siteSettings.platform : isMastodon ? 'mastodon' : NO_LIMIT_PLATFORM;
  return {
    platform,
    hosts: [hostname],
    editor: isMastodon ? mastodon.editor : 'generic',
    selectors: isMastodon ? mastodon.selectors : [],
    context: isMastodon ? mastodon.context : () => 'post',
  };
}

/** Fields that ask writing assistants to stay out, and fields nobody writes a post in. */
const OPT_OUT = '[data-gramm="false"], [data-gramm_editor="false"], [data-enable-grammarly="false"]';

export function isEligible(element) {
  if (!element?.isConnected) return false;
  if (element.closest(OPT_OUT)) return false;
  const tag = element.nodeName.toUpperCase();
  if (tag === 'TEXTAREA') return !element.readOnly && !element.disabled;
  if (tag === 'INPUT') return false; // single-line inputs (and passwords) are not compose boxes
  if (!element.isContentEditable) return false;
  if (element.getAttribute('aria-readonly') === 'true' || element.getAttribute('aria-disabled') === 'true') {
    return false;
  }
  return true;
}

/** The site's compose boxes under `root`, outermost only, eligible only. */
export function findComposeBoxes(root, site) {
  const found = new Set();
  for (const selector of site.selectors) {
    try {
      for (const element of root.querySelectorAll(selector)) found.add(element);
    } catch {
      // A selector the browser does not parse finds nothing; the generic detector remains.
    }
  }
  return [...found].filter(
    (element) => isEligible(element) && ![...found].some((other) => other !== element && other.contains(element)),
  );
}

/**
 * Generic fallback for a focused element the site table does not know: the textarea itself, or
 * the editing host (outermost contenteditable) of a contenteditable / role=textbox element.
 */
export function editableRootOf(element) {
  if (!element || element.nodeType !== 1) return null;
  if (element.nodeName.toUpperCase() === 'TEXTAREA') return isEligible(element) ? element : null;
  if (!element.isContentEditable) return null;
  let host = element;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return isEligible(host) ? host : null;
}
