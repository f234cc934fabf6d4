// @ts-check
// Message protocol between the content script and the background engine.
// Shared by both sides; pure, no browser APIs.
//
// request: {id, type: "analyze", text, options: {platform, context}}
// reply:   {id, ok: true, report} | {id, ok: false, error, stopped?: true}
//          `stopped`: the engine failed again and again and has stopped until the user reloads it
// notice:  {notice: "settings-applied"}  background → every port, after the engine took new
//          settings (or started again): analyse again
//
// One-off runtime messages (sendMessage) to the background, answered with sendResponse:
//   {type: "rules"}                → {rules: [...]} (every built-in rule, from the engine) | {error}
//   {type: "check", engine}        → {ignored: [...]} what the engine would leave out of it | {error}
//   {type: "status"}               → {status} the engine's state and what it leaves out of the settings
//   {type: "restart-engine"}       → {status} after starting a stopped engine again
//   {type: "open-options"}         → {}

/**
 * Port messages (runtime.connect, name PORT_NAME):
 * @typedef {{platform: string, context: string}} AnalyzeOptions
 *   ids from lists.json; the engine refuses any other with an error reply
 * @typedef {{id: number, type: 'analyze', text: string, options: AnalyzeOptions}} AnalyzeRequest
 *   content script → background; `text` at most MAX_TEXT_LENGTH UTF-16 code units
 * @typedef {{id: number, ok: true, report: string}} OkReply
 *   `report`: the Report as the engine's JSON text, forwarded by the background untouched and
 *   parsed once, by parseReply in the content script
 * @typedef {{id: number, ok: false, error: string, stopped?: boolean}} ErrorReply
 * @typedef {OkReply | ErrorReply} Reply  background → content script, `id` that of the request
 * @typedef {{id: number, ok: true, report: import('./report.js').Report}} ReportReply
 * @typedef {ReportReply | ErrorReply} ParsedReply  a Reply as parseReply returns it
 * @typedef {{notice: string}} Notice  background → every port (NOTICE_SETTINGS_APPLIED)
 *
 * One-off runtime messages (sendMessage) to the background and their answers:
 * @typedef {{type: 'rules'} | {type: 'check', engine: object} | {type: 'status'} | {type: 'restart-engine'} | {type: 'open-options'}} PageMessage
 * @typedef {{rules: import('./report.js').RuleInfo[], error?: undefined} | {error: string, rules?: undefined}} RulesAnswer
 * @typedef {{ignored: import('./settings.js').Ignored[], error?: undefined} | {error: string, ignored?: undefined}} CheckAnswer
 * @typedef {{status: import('./engine-host.js').EngineStatus, error?: undefined} | {error: string, status?: undefined}} StatusAnswer
 */

export const PORT_NAME = 'rapport';

/** Longest text (UTF-16 code units) the background will analyse; far above any platform limit. */
export const MAX_TEXT_LENGTH = 100_000;

export class ProtocolError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** @param {unknown} value @returns {value is Record<string, any>} */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** @param {unknown} value @returns {value is number} */
const isId = (value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
/** @param {unknown} value @returns {value is string} */
const isName = (value) => typeof value === 'string' && value.length > 0 && value.length <= 64;

export const NOTICE_SETTINGS_APPLIED = 'settings-applied';

/** @returns {Notice} */
export const settingsAppliedNotice = () => ({ notice: NOTICE_SETTINGS_APPLIED });

/** @param {unknown} message @returns {message is Notice} */
export const isNotice = (message) => isObject(message) && typeof message.notice === 'string';

/**
 * @param {number} id @param {string} text @param {AnalyzeOptions} options
 * @returns {AnalyzeRequest}
 */
export function analyzeRequest(id, text, { platform, context }) {
  return { id, type: 'analyze', text, options: { platform, context } };
}

/**
 * Validates an incoming request; returns it, or throws ProtocolError naming the bad field.
 * @param {unknown} message
 * @returns {AnalyzeRequest}
 */
export function parseRequest(message) {
  if (!isObject(message)) throw new ProtocolError('request must be an object');
  if (!isId(message.id)) throw new ProtocolError('request.id must be a non-negative integer');
  if (message.type !== 'analyze') throw new ProtocolError(`request.type ${JSON.stringify(message.type)} is not "analyze"`);
  if (typeof message.text !== 'string') throw new ProtocolError('request.text must be a string');
  if (message.text.length > MAX_TEXT_LENGTH) {
    throw new ProtocolError(`request.text is longer than ${MAX_TEXT_LENGTH} characters`);
  }
  const { options } = message;
  if (!isObject(options)) throw new ProtocolError('request.options must be an object');
  if (!isName(options.platform)) throw new ProtocolError('request.options.platform must be a non-empty string');
  if (!isName(options.context)) throw new ProtocolError('request.options.context must be a non-empty string');
  return {
    id: message.id,
    type: message.type,
    text: message.text,
    options: { platform: options.platform, context: options.context },
  };
}

/** @param {number} id @param {string} report  the engine's JSON text @returns {OkReply} */
export function okReply(id, report) {
  return { id, ok: true, report };
}

/** @param {number} id @param {unknown} error @returns {ErrorReply} */
export function errorReply(id, error) {
  const message = error instanceof Error ? error.message : String(error);
  return { id, ok: false, error: message };
}

/**
 * Validates an incoming reply and parses its report; returns it, or throws ProtocolError.
 * @param {unknown} message
 * @returns {ParsedReply}
 */
export function parseReply(message) {
  if (!isObject(message)) throw new ProtocolError('reply must be an object');
  if (!isId(message.id)) throw new ProtocolError('reply.id must be a non-negative integer');
  if (message.ok === true) {
    if (typeof message.report !== 'string') throw new ProtocolError('reply.report must be a JSON string');
    let report;
    try {
      report = JSON.parse(message.report);
    } catch {
      throw new ProtocolError('reply.report is not JSON');
    }
    if (!isObject(report)) throw new ProtocolError('reply.report must be a JSON object');
    // The report's shape is the engine's (lib/report.js); the chip model checks what it reads.
    return { id: message.id, ok: true, report: /** @type {import('./report.js').Report} */ (report) };
  }
  if (message.ok === false) {
    if (typeof message.error !== 'string') throw new ProtocolError('reply.error must be a string');
    return message.stopped === true ? { id: message.id, ok: false, error: message.error, stopped: true } : { id: message.id, ok: false, error: message.error };
  }
  throw new ProtocolError('reply.ok must be true or false');
}
