//! Shouting: ALL-CAPS words, `!!!` and `?!?!` runs, stretched words ("soooo") (the rule set
//! that shows them: `rules::shouting`).

use crate::data::{class, Data};
use crate::kinds::{by_strictness, Span, Strictness};
use crate::text::{Document, TokenKind};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shouting {
    /// Runs of ALL-CAPS words (acronyms excluded), with the number of words in each.
    pub caps_runs: Vec<(Span, usize)>,
    pub caps_words: usize,
    /// Runs of `!`/`?` marks, with their length.
    pub mark_runs: Vec<(Span, usize)>,
    /// Words with a letter held three times or more, with a plain spelling.
    pub stretched: Vec<(Span, String)>,
}

/// ALL-CAPS words (outside acronyms) before caps count as shouting, by strictness.
const CAPS_MIN_LOW: usize = 4;
const CAPS_MIN: usize = 2;
const CAPS_MIN_HIGH: usize = 1;
/// Length of a `!!!` / `?!?` run that counts as shouting, by strictness.
const MARKS_MIN_LOW: usize = 4;
const MARKS_MIN: usize = 3;
const MARKS_MIN_HIGH: usize = 2;

impl Shouting {
    pub fn caps_shouting(&self, s: Strictness) -> bool {
        self.caps_words >= by_strictness(s, CAPS_MIN_LOW, CAPS_MIN, CAPS_MIN_HIGH)
    }

    pub fn loud_marks(&self, s: Strictness) -> impl Iterator<Item = &(Span, usize)> {
        let min = by_strictness(s, MARKS_MIN_LOW, MARKS_MIN, MARKS_MIN_HIGH);
        self.mark_runs.iter().filter(move |(_, n)| *n >= min)
    }

    pub fn shouting(&self, s: Strictness) -> bool {
        self.caps_shouting(s) || self.loud_marks(s).next().is_some()
    }
}

/// Upper-case word of two letters or more, with no digits (`COVID19`, `4K` are names).
fn is_caps_word(src: &str) -> bool {
    // "HSA/FSA", "B2B/SaaS": acronyms joined by a slash are acronyms.
    if src.contains('/') {
        return false;
    }
    let mut letters = 0;
    for c in src.chars() {
        if c.is_lowercase() || c.is_ascii_digit() {
            return false;
        }
        if c.is_uppercase() {
            letters += 1;
        }
    }
    letters >= 2
}

/// A lone capitalised word this long is shouted even when the vocabulary does not know it
/// ("UNBELIEVABLE"); shorter unknown ones are taken for acronyms and names ("NRR", "EBITDA").
const LONE_CAPS_MIN_LETTERS: usize = 7;

/// A run of capitalised words being read: its span, words, sentence, and whether a lone word
/// would already count (see [`LONE_CAPS_MIN_LETTERS`]).
struct CapsRun {
    span: Span,
    words: usize,
    sentence: usize,
    shouted_alone: bool,
}

impl CapsRun {
    /// Two or more capitalised words in a row shout; one alone only when it is a word.
    fn close(self, s: &mut Shouting) {
        if self.words >= 2 || self.shouted_alone {
            s.caps_runs.push((self.span, self.words));
            s.caps_words += self.words;
        }
    }
}

pub fn find(doc: &Document, data: &Data, acronyms: &HashSet<String>) -> Shouting {
    let mut s = Shouting::default();
    let mut run: Option<CapsRun> = None;
    for t in &doc.tokens {
        if t.quoted {
            continue;
        }
        if t.kind == TokenKind::Word {
            let src = doc.slice(t.span);
            let caps = is_caps_word(src)
                && t.info.class & class::ACRONYM == 0
                && !acronyms.contains(t.lower.as_ref());
            // "I" and "A" are capitals in any case: inside a shouted run they go on with it
            // ("THIS IS THE VIDEO I NEEDED"), elsewhere they are plain words.
            let one_letter = matches!(src, "I" | "A");
            if one_letter && run.as_ref().is_some_and(|r| r.sentence == t.sentence) {
                continue;
            }
            if caps {
                let shouted_alone = t.info.is_known()
                    || src.chars().filter(|c| c.is_alphabetic()).count() >= LONE_CAPS_MIN_LETTERS;
                run = match run.take() {
                    Some(r) if r.sentence == t.sentence => Some(CapsRun {
                        span: r.span.join(t.span),
                        words: r.words + 1,
                        shouted_alone: r.shouted_alone || shouted_alone,
                        ..r
                    }),
                    other => {
                        if let Some(r) = other {
                            r.close(&mut s);
                        }
                        Some(CapsRun {
                            span: t.span,
                            words: 1,
                            sentence: t.sentence,
                            shouted_alone,
                        })
                    }
                };
            } else if let Some(r) = run.take() {
                r.close(&mut s);
            }
            if doc.stretched {
                if let Some((plain, _)) = data.unstretch(src) {
                    s.stretched.push((t.span, plain));
                }
            }
        } else if t.kind != TokenKind::Punct {
            // A figure, link, tag or emoji between capitals ends the run: "NRR 118%, CAC".
            if let Some(r) = run.take() {
                r.close(&mut s);
            }
        }
    }
    if let Some(r) = run {
        r.close(&mut s);
    }
    // Runs of adjacent ! ? marks.
    let mut marks: Option<(Span, usize, bool)> = None; // span, length, has '!'
    let flush = |m: Option<(Span, usize, bool)>, s: &mut Shouting| {
        if let Some((sp, n, bang)) = m {
            // "??" alone is puzzlement, not volume; a run counts once it has a "!" or 3+ marks.
            if n >= 2 && (bang || n >= 3) {
                s.mark_runs.push((sp, n));
            }
        }
    };
    for t in &doc.tokens {
        // Checked on punctuation only: a word or link is never a run of marks.
        let src = if t.kind == TokenKind::Punct && !t.quoted {
            doc.slice(t.span)
        } else {
            ""
        };
        if !src.is_empty()
            && src
                .chars()
                .all(|c| matches!(c, '!' | '?' | '‼' | '⁉' | '！' | '？'))
        {
            let n = src.chars().count();
            let bang = src.contains(['!', '‼', '⁉', '！']);
            marks = match marks {
                Some((sp, len, b)) if sp.end == t.span.start => {
                    Some((sp.join(t.span), len + n, b || bang))
                }
                other => {
                    flush(other, &mut s);
                    Some((t.span, n, bang))
                }
            };
        } else {
            flush(marks.take(), &mut s);
        }
    }
    flush(marks, &mut s);
    s
}
