// User settings as stored in storage.sync under SETTINGS_KEY. Pure, no browser APIs.
//
// {paused: boolean, engine: object}
//   paused  global pause from the popup: no analysis, no chips
//   engine  passed as is to the wasm Engine (`new Engine(config)` / `set_config`),
//           which validates it and names any bad field

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS = Object.freeze({ paused: false, engine: Object.freeze({}) });

const isPlainObject = (value) =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Reads whatever is stored (possibly nothing, possibly from an older or newer version) into a
 * complete settings object. Never throws: a bad field falls back to its default and is reported
 * in `problems` so the caller can log it.
 */
export function normalizeSettings(stored) {
  const problems = [];
  const settings = { paused: DEFAULT_SETTINGS.paused, engine: {} };
  if (stored === undefined || stored === null) return { settings, problems };
  if (!isPlainObject(stored)) {
    problems.push('settings must be an object; using defaults');
    return { settings, problems };
  }
  if ('paused' in stored) {
    if (typeof stored.paused === 'boolean') settings.paused = stored.paused;
    else problems.push('settings.paused must be true or false; using false');
  }
  if ('engine' in stored) {
    if (isPlainObject(stored.engine)) settings.engine = structuredClone(stored.engine);
    else problems.push('settings.engine must be an object; using {}');
  }
  for (const key of Object.keys(stored)) {
    if (key !== 'paused' && key !== 'engine') problems.push(`settings.${key} is unknown; ignored`);
  }
  return { settings, problems };
}

export function withPaused(settings, paused) {
  return { ...settings, paused: Boolean(paused) };
}
