// @ts-check
// Applies every fix of a finding when the user asks: the last span first (so the offsets of the
// earlier ones stay valid), each selected in the editor and replaced through the editor's own
// input path (execCommand insertText / setRangeText + input), so its model and undo stay right;
// then the caret goes back where it was, moved along with the edits. Between two replacements
// the editor is given a task to render (Lexical commits its updates in a microtask), and the
// editor is walked again. The only place Rapport writes to a compose box.

import { fixPlan, offsetAfter } from './hint-model.js';
import { domPositionAt } from './text-walk.js';

/**
 * @param {HTMLElement} box
 * @param {import('./text-walk.js').TextSource} source  the box's text source
 * @param {import('../lib/report.js').Hint} hint  from the report of `reportText`
 * @param {string} reportText  the text the report was made for
 * @returns {Promise<boolean>} whether the editor took every replacement
 */
export async function applyFixes(box, source, hint, reportText) {
  const doc = box.ownerDocument;
  const win = /** @type {Window} */ (doc.defaultView);
  const plan = fixPlan(hint, reportText, source.rewalk());
  if (!plan) return false;
  const focused = doc.activeElement === box || box.contains(doc.activeElement);
  if (!focused) box.focus({ preventScroll: true });
  if (source.isTextarea) {
    const textarea = /** @type {HTMLTextAreaElement} */ (box);
    const caret = focused ? textarea.selectionEnd : null;
    for (const edit of plan) {
      textarea.setSelectionRange(edit.start, edit.end);
      // execCommand keeps the textarea's undo stack; setRangeText is the fallback.
      if (!doc.execCommand('insertText', false, edit.text)) {
        textarea.setRangeText(edit.text, edit.start, edit.end, 'end');
        textarea.dispatchEvent(new /** @type {typeof InputEvent} */ (/** @type {any} */ (win).InputEvent)('input', { bubbles: true, inputType: 'insertReplacementText', data: edit.text }));
      }
    }
    if (caret !== null) {
      const at = offsetAfter(caret, plan);
      textarea.setSelectionRange(at, at);
    }
    return true;
  }
  const selection = /** @type {Selection} */ (win.getSelection());
  const caret = focused && selection.rangeCount > 0 ? textOffsetOf(/** @type {import('./text-walk.js').Walk} */ (source.map()), selection.focusNode, selection.focusOffset, doc) : null;
  const settle = () => new Promise((resolve) => win.setTimeout(resolve, 0));
  let ok = true;
  for (const [index, edit] of plan.entries()) {
    // The editor renders each replacement: let it, and walk it again before the next.
    if (index > 0) await settle();
    source.rewalk();
    const range = rangeOf(/** @type {import('./text-walk.js').Walk} */ (source.map()), edit.start, edit.end, doc);
    if (!range) return false;
    selection.removeAllRanges();
    selection.addRange(range);
    ok = (edit.text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, edit.text)) && ok;
  }
  if (caret !== null) {
    await settle();
    source.rewalk();
    const at = offsetAfter(caret, plan);
    const range = rangeOf(/** @type {import('./text-walk.js').Walk} */ (source.map()), at, at, doc);
    if (range) {
      selection.removeAllRanges();
      selection.addRange(range);
    }
  }
  return ok;
}

/**
 * A DOM range over text[start, end) of a walked editor, or null.
 * @param {import('./text-walk.js').Walk} walk @param {number} start @param {number} end @param {Document} doc
 */
function rangeOf(walk, start, end, doc) {
  const from = domPositionAt(walk, start);
  const to = domPositionAt(walk, end);
  if (!from || !to) return null;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/**
 * The text offset of a DOM position (a selection's focus) in a walked editor, or null when it is
 * not in the walk.
 * @param {import('./text-walk.js').Walk} walk @param {Node | null} node @param {number} offset @param {Document} doc
 * @returns {number | null}
 */
function textOffsetOf(walk, node, offset, doc) {
  if (!node) return null;
  const own = walk.segments.find((segment) => segment.node === node);
  if (own) return own.node.nodeType === 3 ? own.start + Math.min(offset, own.end - own.start) : offset === 0 ? own.start : own.end;
  const point = doc.createRange();
  try {
    point.setStart(node, offset);
  } catch {
    return null;
  }
  // The first piece of text after the position starts where the position is.
  const next = walk.segments.find((segment) => point.comparePoint(segment.node, 0) > 0);
  return next ? next.start : walk.text.length;
}
