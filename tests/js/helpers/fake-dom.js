// A tiny DOM-like tree from a well-formed HTML fragment: just what pure modules need
// (nodeType, nodeName, childNodes, parentNode, data, getAttribute, isConnected,
// compareDocumentPosition). Not a general parser.

/** Node.compareDocumentPosition's answer for `other` seen from `node` (both under one root). */
function comparePosition(node, other) {
  let top = node;
  while (top.parentNode) top = top.parentNode;
  const order = [];
  const visit = (n) => {
    order.push(n);
    n.childNodes.forEach(visit);
  };
  visit(top);
  const contains = (a, b) => {
    for (let n = b.parentNode; n; n = n.parentNode) if (n === a) return true;
    return false;
  };
  if (other === node) return 0;
  if (contains(node, other)) return 16 | 4; // CONTAINED_BY | FOLLOWING
  if (contains(other, node)) return 8 | 2; // CONTAINS | PRECEDING
  return order.indexOf(other) < order.indexOf(node) ? 2 : 4;
}

/** True when the node hangs under a parsed root, as a connected DOM node hangs under the document. */
function connected(node) {
  let top = node;
  while (top.parentNode) top = top.parentNode;
  return top.nodeName === 'ROOT';
}

const VOID = new Set(['BR', 'IMG', 'HR', 'INPUT']);
const ENTITIES = { '&nbsp;': '\u00a0', '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };
const decode = (text) => text.replace(/&(nbsp|lt|gt|amp|quot);/g, (entity) => ENTITIES[entity]);

class Text {
  constructor(data) {
    this.nodeType = 3;
    this.nodeName = '#text';
    this.data = data;
    this.parentNode = null;
    this.childNodes = [];
  }
  get isConnected() {
    return connected(this);
  }
  compareDocumentPosition(other) {
    return comparePosition(this, other);
  }
}

class Element {
  constructor(name, attributes) {
    this.nodeType = 1;
    this.nodeName = name;
    this.attributes = attributes;
    this.childNodes = [];
    this.parentNode = null;
  }
  get isConnected() {
    return connected(this);
  }
  compareDocumentPosition(other) {
    return comparePosition(this, other);
  }
  getAttribute(name) {
    return name in this.attributes ? this.attributes[name] : null;
  }
  append(node) {
    node.parentNode = this;
    this.childNodes.push(node);
  }
}

/** Parses `html` into a root element (nodeName "ROOT") holding the fragment. */
export function parse(html) {
  const root = new Element('ROOT', {});
  const stack = [root];
  const pattern = /<\/?([a-zA-Z0-9]+)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*\/?>|([^<]+)/g;
  for (const match of html.matchAll(pattern)) {
    const [token, tag, attributeText, text] = match;
    const parent = stack.at(-1);
    if (text !== undefined) {
      parent.append(new Text(decode(text)));
    } else if (token.startsWith('</')) {
      if (stack.pop().nodeName !== tag.toUpperCase()) throw new Error(`mismatched ${token}`);
    } else {
      const attributes = {};
      for (const [, name, value] of (attributeText ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)) {
        attributes[name] = decode(value ?? '');
      }
      const element = new Element(tag.toUpperCase(), attributes);
      parent.append(element);
      if (!VOID.has(element.nodeName) && !token.endsWith('/>')) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1).nodeName}>`);
  return root;
}
