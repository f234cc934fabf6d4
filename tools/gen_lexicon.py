#!/usr/bin/env python3
"""Regenerates src/data/lexicon/{vader.tsv,emoji.tsv} from the vaderSentiment 3.3.2 wheel (MIT).

    pip download --no-deps -d /tmp/w vaderSentiment==3.3.2 && unzip -q /tmp/w/*.whl -d /tmp/w/x
    python3 tools/gen_lexicon.py /tmp/w/x/vaderSentiment

vader.tsv keeps only `token<TAB>mean valence` (the per-rater columns are dropped: ~1/4 the size).
emoji.tsv gives each emoji of VADER's emoji lexicon the sum of the VADER valences of the words in
its CLDR description ("face with tears of joy" -> tears -0.9 + joy 2.8), which is what VADER
itself does when it replaces an emoji by its description; emoji whose description carries no
sentiment are left out.
"""
import os, sys

src = sys.argv[1]
out = os.path.join(os.path.dirname(__file__), "..", "src", "data", "lexicon")
lex = {}
with open(os.path.join(src, "vader_lexicon.txt"), encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        tok, mean = line.rstrip("\n").split("\t")[:2]
        lex[tok] = float(mean)  # the source repeats a few tokens; the last one wins, as in VADER
rows = [f"{tok}\t{mean:g}" for tok, mean in lex.items()]
with open(os.path.join(out, "vader.tsv"), "w", encoding="utf-8") as f:
    f.write("\n".join(rows) + "\n")

rows = []
with open(os.path.join(src, "emoji_utf8_lexicon.txt"), encoding="utf-8") as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 2:
            continue
        emoji, desc = parts
        v = sum(lex.get(w, 0.0) for w in desc.lower().replace(":", " ").replace(",", " ").split())
        if v != 0:
            rows.append(f"{emoji}\t{round(max(-4.0, min(4.0, v)), 3):g}")  # clamp to the scale
with open(os.path.join(out, "emoji.tsv"), "w", encoding="utf-8") as f:
    f.write("\n".join(rows) + "\n")
print(f"{len(lex)} words, {len(rows)} emoji")
