// @ts-check
// The moment of posting, read from the page without ever getting in its way: the user moves to
// post (the pointer over the site's submit control, focus on it, or the site's shortcut pressed in
// the box), the site's submit runs (its control activated, or the shortcut), and the draft is then
// posted (the box empties or closes soon after). Every listener is passive and hears trusted
// events only; none prevents, delays or changes anything the site does.

/**
 * @typedef {import('./sites.js').Site} Site
 * @typedef {import('./sites.js').SubmitControl} SubmitControl
 * @typedef {import('./sites.js').Shortcut} Shortcut
 * @typedef {import('./box-watcher.js').BoxView} View
 * @typedef {{view: View, report: import('../lib/report.js').Report, text: string, at: number}} Submitted
 *   a draft as it was when its submit ran: its report and text (the text never leaves this module's caller)
 */

/** How long after its submit a draft may take to empty or close and still count as posted. */
export const POSTED_WITHIN_MS = 10_000;
/** How often a submitted box is looked at (emptied, removed or hidden). */
const POLL_MS = 150;
/** How far up from the box a composer's submit control may sit (its toolbar, its dialog). */
const LEVELS = 8;

/** @param {Node} node @returns {Node | null} the parent, across a shadow root to its host */
const up = (node) => {
  const parent = node.parentNode;
  return parent && parent.nodeType === 11 ? (/** @type {ShadowRoot} */ (parent).host ?? null) : parent;
};

/**
 * The control's name as a person reads it: its aria-label, else its text.
 * @param {Element} element
 */
const nameOf = (element) => (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Does `element` match one of the adapter's submit controls?
 * @param {Element} element @param {readonly SubmitControl[]} controls
 */
export function isSubmitControl(element, controls) {
  for (const control of controls) {
    try {
      if (typeof control === 'string') {
        if (element.matches(control)) return true;
      } else if (element.matches(control.css) && control.names.includes(nameOf(element))) {
        return true;
      }
    } catch {
      // A selector the browser does not parse matches nothing.
    }
  }
  return false;
}

/**
 * The submit control an event happened on (from its composed path), or null.
 * @param {EventTarget[]} path @param {readonly SubmitControl[]} controls
 * @returns {Element | null}
 */
export function submitControlIn(path, controls) {
  for (const node of path) {
    if (/** @type {Node} */ (node).nodeType === 1 && isSubmitControl(/** @type {Element} */ (node), controls)) return /** @type {Element} */ (node);
  }
  return null;
}

/** A control the site has switched off takes no submit. @param {Element} control */
export const isDisabled = (control) => /** @type {HTMLButtonElement} */ (control).disabled === true || control.getAttribute('aria-disabled') === 'true';

/**
 * The site's shortcut for `box`.
 * @param {Pick<Site, 'shortcut'>} site @param {Element} box @returns {Shortcut}
 */
export const shortcutOf = (site, box) => (typeof site.shortcut === 'function' ? site.shortcut(box) : (site.shortcut ?? null));

/**
 * Is the key event the shortcut? "Mod+Enter": Ctrl+Enter or Cmd+Enter (no Alt, no Shift);
 * "Enter": Enter alone (Shift+Enter is a line break). Never while composing (an IME's Enter).
 * @param {{key: string, ctrlKey: boolean, metaKey: boolean, altKey: boolean, shiftKey: boolean, isComposing?: boolean}} event
 * @param {Shortcut} shortcut
 */
export function isShortcut(event, shortcut) {
  if (shortcut === null || event.key !== 'Enter' || event.isComposing || event.altKey || event.shiftKey) return false;
  const mod = event.ctrlKey || event.metaKey;
  return shortcut === 'Mod+Enter' ? mod : !mod;
}

/**
 * The box a submit control belongs to: of the watched boxes, the one whose nearest ancestor (at
 * most LEVELS up) holds the control; the closest wins.
 * @param {Element} control @param {Iterable<View>} views
 * @returns {View | null}
 */
export function composerOf(control, views) {
  let best = null;
  let bestLevel = Infinity;
  for (const view of views) {
    let scope = /** @type {Node | null} */ (view.box);
    for (let level = 0; scope && level <= LEVELS && level < bestLevel; level++, scope = up(scope)) {
      if (holds(scope, control)) {
        best = view;
        bestLevel = level;
        break;
      }
    }
  }
  return best;
}

/** Does `scope` hold `node`, through open shadow roots too? @param {Node} scope @param {Node} node */
function holds(scope, node) {
  for (let at = /** @type {Node | null} */ (node); at; at = up(at)) if (at === scope) return true;
  return false;
}

/**
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {() => Iterable<View>} deps.views  the watched boxes
 * @param {() => Site} deps.site
 * @param {(view: View) => void} deps.onIntent  the user moves to post the draft of `view`
 * @param {(draft: Submitted) => void} deps.onPosted  a submitted draft was posted
 * @param {() => number} [deps.now]
 */
export function createPosting({ doc, views, site, onIntent, onPosted, now = Date.now }) {
  const win = /** @type {Window} */ (doc.defaultView);
  /** @type {Map<HTMLElement, Submitted>} by box */
  const pending = new Map();
  /** @type {number | undefined} */
  let timer;
  /** @type {Element | null} the submit control under the pointer */
  let hovered = null;

  /** @param {EventTarget[]} path */
  const controlIn = (path) => submitControlIn(path, site().submit ?? []);
  /** @param {EventTarget[]} path @returns {View | null} the view whose box the event is in */
  const viewIn = (path) => {
    for (const view of views()) if (path.includes(view.box)) return view;
    return null;
  };

  /** The site's submit ran for `view`: remember the draft until it empties or closes. @param {View} view */
  function submitted(view) {
    const { report, text } = view;
    if (!report || text.trim() === '' || view.tooLong !== null) return;
    pending.set(view.box, { view, report, text, at: now() });
    timer ??= win.setInterval(check, POLL_MS);
  }

  /** Posted: the box emptied, left the page or was hidden after its submit. */
  function check() {
    const t = now();
    for (const [box, draft] of pending) {
      const gone = !box.isConnected || box.getClientRects().length === 0;
      const emptied = !gone && draft.view.text.trim() === '' && draft.view.report !== draft.report;
      if (gone || emptied) {
        pending.delete(box);
        onPosted(draft);
      } else if (t - draft.at > POSTED_WITHIN_MS) {
        pending.delete(box); // the site kept the draft (an error, a disabled button): not posted
      }
    }
    if (pending.size === 0) {
      win.clearInterval(timer);
      timer = undefined;
    }
  }

  /** @param {PointerEvent} event */
  function onPointerOver(event) {
    if (!event.isTrusted) return;
    const control = controlIn(event.composedPath());
    if (control === hovered) return;
    hovered = control;
    const view = control && composerOf(control, views());
    if (view) onIntent(view);
  }

  /** @param {FocusEvent} event */
  function onFocusIn(event) {
    if (!event.isTrusted) return;
    const control = controlIn(event.composedPath());
    const view = control && composerOf(control, views());
    if (view) onIntent(view);
  }

  /** @param {KeyboardEvent} event */
  function onKeyDown(event) {
    if (!event.isTrusted || event.repeat) return;
    const path = event.composedPath();
    const view = viewIn(path);
    if (view && isShortcut(event, shortcutOf(site(), view.box))) {
      submitted(view);
      onIntent(view);
      return;
    }
    // A focused submit control taking Enter or Space (a role=button the site runs on keydown).
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const control = controlIn(path);
    const owner = control && !isDisabled(control) ? composerOf(control, views()) : null;
    if (owner) submitted(owner);
  }

  /** @param {MouseEvent | PointerEvent} event */
  function onActivate(event) {
    if (!event.isTrusted || event.button !== 0) return;
    const control = controlIn(event.composedPath());
    const view = control && !isDisabled(control) ? composerOf(control, views()) : null;
    if (view) submitted(view);
  }

  const passive = { capture: true, passive: true };
  /** @type {Array<[string, (event: any) => void]>} Some sites submit on pointerdown, most on click: either counts (a draft counts once, when it empties). */
  const listeners = [['pointerover', onPointerOver], ['focusin', onFocusIn], ['keydown', onKeyDown], ['pointerdown', onActivate], ['click', onActivate]];
  return {
    start() {
      for (const [type, listener] of listeners) win.addEventListener(type, listener, passive);
    },
    /** A box is going away: if its draft was submitted, it was posted. @param {View} view */
    forget(view) {
      if (pending.has(view.box)) check();
    },
    stop() {
      for (const [type, listener] of listeners) win.removeEventListener(type, listener, passive);
      win.clearInterval(timer);
      timer = undefined;
      pending.clear();
    },
  };
}
