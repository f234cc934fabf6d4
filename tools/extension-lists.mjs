// @ts-check
// lists.json → what the extension reads from it. Pure (no file system): tools/build-extension.mjs
// writes the results, tests/js/lists.test.js checks them.
//   listsModule(lists)        extension/build/lists.js: the lists as frozen arrays, with JSDoc types
//   adaptersModule(lists)     extension/build/adapters.js: every site's adapter module by site id
//   manifestFor(base, lists)  extension/manifest.json: the committed extension/manifest.base.json
//                             with content_scripts[0].matches from the hosts (no host_permissions:
//                             see manifestFor)

/**
 * @typedef {{id: string, platform: string, hosts: string[]}} SiteRow
 * @typedef {{rule_sets: string[], platforms: string[], contexts: string[], strictness: string[],
 *            severities: string[], defaults: Record<string, string>, sites: SiteRow[]}} Lists
 */

/** The plain lists of lists.json, in the order they are written; each becomes a typed export. */
const PLAIN = /** @type {const} */ ([
  ['rule_sets', 'RULE_SETS', 'RuleSet', 'Rule sets: engine ids, keys of settings.engine.rule_sets, labels `ruleSet_<id>`.'],
  ['platforms', 'PLATFORMS', 'Platform', 'Platforms the engine counts for, labels `platform_<id>`.'],
  ['contexts', 'CONTEXTS', 'Context', 'What a compose box writes: a post or a reply.'],
  ['strictness', 'STRICTNESS', 'Strictness', 'Strictness levels, mildest first, labels `strictness_<id>`.'],
  ['severities', 'SEVERITIES', 'Severity', 'Hint severities, mildest first, labels `severity_<id>`.'],
]);

const ID = /^[a-z][a-z0-9_]*$/;
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/**
 * Checks lists.json's shape; returns the lists without "_about", or throws naming the bad entry.
 * @param {unknown} data
 * @returns {Lists}
 */
export function checkLists(data) {
  const fail = (/** @type {string} */ message) => {
    throw new Error(`lists.json: ${message}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('must be an object');
  const object = /** @type {Record<string, unknown>} */ (data);
  const known = new Set(['_about', 'sites', 'defaults', ...PLAIN.map(([key]) => key)]);
  for (const key of Object.keys(object)) if (!known.has(key)) fail(`unknown key "${key}"`);
  /** @param {string} where @param {unknown} list */
  const ids = (where, list) => {
    if (!Array.isArray(list) || list.length === 0) fail(`${where} must be a non-empty array`);
    const array = /** @type {unknown[]} */ (list);
    for (const id of array) if (typeof id !== 'string' || !ID.test(id)) fail(`${where}: ${JSON.stringify(id)} is not an id (a-z, 0-9, _)`);
    if (new Set(array).size !== array.length) fail(`${where} repeats an id`);
    return /** @type {string[]} */ (array);
  };
  const lists = /** @type {Lists} */ ({});
  for (const [key] of PLAIN) lists[key] = ids(key, object[key]);
  // The defaults: one id of a list by that list's singular key (platform → platforms).
  const defaults = object.defaults ?? {};
  if (typeof defaults !== 'object' || defaults === null || Array.isArray(defaults)) fail('defaults must be an object');
  /** @type {Record<string, string>} */
  const chosen = {};
  for (const [key, value] of Object.entries(/** @type {Record<string, unknown>} */ (defaults))) {
    const list = { platform: 'platforms', context: 'contexts', strictness: 'strictness', severity: 'severities' }[key];
    if (!list) fail(`defaults.${key}: no such list`);
    if (typeof value !== 'string' || !lists[/** @type {'platforms'} */ (list)].includes(value)) fail(`defaults.${key}: ${JSON.stringify(value)} is not in ${list}`);
    chosen[key] = /** @type {string} */ (value);
  }
  lists.defaults = chosen;
  const sites = object.sites;
  if (!Array.isArray(sites) || sites.length === 0) fail('sites must be a non-empty array');
  const hosts = new Set();
  lists.sites = /** @type {unknown[]} */ (sites).map((row, index) => {
    const where = `sites[${index}]`;
    if (typeof row !== 'object' || row === null) fail(`${where} must be an object`);
    const { id, platform, hosts: rowHosts, ...rest } = /** @type {Record<string, unknown>} */ (row);
    if (Object.keys(rest).length > 0) fail(`${where}: unknown key "${Object.keys(rest)[0]}"`);
    if (typeof id !== 'string' || !ID.test(id)) fail(`${where}.id must be an id (a-z, 0-9, _)`);
    if (typeof platform !== 'string' || !lists.platforms.includes(platform)) fail(`${where}.platform ${JSON.stringify(platform)} is not in platforms`);
    if (!Array.isArray(rowHosts) || rowHosts.length === 0) fail(`${where}.hosts must be a non-empty array`);
    for (const host of /** @type {unknown[]} */ (rowHosts)) {
      if (typeof host !== 'string' || !HOST.test(host)) fail(`${where}.hosts: ${JSON.stringify(host)} is not a host name`);
      if (hosts.has(host)) fail(`${where}.hosts: ${host} is listed twice`);
      hosts.add(host);
    }
    return { id: /** @type {string} */ (id), platform: /** @type {string} */ (platform), hosts: /** @type {string[]} */ (rowHosts) };
  });
  ids('sites[].id', lists.sites.map((site) => site.id));
  return lists;
}

const HEADER = '// @ts-check\n// Generated by tools/build-extension.mjs from lists.json: edit lists.json, not this file.\n';
const quoted = (/** @type {readonly string[]} */ ids) => ids.map((id) => `'${id}'`);
const union = (/** @type {readonly string[]} */ ids) => quoted(ids).join(' | ');
const array = (/** @type {readonly string[]} */ ids) => `[${quoted(ids).join(', ')}]`;

/** @param {Lists} lists */
export function listsModule(lists) {
  const parts = [HEADER];
  for (const [key, name, type, doc] of PLAIN) {
    parts.push(`\n/** @typedef {${union(lists[key])}} ${type} */\n`);
    parts.push(`/** ${doc} @type {readonly ${type}[]} */\nexport const ${name} = Object.freeze(${array(lists[key])});\n`);
  }
  parts.push(`\n/** The engine's defaults (platform, context, strictness, severity). @type {Readonly<Record<string, string>>} */\nexport const DEFAULTS = Object.freeze(${JSON.stringify(lists.defaults)});\n`);
  parts.push('\n/** @typedef {{id: string, platform: Platform, hosts: readonly string[]}} SiteRow */\n');
  parts.push('/** The built-in sites: an adapter in content/sites/<id>.js each, and the hosts the manifest matches. @type {readonly SiteRow[]} */\n');
  parts.push(`export const SITES = Object.freeze([\n${lists.sites.map((site) => `  Object.freeze({ id: '${site.id}', platform: '${site.platform}', hosts: Object.freeze(${array(site.hosts)}) }),\n`).join('')}]);\n`);
  return parts.join('');
}

/** @param {Lists} lists */
export function adaptersModule(lists) {
  const imports = lists.sites.map((site) => `import ${site.id} from '../content/sites/${site.id}.js';\n`).join('');
  return `${HEADER}// Every built-in site's adapter by site id, in lists.json's order.\n${imports}\nexport const ADAPTERS = { ${lists.sites.map((site) => site.id).join(', ')} };\n`;
}

/** Match patterns for the built-in sites' hosts, in lists.json's order. @param {Lists} lists */
export const siteMatches = (lists) => lists.sites.flatMap((site) => site.hosts.map((host) => `https://${host}/*`));

/**
 * The manifest: `base` with the site hosts as content_scripts[0].matches (first key). The base
 * must not carry matches or host_permissions itself. Neither browser needs host_permissions: a
 * manifest content script's matches are granted at install (Chrome; Firefox from 127, which
 * shows them in the install prompt, below the Firefox build's minimum of 140), the popup reads
 * the active tab's URL through activeTab, the background makes no request to any site, and other
 * sites are optional permissions asked for when the user enables one. tests/e2e load the builds
 * without them in Chromium and Firefox ESR.
 * @param {Record<string, any>} base
 * @param {Lists} lists
 * @returns {Record<string, any>}
 */
export function manifestFor(base, lists) {
  if ('host_permissions' in base || base.content_scripts?.[0]?.matches) {
    throw new Error('manifest.base.json: matches and host_permissions come from lists.json; leave them out');
  }
  const matches = siteMatches(lists);
  /** @type {Record<string, any>} */
  const manifest = {};
  for (const [key, value] of Object.entries(base)) {
    if (key === 'content_scripts') {
      const [first, ...rest] = value;
      manifest[key] = [{ matches, ...first }, ...rest];
    } else {
      manifest[key] = value;
    }
  }
  return manifest;
}
