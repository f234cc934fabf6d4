#!/usr/bin/env python3
"""Rewrites the data JSON files (src/data/*.json) in their house style: objects indented, lists of
strings or numbers on one line, so a phrase list reads as a list. Usage: tools/fmt-json.py FILE..."""
import json, sys

def dump(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        items = [f'{pad}  {json.dumps(k, ensure_ascii=False)}: {dump(x, indent + 1).lstrip()}' for k, x in v.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(v, list) and all(not isinstance(x, (dict, list)) for x in v):
        return pad + "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in v) + "]"
    if isinstance(v, list):
        return pad + "[\n" + ",\n".join(dump(x, indent + 1) for x in v) + "\n" + pad + "]"
    return pad + json.dumps(v, ensure_ascii=False)

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    with open(path, "w", encoding="utf-8") as f:
        f.write(dump(data) + "\n")
