// @ts-check
// The background's one Engine: created once the wasm module is initialised, configured from the
// settings, answering analyze requests. Pure: the wasm module, storage and logging are injected.

import { errorReply, okReply, parseRequest } from './protocol.js';
import { normalizeSettings } from './settings.js';

/**
 * Analysed once as soon as the engine exists. The browser compiles wasm lazily, function by
 * function, on first call: the first analysis in a fresh worker costs ~5–10 ms more than the
 * next (tests/bench/wasm.mjs). The worker usually wakes when a compose box is found, before any
 * typing, so paying that here keeps it off the first keystroke. The text touches the common
 * paths: tone, self-focus, a question, a mention, figures, a link, a tag, an emoji, shouting.
 */
export const WARM_UP_TEXT = 'We are SO proud of our new launch!!! What do you think, @friend? 50% off at www.example.com/launch #news 🎉';

/**
 * @param {object} deps
 * @param {() => Promise<void>} deps.init           initialises the wasm module
 * @param {new (config: object) => {analyze: (text: string, options: object) => string, set_config: (config: object) => void}} deps.Engine
 * @param {() => Promise<unknown>} deps.readSettings returns the stored settings (may be undefined)
 * @param {(message: string) => void} deps.warn
 * @param {((config: object) => string | undefined) | null} [deps.validateConfig]  the engine's validate_config
 * @param {(() => import('./report.js').RuleInfo[]) | null} [deps.listRules]  the engine's rules()
 */
export function createEngineHost({ init, Engine, readSettings, warn, validateConfig = null, listRules = null }) {
  /** @type {InstanceType<typeof Engine> | null} */
  let engine = null;
  /** The latest settings change being applied; analyses wait for it so none uses stale settings. */
  let configuring = Promise.resolve();

  /** @param {unknown} stored */
  function engineConfig(stored) {
    const { settings, problems } = normalizeSettings(stored);
    for (const problem of problems) warn(`Rapport: ${problem}`);
    return settings.engine;
  }

  /** The engine, once `ready` has resolved. */
  const loaded = () => /** @type {InstanceType<typeof Engine>} */ (engine);

  const ready = (async () => {
    await init();
    const config = engineConfig(await readSettings());
    try {
      engine = new Engine(config);
    } catch (error) {
      warn(`Rapport: engine settings rejected (${/** @type {Error} */ (error).message}); using defaults`);
      engine = new Engine({});
    }
    try {
      engine.analyze(WARM_UP_TEXT, { platform: 'x', context: 'post', brief: true });
    } catch (error) {
      // The same failure will answer the first real request; nothing is lost here.
      warn(`Rapport: engine warm-up failed (${/** @type {Error} */ (error).message})`);
    }
  })();
  // Failures surface in every reply; keep the rejection from being reported as unhandled.
  ready.catch(() => {});

  return {
    /** Answers one port message; always resolves to a reply. */
    /** @param {unknown} message @returns {Promise<import('./protocol.js').Reply>} */
    async handle(message) {
      let request;
      try {
        request = parseRequest(message);
      } catch (error) {
        const id = /** @type {{id?: unknown}} */ (message)?.id;
        return errorReply(typeof id === 'number' && Number.isSafeInteger(id) ? id : 0, error);
      }
      try {
        await ready;
        await configuring;
      } catch (error) {
        return errorReply(request.id, new Error(`engine failed to load: ${/** @type {Error} */ (error).message}`));
      }
      try {
        // Brief: the content script redraws per keystroke and reads neither evidence spans nor
        // other platforms' counters, and each would cross from wasm as a JS object.
        return okReply(request.id, loaded().analyze(request.text, { ...request.options, brief: true }));
      } catch (error) {
        return errorReply(request.id, error);
      }
    },

    /** Reapplies stored settings; a config the engine rejects leaves the previous one in force. */
    /** @param {unknown} stored */
    applySettings(stored) {
      configuring = (async () => {
        await ready;
        try {
          loaded().set_config(engineConfig(stored));
        } catch (error) {
          warn(`Rapport: engine settings rejected (${/** @type {Error} */ (error).message}); keeping the previous ones`);
        }
      })();
      configuring.catch(() => {});
      return configuring;
    },

    /** The engine's verdict on an engine config: null when valid, else the error naming the field. */
    /** @param {object} config */
    async validate(config) {
      await ready;
      if (!validateConfig) throw new Error('this engine host was made without validateConfig');
      return validateConfig(config) ?? null;
    },

    /** Every built-in rule, as the engine lists them. */
    async rules() {
      await ready;
      if (!listRules) throw new Error('this engine host was made without listRules');
      return listRules();
    },
  };
}
