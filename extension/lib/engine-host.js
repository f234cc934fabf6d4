// @ts-check
// The background's one Engine: created once the wasm module is initialised, configured from the
// settings (read tolerantly: what this version cannot use is left out and listed, everything
// else applies), answering analyze requests. Pure: the wasm module, storage and logging are
// injected.
//
// Never silently stop. The engine is built with `panic = "abort"`: a panic is a wasm trap
// (RuntimeError "unreachable"), after which wasm-bindgen's borrow flag on the Engine stays set
// and every later call throws "recursive use of an object detected", and the instance's memory
// cannot be trusted. After a trap (or such an error) the host asks for a fresh instance of the
// compiled module (`reset`: wasm-bindgen's __wbg_reset_state) and builds the engine again from
// the current settings, at most MAX_RESTARTS times in RESTART_WINDOW_MS; past that it stops, and
// says so in every reply (`stopped: true`) until `restart()` (the user's "Reload").
//
// A request id is analysed once per session (one port): a re-sent request (content/
// port-client.js re-sends unanswered ones) is answered from its pending or finished analysis.

import { errorReply, okReply, parseRequest } from './protocol.js';
import { engineConfigOf, normalizeSettings } from './settings.js';

/**
 * Analysed once as soon as the engine exists. The browser compiles wasm lazily, function by
 * function, on first call: the first analysis in a fresh worker costs ~5–10 ms more than the
 * next (tests/bench/wasm.mjs). The worker usually wakes when a compose box is found, before any
 * typing, so paying that here keeps it off the first keystroke. The text touches the common
 * paths: tone, self-focus, a question, a mention, figures, a link, a tag, an emoji, shouting.
 */
export const WARM_UP_TEXT = 'We are SO proud of our new launch!!! What do you think, @friend? 50% off at www.example.com/launch #news 🎉';

/** Engine re-creations allowed in RESTART_WINDOW_MS before the host stops. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;
/** Finished replies kept per session, for requests sent again. */
const FINISHED_KEPT = 32;

/** What the user reads when the engine has stopped (the chip, the panel and the popup say it too). */
export const STOPPED_MESSAGE = 'Rapport stopped after repeated engine errors; reload it to start again';

/**
 * Errors that mean the wasm instance is broken: a trap, or what wasm-bindgen throws on the next
 * call into an object a trap left borrowed.
 * @param {unknown} error
 */
export function isTrap(error) {
  if (typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /recursive use of an object detected|attempted to take ownership of Rust value while it was borrowed|Invalid stale object from previous Wasm instance|null pointer passed to rust/.test(message);
}

/**
 * What the host needs of the wasm Engine class (extension/pkg/rapport.js).
 * @typedef {{analyze: (text: string, options: object) => string,
 *            set_config_tolerant: (config: object) => import('./settings.js').Ignored[]}} EngineLike
 * @typedef {{tolerant: (config: object) => EngineLike & {ignored: () => import('./settings.js').Ignored[]}}} EngineClass
 * @typedef {{state: 'loading' | 'ready' | 'stopped' | 'failed', error: string | null, ignored: import('./settings.js').Ignored[],
 *            problems: import('./settings.js').Ignored[], version: number, restarts: number}} EngineStatus
 *   ignored: what the engine left out of the settings in force; problems: what the extension
 *   left out (fields outside the engine's part); version: the settings' schema version
 * @typedef {{pending: Map<number, Promise<import('./protocol.js').Reply>>, finished: Map<number, import('./protocol.js').Reply>}} Session
 */

/**
 * @param {object} deps
 * @param {() => Promise<void>} deps.init            initialises the wasm module
 * @param {EngineClass} deps.Engine
 * @param {() => void} deps.reset                    a fresh instance of the compiled module (after a trap)
 * @param {() => Promise<unknown>} deps.readSettings returns the stored settings, joined (may be undefined)
 * @param {(message: string) => void} deps.warn
 * @param {((config: object) => import('./settings.js').Ignored[]) | null} [deps.checkConfig]  the engine's validate_config_tolerant
 * @param {(() => import('./report.js').RuleInfo[]) | null} [deps.listRules]  the engine's rules()
 * @param {() => number} [deps.now]
 */
export function createEngineHost({ init, Engine, reset, readSettings, warn, checkConfig = null, listRules = null, now = Date.now }) {
  /** @type {(EngineLike & {ignored: () => import('./settings.js').Ignored[]}) | null} */
  let engine = null;
  /** The engine config in force (what a re-created engine is built from). */
  let config = {};
  /** @type {EngineStatus} */
  const status = { state: 'loading', error: null, ignored: [], problems: [], version: 0, restarts: 0 };
  /** @type {number[]} when the engine was re-created, within the window */
  let restarts = [];
  /** The instance trapped: the next call re-creates the engine first. */
  let broken = false;
  /** The latest settings change being applied; analyses wait for it so none uses stale settings. */
  let configuring = Promise.resolve();

  /** @param {unknown} stored */
  function readConfig(stored) {
    const { settings, problems, version } = normalizeSettings(stored);
    status.problems = problems;
    status.version = version;
    return engineConfigOf(settings);
  }

  /** A new engine from `config`, tolerantly; settings it cannot read at all give the defaults. */
  function build() {
    try {
      engine = Engine.tolerant(config);
    } catch (error) {
      if (isTrap(error)) throw error;
      warn(`Rapport: engine settings unreadable (${/** @type {Error} */ (error).message}); using defaults`);
      engine = Engine.tolerant({});
    }
    status.ignored = engine.ignored();
    broken = false;
    try {
      engine.analyze(WARM_UP_TEXT, { platform: 'x', context: 'post', brief: true });
    } catch (error) {
      if (isTrap(error)) throw error;
      // The same failure will answer the first real request; nothing is lost here.
      warn(`Rapport: engine warm-up failed (${/** @type {Error} */ (error).message})`);
    }
  }

  function stop() {
    status.state = 'stopped';
    status.error = STOPPED_MESSAGE;
    engine = null;
    warn(`Rapport: ${STOPPED_MESSAGE}`);
  }

  /** A fresh wasm instance and engine, counted; stops when the count is used up. */
  function recreate() {
    const t = now();
    restarts = restarts.filter((at) => at > t - RESTART_WINDOW_MS);
    if (restarts.length >= MAX_RESTARTS) {
      stop();
      return;
    }
    restarts.push(t);
    status.restarts += 1;
    engine = null;
    try {
      reset();
      build();
    } catch (error) {
      warn(`Rapport: engine re-created after a failure failed too (${/** @type {Error} */ (error).message})`);
      broken = true;
      if (restarts.length >= MAX_RESTARTS) stop();
    }
  }

  /**
   * Runs `call` on a working engine: re-creates it first if the last call trapped, and once more
   * if this call traps (then tries again once). Throws the call's error, or a stopped error.
   * @template T
   * @param {(engine: EngineLike) => T} call
   * @returns {T}
   */
  function run(call) {
    for (let attempt = 0; ; attempt += 1) {
      while (broken && status.state !== 'stopped') recreate();
      if (status.state === 'stopped' || !engine) throw Object.assign(new Error(STOPPED_MESSAGE), { stopped: true });
      try {
        return call(engine);
      } catch (error) {
        if (!isTrap(error)) throw error;
        warn(`Rapport: the engine failed (${/** @type {Error} */ (error).message}); starting a fresh one`);
        broken = true;
        if (attempt >= 1) throw error;
      }
    }
  }

  const ready = (async () => {
    try {
      await init();
      config = readConfig(await readSettings());
      try {
        build();
      } catch (error) {
        if (!isTrap(error)) throw error;
        broken = true;
      }
      status.state = 'ready';
    } catch (error) {
      status.state = 'failed';
      status.error = `engine failed to load: ${/** @type {Error} */ (error).message}`;
      throw error;
    }
  })();
  // Failures surface in every reply; keep the rejection from being reported as unhandled.
  ready.catch(() => {});

  /** @param {import('./protocol.js').AnalyzeRequest} request @returns {Promise<import('./protocol.js').Reply>} */
  async function analyze(request) {
    try {
      await ready;
      await configuring;
    } catch {
      return errorReply(request.id, new Error(/** @type {string} */ (status.error)));
    }
    try {
      // Brief: the content script redraws per keystroke and reads neither evidence spans nor
      // other platforms' counters, and each would cross from wasm as a JS object.
      return okReply(request.id, run((e) => e.analyze(request.text, { ...request.options, brief: true })));
    } catch (error) {
      const reply = errorReply(request.id, error);
      return /** @type {{stopped?: boolean}} */ (error).stopped ? { ...reply, stopped: true } : reply;
    }
  }

  /** @type {Session} */
  const defaultSession = { pending: new Map(), finished: new Map() };

  return {
    /** One cache of requests per port: ids are the content script's own, unique per port. */
    /** @returns {Session} */
    session: () => ({ pending: new Map(), finished: new Map() }),

    /**
     * Answers one port message; always resolves to a reply. A request whose id this session has
     * seen is answered from that analysis, not analysed again.
     * @param {unknown} message
     * @param {Session} [session]
     * @returns {Promise<import('./protocol.js').Reply>}
     */
    async handle(message, session = defaultSession) {
      let request;
      try {
        request = parseRequest(message);
      } catch (error) {
        const id = /** @type {{id?: unknown}} */ (message)?.id;
        return errorReply(typeof id === 'number' && Number.isSafeInteger(id) ? id : 0, error);
      }
      const done = session.finished.get(request.id);
      if (done) return done;
      const waiting = session.pending.get(request.id);
      if (waiting) return waiting;
      const reply = analyze(request);
      session.pending.set(request.id, reply);
      const result = await reply;
      session.pending.delete(request.id);
      session.finished.set(request.id, result);
      if (session.finished.size > FINISHED_KEPT) session.finished.delete(/** @type {number} */ (session.finished.keys().next().value));
      return result;
    },

    /** Reapplies stored settings (tolerantly); what the engine leaves out is in status().ignored. */
    /** @param {unknown} stored */
    applySettings(stored) {
      configuring = (async () => {
        await ready;
        config = readConfig(stored);
        try {
          status.ignored = run((e) => e.set_config_tolerant(config));
        } catch (error) {
          if (/** @type {{stopped?: boolean}} */ (error).stopped) return;
          if (isTrap(error)) return; // broken: the next call re-creates the engine from `config`
          warn(`Rapport: engine settings rejected (${/** @type {Error} */ (error).message}); keeping the previous ones`);
        }
      })();
      configuring.catch(() => {});
      return configuring;
    },

    /** The user asked to start again after the engine stopped: a fresh instance, a fresh count. */
    async restart() {
      await ready.catch(() => {});
      if (status.state === 'failed') return;
      restarts = [];
      status.state = 'ready';
      status.error = null;
      broken = true;
      try {
        run(() => null);
      } catch {
        // Stopped again: the status says so.
      }
    },

    /** @returns {EngineStatus} */
    status: () => structuredClone(status),

    /**
     * What the engine would leave out of an engine config (`[]` when everything applies).
     * @param {object} engineConfig
     */
    async check(engineConfig) {
      await ready;
      if (!checkConfig) throw new Error('this engine host was made without checkConfig');
      return run(() => /** @type {(config: object) => import('./settings.js').Ignored[]} */ (checkConfig)(engineConfig));
    },

    /** Every built-in rule, as the engine lists them. */
    async rules() {
      await ready;
      if (!listRules) throw new Error('this engine host was made without listRules');
      return run(() => /** @type {() => import('./report.js').RuleInfo[]} */ (listRules)());
    },
  };
}
