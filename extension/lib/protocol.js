// @ts-check
// Message protocol between the content script and the background engine.
// Shared by both sides; pure, no browser APIs.
//
// request: {id, type: "analyze", text, options: {platform, context}}
// reply:   {id, ok: true, report} | {id, ok: false, error}
// notice:  {notice: "settings-applied"}  background → every port, after the engine took new settings
//
// One-off runtime messages (sendMessage) to the background, answered with sendResponse:
//   {type: "rules"}                → {rules: [...]} (every built-in rule, from the engine)
//   {type: "validate", engine}     → {error: string | null}
//   {type: "open-options"}         → {}

export const PORT_NAME = 'rapport';

/** Longest text (UTF-16 code units) the background will analyse; far above any platform limit. */
export const MAX_TEXT_LENGTH = 100_000;

export class ProtocolError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ProtocolError';
  }
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value) => Number.isSafeInteger(value) && value >= 0;
const isName = (value) => typeof value === 'string' && value.length > 0 && value.length <= 64;

export const NOTICE_SETTINGS_APPLIED = 'settings-applied';

export const settingsAppliedNotice = () => ({ notice: NOTICE_SETTINGS_APPLIED });

export const isNotice = (message) => isObject(message) && typeof message.notice === 'string';

export function analyzeRequest(id, text, { platform, context }) {
  return { id, type: 'analyze', text, options: { platform, context } };
}

/** Validates an incoming request; returns it, or throws ProtocolError naming the bad field. */
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

export function okReply(id, report) {
  return { id, ok: true, report };
}

export function errorReply(id, error) {
  const message = error instanceof Error ? error.message : String(error);
  return { id, ok: false, error: message };
}

/** Validates an incoming reply; returns it, or throws ProtocolError. */
export function parseReply(message) {
  if (!isObject(message)) throw new ProtocolError('reply must be an object');
  if (!isId(message.id)) throw new ProtocolError('reply.id must be a non-negative integer');
  if (message.ok === true) {
    if (!isObject(message.report)) throw new ProtocolError('reply.report must be an object');
    return { id: message.id, ok: true, report: message.report };
  }
  if (message.ok === false) {
    if (typeof message.error !== 'string') throw new ProtocolError('reply.error must be a string');
    return { id: message.id, ok: false, error: message.error };
  }
  throw new ProtocolError('reply.ok must be true or false');
}
