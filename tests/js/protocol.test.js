import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  analyzeRequest, errorReply, MAX_TEXT_LENGTH, okReply, parseReply, parseRequest, PORT_NAME,
} from '../../extension/lib/protocol.js';

const OPTIONS = { platform: 'x', context: 'post' };

test('the port is named "rapport"', () => assert.equal(PORT_NAME, 'rapport'));

test('a built request parses back to itself', () => {
  const request = analyzeRequest(7, 'hi', OPTIONS);
  assert.deepEqual(request, { id: 7, type: 'analyze', text: 'hi', options: OPTIONS });
  assert.deepEqual(parseRequest(request), request);
});

test('parseRequest drops unknown fields', () => {
  const parsed = parseRequest({ ...analyzeRequest(1, 'a', OPTIONS), extra: 1, options: { ...OPTIONS, x: 2 } });
  assert.deepEqual(parsed, analyzeRequest(1, 'a', OPTIONS));
});

// One line per bad request: the message → the field its error names.
const BAD_REQUESTS = [
  [null, /request must be an object/],
  [[], /request must be an object/],
  [{ type: 'analyze', text: '', options: OPTIONS }, /request\.id/],
  [{ id: -1, type: 'analyze', text: '', options: OPTIONS }, /request\.id/],
  [{ id: 1.5, type: 'analyze', text: '', options: OPTIONS }, /request\.id/],
  [{ id: 1, type: 'lint', text: '', options: OPTIONS }, /request\.type "lint"/],
  [{ id: 1, type: 'analyze', text: 5, options: OPTIONS }, /request\.text must be a string/],
  [{ id: 1, type: 'analyze', text: 'x'.repeat(MAX_TEXT_LENGTH + 1), options: OPTIONS }, /longer than/],
  [{ id: 1, type: 'analyze', text: '' }, /request\.options must be an object/],
  [{ id: 1, type: 'analyze', text: '', options: { context: 'post' } }, /options\.platform/],
  [{ id: 1, type: 'analyze', text: '', options: { platform: '', context: 'post' } }, /options\.platform/],
  [{ id: 1, type: 'analyze', text: '', options: { platform: 'x' } }, /options\.context/],
];

for (const [message, error] of BAD_REQUESTS) {
  test(`parseRequest rejects ${JSON.stringify(message)?.slice(0, 60)}`, () => {
    assert.throws(() => parseRequest(message), { name: 'ProtocolError', message: error });
  });
}

test('replies', () => {
  // The report crosses as the engine's JSON text and is parsed once, by parseReply.
  assert.deepEqual(okReply(3, '{"a":1}'), { id: 3, ok: true, report: '{"a":1}' });
  assert.deepEqual(errorReply(3, new Error('no')), { id: 3, ok: false, error: 'no' });
  assert.deepEqual(errorReply(3, 'plain'), { id: 3, ok: false, error: 'plain' });
  assert.deepEqual(parseReply(okReply(3, '{"a":1}')), { id: 3, ok: true, report: { a: 1 } });
  assert.deepEqual(parseReply(errorReply(3, 'no')), errorReply(3, 'no'));
});

const BAD_REPLIES = [
  ['x', /reply must be an object/],
  [{ ok: true, report: '{}' }, /reply\.id/],
  [{ id: 1, ok: true }, /reply\.report must be a JSON string/],
  [{ id: 1, ok: true, report: {} }, /reply\.report must be a JSON string/],
  [{ id: 1, ok: true, report: '{"a":' }, /reply\.report is not JSON/],
  [{ id: 1, ok: true, report: '[1]' }, /reply\.report must be a JSON object/],
  [{ id: 1, ok: false }, /reply\.error/],
  [{ id: 1, ok: 1 }, /reply\.ok/],
];

for (const [message, error] of BAD_REPLIES) {
  test(`parseReply rejects ${JSON.stringify(message)}`, () => {
    assert.throws(() => parseReply(message), { name: 'ProtocolError', message: error });
  });
}
