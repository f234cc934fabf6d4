// @ts-check
// The panel a chip opens: the score, the rows (tone, focus, reply, length), the breakdown and the
// hints grouped by rule set. One panel for the page, shown for one box at a time.
// Testability contract: [data-rapport="panel"]; entries [data-rapport="hint"] with data-rule,
// data-rule-set, data-severity.

import { placePopover } from '../geometry.js';

/**
 * What the panel tells its owner (content/ui.js).
 * @typedef {object} PanelHandlers
 * @property {(view: any, key: string | null) => void} onHintHover
 * @property {(view: any, key: string, byKeyboard: boolean) => void} onHintActivate
 * @property {(byKeyboard: boolean) => void} onPanelClose
 * @property {() => void} onOpenOptions
 */

const ROW_LABELS = { tone: 'rowTone', focus: 'rowFocus', reply: 'rowReply', length: 'rowLength' };

/**
 * @param {object} deps
 * @param {import('./dom.js').H} deps.h
 * @param {import('./dom.js').Translate} deps.t
 * @param {ShadowRoot} deps.root  the overlay's shadow root (for the focused element)
 * @param {HTMLElement} deps.element  the panel's element, [data-rapport="panel"]
 * @param {PanelHandlers} deps.handlers
 * @param {() => import('./dom.js').Viewport} deps.viewport
 */
export function createPanel({ h, t, root, element: panel, handlers, viewport }) {
  /** @type {any} the box view the panel is open for */
  let panelView = null;
  /** @type {() => import('../geometry.js').Rect} */
  let panelAnchor = () => panel.getBoundingClientRect();

  /** @param {import('../hint-model.js').PanelRow} row */
  const rowValue = (row) => {
    if (row.key === 'tone') return t(`tone_${row.value}`);
    if (row.key === 'focus') return t(`focus_${row.value}`);
    if (row.key === 'reply') return t(row.value === 'yes' ? 'reply_yes' : 'reply_no');
    return row.value;
  };

  /** @param {any} view @param {import('../hint-model.js').PanelModel} model */
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
                    click: (event) => handlers.onHintActivate(view, hint.key, /** @type {MouseEvent} */ (event).detail === 0),
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
    const focusedKey = /** @type {HTMLElement | null} */ (root.activeElement)?.dataset?.key;
    panel.replaceChildren(head, rows, breakdown ?? '', ...groups, empty ?? '', foot);
    if (focusedKey) focusHint(focusedKey);
  }

  function placePanel() {
    if (!panelView || panel.hidden) return;
    const anchor = panelAnchor();
    const size = { width: panel.offsetWidth, height: panel.offsetHeight };
    const { left, top } = placePopover(anchor, size, viewport(), { align: 'right' });
    panel.style.transform = `translate(${left}px, ${top}px)`;
  }

  /** @param {string} key */
  function focusHint(key) {
    /** @type {HTMLElement | null} */ (panel.querySelector(`[data-rapport="hint"][data-key="${CSS.escape(key)}"]`))?.focus({ preventScroll: true });
  }

  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      handlers.onPanelClose(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const entries = /** @type {HTMLElement[]} */ ([...panel.querySelectorAll('[data-rapport="hint"]')]);
      const index = entries.indexOf(/** @type {HTMLElement} */ (root.activeElement));
      const next = entries[index + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  });

  return {
    get view() {
      return panel.hidden ? null : panelView;
    },
    /**
     * Opens (or refreshes) the panel for `view`, below its chip (`anchor()` returns the chip's rect).
     * @param {any} view @param {import('../hint-model.js').PanelModel} model @param {() => import('../geometry.js').Rect} anchor
     */
    show(view, model, anchor) {
      panelView = view;
      panelAnchor = anchor;
      renderPanel(view, model);
      panel.hidden = false;
      placePanel();
    },
    /** @param {any} view @param {import('../hint-model.js').PanelModel} model */
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
      /** @type {HTMLElement | null} */ (panel.querySelector('[data-rapport="hint"]') ?? panel.querySelector('button'))?.focus({ preventScroll: true });
    },
    focusHint,
    /** @param {string | null} key */
    setActive(key) {
      for (const element of /** @type {NodeListOf<HTMLElement>} */ (panel.querySelectorAll('[data-rapport="hint"]'))) element.dataset.active = String(element.dataset.key === key);
    },
    /** @param {Node | null} node */
    contains: (node) => panel.contains(node),
  };
}

/** @typedef {ReturnType<typeof createPanel>} Panel */
