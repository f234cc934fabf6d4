//! Figures: numbers, percentages and prices, and how densely they are packed (the rule set
//! that shows a wall of them: `rules::figures`).

use crate::kinds::{by_strictness, Span, Strictness};
use crate::text::{Document, Token, TokenKind};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figures {
    pub spans: Vec<Span>,
    pub words: usize,
    /// Figures per 100 words.
    pub per_100_words: f32,
    /// The most figures in one sentence.
    pub max_in_sentence: usize,
}

/// Figures needed before the rule looks at density, by strictness.
const MIN_LOW: usize = 5;
const MIN: usize = 3;
const MIN_HIGH: usize = 2;
/// Dense: this many figures per 100 words, or this many in one sentence.
const DENSE_PER_100_WORDS: f32 = 10.0;
const DENSE_IN_SENTENCE: usize = 3;

/// A year like 2026 reads as a date, not a statistic.
fn is_year(src: &str) -> bool {
    src.len() == 4 && src.bytes().all(|b| b.is_ascii_digit()) && matches!(&src[..2], "19" | "20")
}

/// Marks that join numbers into one value when nothing separates them: a time (`4:12:33`), a
/// date (`12/05/2024`), a score (`3-1`) or a range (`10-15%`).
fn joins_numbers(src: &str) -> bool {
    matches!(src, ":" | "/" | "-" | "–" | ".")
}

/// Month names, full and short: a number beside a capitalised one is a day of the month
/// ("December 5", "5 Dec"), a date rather than a statistic.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Letters after a number that keep it a quantity: magnitudes ("10k", "1.5M", "5x") and
/// common units. Any other letters make the token a position, a time or a name: an ordinal
/// ("1st", "19th"), a clock time ("3pm") or a name ("2Pac", "3D").
const QUANTITY_SUFFIXES: &[&str] = &[
    "k", "m", "mm", "b", "bn", "t", "tn", "x", "kg", "g", "mg", "lb", "lbs", "oz", "km", "cm",
    "mi", "ft", "mph", "kph", "kmh", "gb", "mb", "tb", "kb", "ms", "s", "sec", "secs", "min",
    "mins", "h", "hr", "hrs", "yr", "yrs", "kw", "mw", "kwh", "hz", "ghz", "l", "ml",
];

/// A number token with letters glued to it that is not a quantity (see [`QUANTITY_SUFFIXES`]).
fn is_label_number(src: &str) -> bool {
    let suffix = src.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
    !suffix.is_empty()
        && !QUANTITY_SUFFIXES
            .iter()
            .any(|q| q.eq_ignore_ascii_case(suffix))
}

/// The token at `i` stands right beside a capitalised month name: "December 5", "5 Dec".
fn beside_month(doc: &Document, i: usize) -> bool {
    let month = |t: Option<&Token>| {
        t.is_some_and(|t| {
            t.kind == TokenKind::Word
                && MONTHS.contains(&t.lower.as_ref())
                && doc
                    .slice(t.span)
                    .starts_with(|c: char| c.is_ascii_uppercase())
        })
    };
    month(i.checked_sub(1).and_then(|p| doc.tokens.get(p))) || month(doc.tokens.get(i + 1))
}

/// A single digit counts things the way a word would ("3 years of saving, 2 failed
/// inspections", "part 2"): a story's numbers, not a statistic.
fn is_count(src: &str) -> bool {
    src.len() == 1
}

/// A number that numbers a list's items: "1)" anywhere, "1." opening a line.
fn is_list_marker(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    let after = &doc.text[t.span.end..];
    let line_start = doc.text[..t.span.start]
        .chars()
        .rev()
        .find(|c| !matches!(c, ' ' | '\t'))
        .is_none_or(|c| c == '\n');
    t.span.len() <= 2 && (after.starts_with(')') || (line_start && after.starts_with(". ")))
}

fn is_numeric(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Number | TokenKind::Money | TokenKind::Percent
    )
}

pub fn find(doc: &Document) -> Figures {
    let mut f = Figures::default();
    // Tokens come sentence by sentence: count the current one, no list per sentence.
    let mut current = (usize::MAX, 0usize); // (sentence, figures in it)
    let tokens = &doc.tokens;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.quoted || !is_numeric(t.kind) {
            i += 1;
            continue;
        }
        // Numbers joined by a mark with no space between are one value.
        let mut last = i;
        while let [mark, next, ..] = &tokens[last + 1..] {
            let joined = mark.kind == TokenKind::Punct
                && mark.span.start == tokens[last].span.end
                && next.span.start == mark.span.end
                && is_numeric(next.kind)
                && joins_numbers(doc.slice(mark.span));
            if !joined {
                break;
            }
            last += 2;
        }
        let chain = &tokens[i..=last];
        let span = t.span.join(tokens[last].span);
        let is_figure = if chain.len() > 1 {
            // A time, date or score is not a statistic; a range of money or percentages is one.
            chain
                .iter()
                .any(|c| matches!(c.kind, TokenKind::Money | TokenKind::Percent))
        } else {
            match t.kind {
                TokenKind::Money | TokenKind::Percent => true,
                _ => {
                    let src = doc.slice(t.span);
                    !is_year(src)
                        && !is_label_number(src)
                        && !beside_month(doc, i)
                        && !is_count(src)
                        && !is_list_marker(doc, i)
                }
            }
        };
        if is_figure {
            f.spans.push(span);
            if current.0 != t.sentence {
                current = (t.sentence, 0);
            }
            current.1 += 1;
            f.max_in_sentence = f.max_in_sentence.max(current.1);
        }
        i = last + 1;
    }
    f.words = doc.word_count();
    f.per_100_words = f.spans.len() as f32 * 100.0 / f.words.max(1) as f32;
    f
}

impl Figures {
    pub fn dense(&self, s: Strictness) -> bool {
        self.spans.len() >= by_strictness(s, MIN_LOW, MIN, MIN_HIGH)
            && (self.per_100_words >= DENSE_PER_100_WORDS
                || self.max_in_sentence >= DENSE_IN_SENTENCE)
    }
}
