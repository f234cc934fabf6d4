// The one <rapport-overlay> element (open shadow root, under <html>) that holds everything
// Rapport draws: chips, underlines, the panel, the card and the screen-reader summary. It never
// touches the editors: everything is positioned with fixed coordinates from their rects.
//
// Testability contract: chip [data-rapport="chip"] with data-tone, data-invites-reply,
// data-self-focused, data-length, data-limit, data-over, data-score, data-hints, aria-label;
// [data-rapport="underline"] and [data-rapport="hint"] with data-rule, data-rule-set, data-severity.

import { placeChip, placePopover } from './geometry.js';
import { OVERLAY_CSS } from './overlay.css.js';

/** Element helper: h('div', {class: 'x', dataset: {...}, on: {click}}, ...children). */
function makeH(doc) {
  return function h(tag, props = {}, ...children) {
    const element = doc.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'dataset') Object.assign(element.dataset, value);
      else if (key === 'on') for (const [type, listener] of Object.entries(value)) element.addEventListener(type, listener);
      else if (key === 'text') element.textContent = value;
      else element.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : value);
    }
    element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
    return element;
  };
}

/** Writes an inline style only when it changed (an unchanged write still invalidates style). */
function setStyle(element, css) {
  if (element.__rapportCss === css) return;
  element.__rapportCss = css;
  element.style.cssText = css;
}

/** Keeps focus (and the caret) in the editor when Rapport's UI is clicked with the mouse. */
const keepFocus = (event) => {
  if (event.button === 0) event.preventDefault();
};

/**
 * @param {Document} doc
 * @param {(key: string, substitutions?: string[]) => string} t
 * @param {object} handlers  onHintHover(view, key|null), onHintActivate(view, key, byKeyboard),
 *   onCardAction(action, view, hint), onCardLeave(), onPanelClose(byKeyboard), onOpenOptions()
 */
export function createOverlay(doc, t, handlers) {
  const h = makeH(doc);
  const host = doc.createElement('rapport-overlay');
  const root = host.attachShadow({ mode: 'open' });
  // A constructable stylesheet: a <style> element could be blocked by the page's style-src.
  const sheet = new doc.defaultView.CSSStyleSheet();
  sheet.replaceSync(OVERLAY_CSS);
  root.adoptedStyleSheets = [sheet];
  const layer = h('div', { className: 'layer', dataset: { rapport: 'layer' } });
  const live = h('div', { className: 'sr-only', role: 'status', 'aria-live': 'polite', dataset: { rapport: 'live' } });
  const panel = h('div', { className: 'popover', role: 'dialog', 'aria-label': t('panelTitle'), dataset: { rapport: 'panel' }, hidden: true });
  const card = h('div', { className: 'popover', role: 'dialog', 'aria-label': t('cardTitle'), dataset: { rapport: 'card' }, hidden: true });
  const chips = h('div', { className: 'chips' });
  root.append(layer, chips, panel, card, live);
  doc.documentElement.append(host);
  for (const element of [panel, card]) element.addEventListener('mousedown', keepFocus);
  const viewport = () => ({ width: doc.defaultView.innerWidth, height: doc.defaultView.innerHeight });

  // ---- chip ----------------------------------------------------------------------------------
  function createChip(onClick) {
    const dot = h('span', { className: 'dot', 'aria-hidden': 'true' });
    const focus = h('span', { className: 'glyph focus', 'aria-hidden': 'true', title: t('selfFocusedTitle') }, t('glyphSelf'));
    const reply = h('span', { className: 'glyph reply', 'aria-hidden': 'true', title: t('invitesReplyTitle') }, '?');
    // Text nodes kept to update in place (setting textContent replaces the node every keystroke).
    const counterText = doc.createTextNode('');
    const scoreText = doc.createTextNode('');
    const counter = h('span', { className: 'counter', 'aria-hidden': 'true' }, counterText);
    const score = h('span', { className: 'score', 'aria-hidden': 'true' }, scoreText);
    const chip = h(
      'button',
      { type: 'button', 'aria-expanded': 'false', 'aria-haspopup': 'dialog', dataset: { rapport: 'chip' }, hidden: true, on: { mousedown: keepFocus, click: onClick } },
      dot, focus, reply, counter, score,
    );
    chips.append(chip);
    let shown = false;
    /** What update() last wrote. */
    const written = {};
    return {
      element: chip,
      /** @param {ReturnType<import('./chip-model.js').chipModel>} model */
      update(model) {
        // Only what changed is written (compared with what was written last, without reading the
        // DOM): this runs on every keystroke.
        const data = {
          tone: model.tone,
          invitesReply: String(model.invitesReply),
          selfFocused: String(model.selfFocused),
          length: String(model.used),
          limit: model.limit === null ? '' : String(model.limit),
          over: String(model.over),
          score: String(model.score),
          hints: String(model.hints),
        };
        for (const key in data) {
          if (written[key] !== data[key]) {
            written[key] = data[key];
            chip.dataset[key] = data[key];
          }
        }
        if (written.label !== model.label) {
          written.label = model.label;
          chip.setAttribute('aria-label', model.label);
        }
        if (written.selfFocusedGlyph !== model.selfFocused) {
          written.selfFocusedGlyph = model.selfFocused;
          focus.dataset.on = String(model.selfFocused);
          focus.hidden = !model.selfFocused;
        }
        if (written.reply !== data.invitesReply) {
          written.reply = data.invitesReply;
          reply.dataset.on = data.invitesReply;
        }
        if (written.counter !== model.counterText) {
          written.counter = model.counterText;
          counterText.data = model.counterText;
        }
        if (written.scoreText !== data.score) {
          written.scoreText = data.score;
          scoreText.data = data.score;
        }
        shown = true;
      },
      setExpanded(expanded) {
        chip.setAttribute('aria-expanded', String(expanded));
      },
      /** Places the chip just outside the editor's box `rect` (viewport coordinates); see placeChip. */
      place(rect, view) {
        const visible = shown && rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < view.height;
        if (chip.hidden !== !visible) chip.hidden = !visible;
        if (!visible) return;
        // The width is read only when the chip goes beside the box (before anything is written).
        const { right, bottom } = placeChip(rect, view, () => chip.offsetWidth);
        const transform = `translate(${-right}px, ${-bottom}px)`;
        if (chip.style.transform !== transform) chip.style.transform = transform;
      },
      rect: () => chip.getBoundingClientRect(),
      remove() {
        chip.remove();
      },
    };
  }

  // ---- underlines ----------------------------------------------------------------------------
  /** One box's underlines. render(items): items = [{hint, lines: [rect]}], lines already clipped. */
  function createUnderlines() {
    const group = h('div', { className: 'group-layer' });
    layer.append(group);
    let active = null;
    /** hint key → its element */
    const byKey = new Map();
    return {
      render(items, activeKey = active) {
        active = activeKey;
        // One element per hint key, kept while the hint stays; an element whose lines did not
        // change is not touched, and one whose hint went away is reused for a new hint (typing
        // changes few hints, and this runs every keystroke). Paint order (a warning's line over a
        // note's) comes from the severity's z-index in the stylesheet, not the DOM order.
        const fresh = [];
        const seen = new Set();
        for (const item of items) {
          if (seen.has(item.hint.key)) continue;
          seen.add(item.hint.key);
          if (!byKey.has(item.hint.key)) fresh.push(item);
        }
        const spare = [];
        for (const [key, element] of byKey) {
          if (!seen.has(key)) {
            spare.push(element);
            byKey.delete(key);
          }
        }
        for (const { hint } of fresh) {
          let element = spare.pop();
          if (!element) {
            element = h('div', { dataset: { rapport: 'underline' }, 'aria-hidden': 'true' });
            group.append(element);
          }
          element.__rapportLines = null;
          Object.assign(element.dataset, { key: hint.key, rule: hint.rule, ruleSet: hint.rule_set, severity: hint.severity });
          byKey.set(hint.key, element);
        }
        for (const element of spare) element.remove();
        for (const item of items) {
          const { hint, lines } = item;
          const element = byKey.get(hint.key);
          const isActive = String(hint.key === active);
          if (element.__rapportActive !== isActive) {
            element.__rapportActive = isActive;
            element.dataset.active = isActive;
          }
          if (element.__rapportLines === lines) continue;
          element.__rapportLines = lines;
          let left = Infinity;
          let top = Infinity;
          let right = -Infinity;
          let bottom = -Infinity;
          for (const r of lines) {
            if (r.left < left) left = r.left;
            if (r.top < top) top = r.top;
            if (r.right > right) right = r.right;
            if (r.bottom > bottom) bottom = r.bottom;
          }
          setStyle(element, `left:${left}px;top:${top}px;width:${right - left}px;height:${bottom - top}px`);
          // Children: a fill and a line per text line.
          while (element.childElementCount > lines.length * 2) element.lastElementChild.remove();
          lines.forEach((r, i) => {
            let fill = element.children[i * 2];
            let line = element.children[i * 2 + 1];
            if (!fill) {
              fill = h('span', { className: 'fill' });
              line = h('span', { className: 'line' });
              element.append(fill, line);
            }
            const x = r.left - left;
            const w = r.right - r.left;
            setStyle(fill, `left:${x}px;top:${r.top - top}px;width:${w}px;height:${r.bottom - r.top}px`);
            // Notes (dotted) sit at the very bottom of the line box, the others just above them.
            const lift = hint.severity === 'info' ? 1.5 : 3.5;
            setStyle(line, `left:${x}px;top:${r.bottom - top - lift}px;width:${w}px`);
          });
        }
      },
      setActive(key) {
        active = key;
        for (const element of group.children) {
          const value = String(element.dataset.key === key);
          if (element.__rapportActive !== value) {
            element.__rapportActive = value;
            element.dataset.active = value;
          }
        }
      },
      clear() {
        byKey.clear();
        if (group.firstChild) group.replaceChildren();
      },
      remove() {
        group.remove();
      },
    };
  }

  // ---- panel ---------------------------------------------------------------------------------
  let panelView = null;
  let panelAnchor = null;

  const ROW_LABELS = { tone: 'rowTone', focus: 'rowFocus', reply: 'rowReply', length: 'rowLength' };
  const rowValue = (row) => {
    if (row.key === 'tone') return t(`tone_${row.value}`);
    if (row.key === 'focus') return t(`focus_${row.value}`);
    if (row.key === 'reply') return t(row.value === 'yes' ? 'reply_yes' : 'reply_no');
    return row.value;
  };

  function renderPanel(view, model) {
    const head = h(
      'div',
      { className: 'panel-head' },
      h('h2', { text: t('panelTitle') }),
      h('span', { className: 'big-score', title: t('scoreTitle'), 'aria-label': t('scoreOf', [String(model.score)]) }, String(model.score)),
      h('button', { type: 'button', className: 'icon-button', 'aria-label': t('close'), title: t('close'), on: { click: () => handlers.onPanelClose(false) } }, '×'),
    );
    const rows = h(
      'dl',
      { className: 'rows' },
      model.rows.map((row) => [
        h('dt', { text: t(ROW_LABELS[row.key]) }),
        h('dd', { dataset: row.key === 'tone' ? { tone: row.value } : row.over ? { over: 'true' } : {} }, rowValue(row)),
      ]),
    );
    const breakdown = model.breakdown.length
      ? h(
          'ul',
          { className: 'breakdown', 'aria-label': t('breakdownTitle') },
          model.breakdown.map((item) =>
            h('li', {}, h('span', { className: 'points' }, item.points > 0 ? `+${item.points}` : String(item.points)), h('span', { text: item.why })),
          ),
        )
      : null;
    const groups = model.groups.map((group) =>
      h(
        'section',
        { className: 'group' },
        h('h3', { text: t(`ruleSet_${group.ruleSet}`) || group.ruleSet }),
        h(
          'ul',
          {},
          group.hints.map((hint) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  dataset: { rapport: 'hint', rule: hint.rule, ruleSet: hint.rule_set, severity: hint.severity, key: hint.key },
                  'aria-label': `${t(`severity_${hint.severity}`)}: ${hint.message}. “${hint.quote}”`,
                  on: {
                    mouseenter: () => handlers.onHintHover(view, hint.key),
                    mouseleave: () => handlers.onHintHover(view, null),
                    focus: () => handlers.onHintHover(view, hint.key),
                    click: (event) => handlers.onHintActivate(view, hint.key, event.detail === 0),
                  },
                },
                h('span', { className: 'sev', 'aria-hidden': 'true' }),
                h('span', { className: 'quote' }, `“${hint.quote}”`),
                h('span', { className: 'message', text: hint.message }),
              ),
            ),
          ),
        ),
      ),
    );
    const empty = model.groups.length === 0 ? h('p', { className: 'empty', text: t('noHints') }) : null;
    const foot = h(
      'div',
      { className: 'panel-foot' },
      h('span', { text: t('privateNote') }),
      h('button', { type: 'button', className: 'link', text: t('openOptions'), on: { click: () => handlers.onOpenOptions() } }),
    );
    const focusedKey = root.activeElement?.dataset?.key;
    panel.replaceChildren(head, rows, breakdown ?? '', ...groups, empty ?? '', foot);
    if (focusedKey) panel.querySelector(`[data-rapport="hint"][data-key="${CSS.escape(focusedKey)}"]`)?.focus({ preventScroll: true });
  }

  function placePanel() {
    if (!panelView || panel.hidden) return;
    const anchor = panelAnchor();
    const size = { width: panel.offsetWidth, height: panel.offsetHeight };
    const { left, top } = placePopover(anchor, size, viewport(), { align: 'right' });
    panel.style.transform = `translate(${left}px, ${top}px)`;
  }

  const panelApi = {
    get view() {
      return panel.hidden ? null : panelView;
    },
    /** Opens (or refreshes) the panel for `view`, below its chip (`anchor()` returns the chip's rect). */
    show(view, model, anchor) {
      panelView = view;
      panelAnchor = anchor;
      renderPanel(view, model);
      panel.hidden = false;
      placePanel();
    },
    update(view, model) {
      if (panelView === view && !panel.hidden) {
        renderPanel(view, model);
        placePanel();
      }
    },
    place: placePanel,
    hide() {
      panel.hidden = true;
      panel.replaceChildren();
      panelView = null;
    },
    focusFirst() {
      (panel.querySelector('[data-rapport="hint"]') ?? panel.querySelector('button'))?.focus({ preventScroll: true });
    },
    focusHint(key) {
      panel.querySelector(`[data-rapport="hint"][data-key="${CSS.escape(key)}"]`)?.focus({ preventScroll: true });
    },
    setActive(key) {
      for (const element of panel.querySelectorAll('[data-rapport="hint"]')) element.dataset.active = String(element.dataset.key === key);
    },
    contains: (node) => panel.contains(node),
  };
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      handlers.onPanelClose(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const entries = [...panel.querySelectorAll('[data-rapport="hint"]')];
      const index = entries.indexOf(root.activeElement);
      const next = entries[index + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  });

  // ---- card ----------------------------------------------------------------------------------
  let cardState = null; // {view, hint}

  const cardApi = {
    get state() {
      return card.hidden ? null : cardState;
    },
    /** Shows the card for `hint` next to `anchor`, clear of `avoid` (the chip's rect) where it can. */
    show(view, hint, anchor, { focus = false, avoid = null } = {}) {
      cardState = { view, hint };
      const act = (action) => () => handlers.onCardAction(action, view, hint);
      card.dataset.rule = hint.rule;
      card.dataset.ruleSet = hint.rule_set;
      card.dataset.severity = hint.severity;
      card.dataset.key = hint.key;
      card.replaceChildren(
        h(
          'p',
          { className: 'card-title', dataset: { severity: hint.severity } },
          h('span', { className: 'sev', title: t(`severity_${hint.severity}`), 'aria-hidden': 'true' }),
          h('span', { text: hint.message }),
        ),
        h('p', { className: 'why', text: hint.why }),
        hint.suggestion !== null && hint.suggestion !== undefined
          ? h(
              'div',
              { className: 'suggestion' },
              h('q', { text: hint.suggestion === '' ? t('suggestionRemove') : hint.suggestion }),
              h('button', { type: 'button', className: 'button primary', dataset: { action: 'apply' }, text: t('applySuggestion'), on: { click: act('apply') } }),
            )
          : '',
        h(
          'div',
          { className: 'actions' },
          h('button', { type: 'button', className: 'button', dataset: { action: 'mute' }, text: t('muteForPost'), on: { click: act('mute') } }),
          h('button', { type: 'button', className: 'button', dataset: { action: 'rule-off' }, text: t('ruleOff'), on: { click: act('rule-off') } }),
        ),
      );
      card.hidden = false;
      const size = { width: card.offsetWidth, height: card.offsetHeight };
      const { left, top } = placePopover(anchor, size, viewport(), { avoid: avoid && avoid.right > avoid.left ? avoid : null });
      card.style.transform = `translate(${left}px, ${top}px)`;
      if (focus) card.querySelector('button')?.focus({ preventScroll: true });
    },
    hide() {
      card.hidden = true;
      card.replaceChildren();
      cardState = null;
    },
    contains: (node) => card.contains(node),
    get element() {
      return card;
    },
  };
  card.addEventListener('mouseleave', () => handlers.onCardLeave());
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      const key = cardState?.hint.key;
      cardApi.hide();
      if (key && panelView) panelApi.focusHint(key);
    }
  });

  let lastAnnounced = '';
  return {
    root,
    createChip,
    createUnderlines,
    panel: panelApi,
    card: cardApi,
    /** Tells screen readers (politely) what changed; repeated text is not re-announced. */
    announce(text) {
      if (text === lastAnnounced) return;
      lastAnnounced = text;
      live.textContent = text;
    },
    /** True if `node` (from an event's composed path) is part of Rapport's UI. */
    owns: (node) => node === host || root.contains(node),
    destroy() {
      host.remove();
    },
  };
}
