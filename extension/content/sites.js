// Which compose boxes Rapport watches on each supported site, and which it must leave alone.
// Pure apart from calling standard DOM methods on the elements it is given.

/** Selectors are the sites' real compose boxes (checked against their live markup). */
export const SITES = [
  {
    platform: 'x',
    hosts: ['x.com', 'twitter.com'],
    // Draft.js: the contenteditable root carries data-testid="tweetTextarea_N".
    selectors: ['[data-testid^="tweetTextarea_"][contenteditable="true"]', '.public-DraftEditor-content[contenteditable="true"]'],
    context: (box, location) => (location.pathname.includes('/status/') ? 'reply' : 'post'),
  },
  {
    platform: 'linkedin',
    hosts: ['www.linkedin.com'],
    // Quill.
    selectors: ['.ql-editor[contenteditable="true"]'],
    context: (box) => (box.closest('.comments-comment-box, .comments-comment-texteditor') ? 'reply' : 'post'),
  },
  {
    platform: 'facebook',
    hosts: ['www.facebook.com'],
    // Lexical.
    selectors: ['[contenteditable="true"][role="textbox"][data-lexical-editor="true"]', '[contenteditable="true"][role="textbox"]'],
    context: () => 'post',
  },
  {
    platform: 'bluesky',
    hosts: ['bsky.app'],
    // TipTap / ProseMirror.
    selectors: ['.ProseMirror[contenteditable="true"]'],
    context: () => 'post',
  },
  {
    platform: 'mastodon',
    hosts: ['mastodon.social'],
    selectors: ['textarea.autosuggest-textarea__textarea', '.compose-form textarea'],
    context: (box) => (box.closest('.compose-form')?.querySelector('.reply-indicator') ? 'reply' : 'post'),
  },
];

export function siteForHost(hostname) {
  return SITES.find((site) => site.hosts.includes(hostname)) ?? null;
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
    for (const element of root.querySelectorAll(selector)) found.add(element);
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
