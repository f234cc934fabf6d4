// @ts-check
// Sites the user enabled beyond the built-in ones (a Mastodon instance, any other site): granted
// as optional host permissions from the popup. Pure.

/** A page URL → the match pattern of its origin ("<scheme>://<host>/*"); null for anything not http(s). */
/** @param {string} url @returns {string | null} */
export function originPattern(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** The granted origins that are not the manifest's own hosts: where the content script is registered. */
/**
 * @param {string[]} granted  permissions.getAll()'s origins
 * @param {{host_permissions?: string[], content_scripts?: Array<{matches?: string[]}>}} manifest
 * @returns {string[]}
 */
export function userOrigins(granted, manifest) {
  const builtIn = new Set([...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? [])]);
  return granted.filter((origin) => !builtIn.has(origin) && /^https?:\/\/[^/*]+\/\*$/.test(origin)).sort();
}

/** The host name of a match pattern ("<scheme>://<host>/*"). */
/** @param {string} pattern */
export const patternHost = (pattern) => /^https?:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? null;

/** The match patterns that grant a host, for permissions.remove. */
/** @param {string} host */
export const hostPatterns = (host) => ['https', 'http'].map((scheme) => `${scheme}://${host}/*`);
