// Turns a tape (src/tape.rs, which documents the format) back into the plain objects it
// encodes. The wasm facade calls it with a view of the ops in wasm memory, the tape's strings,
// and the engine's table of field and variant names, which it extends.
//
// Written for speed (it runs on every report): the decoder's state lives in module variables
// rather than a closure, the common ops are tested first, and names enter the table
// internalised, as property names are.

const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, STRING = 4, NAME = 5, NEW_NAME = 6, ARRAY = 7, OBJECT = 8;

/** @type {Float64Array} */ let ops;
/** @type {string} */ let strings;
/** @type {string[]} */ let names;
let at = 0;
let pos = 0;

/** The same string, internalised (as a property name is), so later key stores skip a lookup. */
function internalize(s) {
  const o = {};
  o[s] = 0;
  return Object.keys(o)[0];
}

function text() {
  const end = pos + ops[at++];
  const s = strings.slice(pos, end);
  pos = end;
  return s;
}

function read() {
  const op = ops[at++];
  if (op === NAME) return names[ops[at++]];
  if (op === NUMBER) return ops[at++];
  if (op === STRING) return text();
  if (op === OBJECT) {
    const n = ops[at++];
    const object = {};
    for (let i = 0; i < n; i++) {
      // Keys are nearly always names already in the table.
      if (ops[at] === NAME) {
        const key = names[ops[at + 1]];
        at += 2;
        object[key] = read();
      } else {
        const key = read();
        object[key] = read();
      }
    }
    return object;
  }
  if (op === ARRAY) {
    const n = ops[at++];
    const array = [];
    for (let i = 0; i < n; i++) array.push(read());
    return array;
  }
  switch (op) {
    case NULL: return null;
    case FALSE: return false;
    case TRUE: return true;
    case NEW_NAME: {
      const name = internalize(text());
      names.push(name);
      return name;
    }
    default:
      throw new Error(`report tape: unknown op ${op} at ${at - 1}`);
  }
}

/**
 * @param {Float64Array} tapeOps  valid only during this call (a view of wasm memory)
 * @param {string} tapeStrings
 * @param {string[]} nameTable
 */
export function decodeTape(tapeOps, tapeStrings, nameTable) {
  ops = tapeOps;
  strings = tapeStrings;
  names = nameTable;
  at = 0;
  pos = 0;
  try {
    const value = read();
    if (at !== ops.length || pos !== strings.length) throw new Error('report tape: trailing data');
    return value;
  } finally {
    // Keep no reference to wasm memory or the last report.
    ops = strings = names = undefined;
  }
}
