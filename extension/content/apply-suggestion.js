// @ts-check
// Applies a hint's offline suggestion when the user asks: selects the hint's words in the editor
// and replaces them through the editor's own input path (execCommand insertText / setRangeText +
// input), so its model and undo stay right. The only place Rapport writes to a compose box.

import { rebaser } from './hint-model.js';
import { domPositionAt } from './text-walk.js';

/**
 * @param {HTMLElement} box
 * @param {import('./text-walk.js').TextSource} source  the box's text source
 * @param {import('../lib/report.js').Hint} hint  from the report of `reportText`
 * @param {string} reportText  the text the report was made for
 * @returns {boolean} whether the editor took the replacement
 */
export function applySuggestion(box, source, hint, reportText) {
  if (hint.suggestion === null || hint.suggestion === undefined) return false;
  const doc = box.ownerDocument;
  const win = /** @type {Window} */ (doc.defaultView);
  const text = source.text();
  const span = rebaser(reportText, text)(hint.span);
  // The words must still be those the hint is about.
  if (!span || text.slice(span.start, span.end) !== reportText.slice(hint.span.start, hint.span.end)) return false;
  if (doc.activeElement !== box && !box.contains(doc.activeElement)) box.focus({ preventScroll: true });
  if (source.isTextarea) {
    const textarea = /** @type {HTMLTextAreaElement} */ (box);
    textarea.setSelectionRange(span.start, span.end);
    // execCommand keeps the textarea's undo stack; setRangeText is the fallback.
    if (!doc.execCommand('insertText', false, hint.suggestion)) {
      textarea.setRangeText(hint.suggestion, span.start, span.end, 'end');
      textarea.dispatchEvent(new /** @type {typeof InputEvent} */ (/** @type {any} */ (win).InputEvent)('input', { bubbles: true, inputType: 'insertReplacementText', data: hint.suggestion }));
    }
    return true;
  }
  source.rewalk();
  const walk = /** @type {import('./text-walk.js').Walk} */ (source.map());
  const start = domPositionAt(walk, span.start);
  const end = domPositionAt(walk, span.end);
  if (!start || !end) return false;
  const range = doc.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  const selection = /** @type {Selection} */ (win.getSelection());
  selection.removeAllRanges();
  selection.addRange(range);
  return hint.suggestion === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, hint.suggestion);
}
