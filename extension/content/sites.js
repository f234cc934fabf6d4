// @ts-check
// Which compose boxes Rapport watches on each supported site, and which it must leave alone.
// Pure apart from calling standard DOM methods on the elements it is given. An adapter that finds
// nothing (the site changed its markup) fails quietly: the generic detector takes the focused field.

import { ADAPTERS } from '../build/adapters.js';
import { PLATFORMS, SITES as SITE_ROWS } from '../build/lists.js';
import mastodon from './sites/mastodon.js';

/**
 * What a file under sites/ exports: how to find the site's compose boxes.
 * @typedef {object} Adapter
 * @property {string} editor  the editor the site uses (documentation, and the e2e fixture's)
 * @property {string[]} selectors  the compose boxes' editable roots
 * @property {(box: Element | null, location: {pathname: string}) => import('../build/lists.js').Context} context
 * @property {(box: Element) => Element} [anchor]  the element the chip sits beside (default: the box)
 * @property {(doc: Document) => boolean} [detect]  true when a page of an unknown host runs this site's software
 * @property {readonly SubmitControl[]} [submit]  the site's submit controls (Post, Reply, Comment, Send)
 *   beside its compose boxes: what "moving to post" and "the submit ran" are read from
 * @property {Shortcut | ((box: Element) => Shortcut)} [shortcut]  the key the site posts with from
 *   the box, or null where it has none (say so in the adapter)
 */
/**
 * A submit control: a CSS selector, or a selector and the names (aria-label, else text) it must
 * have, for sites whose buttons carry no stable attribute.
 * @typedef {string | {css: string, names: readonly string[]}} SubmitControl
 * @typedef {'Mod+Enter' | 'Enter' | null} Shortcut  Mod is Ctrl, or Cmd on a Mac
 */
/**
 * A site as the content script uses it: its lists.json row (id, platform, hosts) and its adapter.
 * @typedef {Adapter & {id: string, platform: import('../build/lists.js').Platform, hosts: readonly string[]}} Site
 */

/**
 * The built-in sites: lists.json's rows, each with its adapter (sites/<id>.js).
 * @type {readonly Site[]}
 */
export const SITES = SITE_ROWS.map((row) => ({ ...ADAPTERS[/** @type {keyof typeof ADAPTERS} */ (row.id)], id: row.id, platform: row.platform, hosts: row.hosts }));

/** Platforms a user-enabled site can be counted as; "tumblr" has no length limit. */
export { PLATFORMS };
const NO_LIMIT_PLATFORM = 'tumblr';

/** @param {string} hostname @returns {Site | null} */
export function siteForHost(hostname) {
  return SITES.find((site) => site.hosts.includes(hostname)) ?? null;
}

/**
 * The adapter for a host the user enabled from the popup (optional host permission): a Mastodon
 * instance when the page is one, otherwise the generic detector alone (no selectors: the focused
 * field is watched), counted as the platform the user chose (default: no limit).
 */
/**
 * @param {string} hostname
 * @param {Document} doc
 * @param {{platform?: string}} [siteSettings]
 * @returns {Site}
 */
export function userSite(hostname, doc, siteSettings = {}) {
  const isMastodon = Boolean(mastodon.detect(doc));
  const chosen = /** @type {import('../build/lists.js').Platform | undefined} */ (PLATFORMS.find((platform) => platform === siteSettings.platform));
  const platform = chosen ?? (isMastodon ? 'mastodon' : NO_LIMIT_PLATFORM);
  return {
    id: hostname,
    platform,
    hosts: [hostname],
    editor: isMastodon ? mastodon.editor : 'generic',
    selectors: isMastodon ? mastodon.selectors : [],
    context: isMastodon ? mastodon.context : () => 'post',
    submit: isMastodon ? mastodon.submit : [],
    shortcut: isMastodon ? mastodon.shortcut : null,
  };
}

/** Fields that ask writing assistants to stay out, and fields nobody writes a post in. */
const OPT_OUT = '[data-gramm="false"], [data-gramm_editor="false"], [data-enable-grammarly="false"]';

/** @param {any} element  an element, or anything else (false) */
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
/**
 * @param {ParentNode} root
 * @param {Pick<Site, 'selectors'>} site
 * @returns {HTMLElement[]}
 */
export function findComposeBoxes(root, site) {
  /** @type {Set<HTMLElement>} */
  const found = new Set();
  for (const selector of site.selectors) {
    try {
      for (const element of root.querySelectorAll(selector)) found.add(/** @type {HTMLElement} */ (element));
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
/** @param {any} element  the focused node (from an event's composed path) @returns {HTMLElement | null} */
export function editableRootOf(element) {
  if (!element || element.nodeType !== 1) return null;
  if (element.nodeName.toUpperCase() === 'TEXTAREA') return isEligible(element) ? element : null;
  if (!element.isContentEditable) return null;
  let host = element;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return isEligible(host) ? host : null;
}
