//! Tone: a sentiment score −1..1 with the words that drive it.
//!
//! The core follows VADER (Hutto & Gilbert, ICWSM 2014; vaderSentiment 3.3.2, MIT): lexicon
//! valences, boosters and dampeners, negation in a three-word window, ALL-CAPS emphasis, the
//! "but" shift and `!`/`?` amplification, normalised as x / sqrt(x² + 15). The constants below
//! are VADER's unless a comment says otherwise.

use crate::data::class;
use crate::text::{Document, Info, Span, TokenKind};

/// Boost a booster word adds to the next sentiment word (VADER's B_INCR / B_DECR).
const B_INCR: f32 = 0.293;
const B_DECR: f32 = -0.293;
/// Boost for a sentiment word in ALL CAPS when the rest is not (VADER's C_INCR).
const C_INCR: f32 = 0.733;
/// Factor applied to a negated valence (VADER's N_SCALAR).
const N_SCALAR: f32 = -0.74;
/// Normalisation constant: compound = x / sqrt(x² + ALPHA).
const ALPHA: f32 = 15.0;
/// Per `!` (at most 4) and per `?` (2 or 3; 4+ gives the cap) of amplification.
const EXCLAMATION_GAIN: f32 = 0.292;
const EXCLAMATION_MAX: usize = 4;
const QUESTION_GAIN: f32 = 0.18;
const QUESTION_CAP: f32 = 0.96;
/// Weights before and after "but".
const BEFORE_BUT: f32 = 0.5;
const AFTER_BUT: f32 = 1.5;
/// Words, all in capitals, that make a post shouted throughout.
const ALL_CAPS_MIN_WORDS: usize = 3;
/// A post reads positive from this compound score, negative from minus `NEGATIVE_FROM`.
/// The band is asymmetric on purpose: mild positive words ("thanks", "want", "sure") are
/// everyday politeness, while any negativity is worth a look. Chosen on the TweetEval
/// validation set, where macro recall is flat (within 0.005) for 0.3–0.4; VADER's own
/// recommendation is ±0.05.
pub const POSITIVE_FROM: f32 = 0.35;
pub const NEGATIVE_FROM: f32 = 0.05;

/// Multi-word expressions whose valence replaces the word's own.
const IDIOMS: &[(&[&str], f32)] = &[
    (&["the", "shit"], 3.0),
    (&["the", "bomb"], 3.0),
    (&["bad", "ass"], 1.5),
    (&["badass"], 1.5),
    (&["bus", "stop"], 0.0),
    (&["yeah", "right"], -2.0),
    (&["kiss", "of", "death"], -1.5),
    (&["to", "die", "for"], 3.0),
    (&["beating", "heart"], 3.1),
    (&["broken", "heart"], -2.9),
    // Rapport's: time is killed by waiting, and a performance by doing it well.
    (&["kill", "time"], 0.0),
    (&["killing", "time"], 0.0),
    (&["kill", "some", "time"], 0.0),
    (&["killing", "some", "time"], 0.0),
    (&["killed", "it"], 2.0),
    (&["killing", "it"], 2.0),
    // Rapport's: no question is dumb in "no such thing as a dumb question", and "I will die on
    // this hill", "going crazy", "until I die" are figures of speech, not gloom.
    (&["dumb", "question"], 0.0),
    (&["dumb", "questions"], 0.0),
    (&["stupid", "question"], 0.0),
    (&["stupid", "questions"], 0.0),
    (&["die", "on", "this"], 0.0),
    (&["going", "crazy"], 0.0),
    (&["until", "i", "die"], 0.0),
    (&["til", "i", "die"], 0.0),
    // Accounting, not disgust.
    (&["gross", "margin"], 0.0),
    (&["gross", "profit"], 0.0),
    (&["gross", "revenue"], 0.0),
    (&["gross", "income"], 0.0),
    (&["gross", "sales"], 0.0),
];

/// Crying faces that a laugh or praise beside them turns into tears of joy ("lmao 😭",
/// "gorgeous 😭😭"): their own valence, made positive.
const TEARS: &[&str] = &["😭", "😢", "🥲", "🥹"];

/// Words right after a negator that cancel it: "can't stop laughing", "never fails to amaze",
/// "can't help smiling" say the feeling happens all the more (VADER flips them).
const NEGATION_CANCELLERS: &[&str] = &[
    "stop", "stops", "stopped", "stopping", "help", "fail", "fails", "failed",
];
/// Negators of ability: "couldn't be happier", "can't thank you enough" say the most there is.
const ABILITY_NEGATORS: &[&str] = &["couldn't", "couldnt", "can't", "cant", "cannot"];
/// Verbs between an ability negator and a comparative ("couldn't *be* happier").
const LINKING_VERBS: &[&str] = &["be", "get", "feel", "look", "sound"];
/// Valence of "can't wait" (and "couldn't wait"): eagerness, VADER's "eager"; "wait" alone
/// has none.
const EAGER_WAIT: f32 = 1.5;

/// Dampeners of two words (VADER's); single-word boosters and dampeners are word classes.
const TWO_WORD_DAMPENERS: &[[&str; 2]] = &[["just", "enough"], ["kind", "of"], ["sort", "of"]];

fn booster(class_bits: u32) -> Option<f32> {
    if class_bits & class::BOOSTER_UP != 0 {
        Some(B_INCR)
    } else if class_bits & class::BOOSTER_DOWN != 0 {
        Some(B_DECR)
    } else {
        None
    }
}

/// A negator at `k`: VADER's list, any "n't" word, and "no longer" (which VADER's list misses
/// because "no" alone only negates its next two words).
fn is_negation_at(w: &[&str], u: &[Unit], k: usize) -> bool {
    u[k].info.class & class::NEGATION != 0
        // A byte-window test: `contains("n't")` sets up a substring searcher per word.
        || w[k].as_bytes().windows(3).any(|b| b == b"n't")
        || (w[k] == "longer" && k > 0 && w[k - 1] == "no")
}

/// One scored unit: a word, emoticon or emoji in the writer's voice.
struct Unit<'d> {
    span: Span,
    /// Lower-cased word, or the emoji/emoticon as written.
    key: &'d str,
    /// Classes and valence (see [`Info`]).
    info: Info,
    /// Upper-case as VADER sees it (see [`is_upper_word`]).
    upper: bool,
    /// An emoji or emoticon: a feeling shown, not a word that negation or boosters modify.
    symbol: bool,
    sentence: usize,
    /// Clauses end at sentence ends, `;`, `:`, `…` and dashes: negation and boosters stay inside.
    clause: usize,
    /// 1, or [`QUOTED_WEIGHT`] inside quotes.
    weight: f32,
}

/// The tone of a text: compound score and the tokens that carried it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tone {
    /// −1..1.
    pub compound: f32,
    /// (span, signed contribution after modifiers), in text order, zero contributions left out.
    pub evidence: Vec<(Span, f32)>,
}

impl Tone {
    pub fn label(&self) -> &'static str {
        label(self.compound)
    }
}

pub fn label(compound: f32) -> &'static str {
    if compound >= POSITIVE_FROM {
        "positive"
    } else if compound <= -NEGATIVE_FROM {
        "negative"
    } else {
        "neutral"
    }
}

/// Python's `str.isupper()`, which VADER uses: some cased letter, none lower-case (so `:D` counts).
fn is_upper_word(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// Quoted words count at this weight: reported speech is not the writer's own voice, but which
/// words a writer chooses to repeat still colours the post (measured: at 0 the TweetEval macro
/// recall drops by about 0.01 and the VADER-tweets r by 0.001 against 0.5).
const QUOTED_WEIGHT: f32 = 0.5;

/// Words after which "like" is the verb of liking ("I like", "would like", "don't like");
/// elsewhere it is a preposition or filler ("looks like rain", "like, whatever").
const LIKE_SUBJECTS: &[&str] = &[
    "i",
    "we",
    "you",
    "they",
    "u",
    "ya",
    "really",
    "would",
    "do",
    "don't",
    "dont",
    "did",
    "didn't",
    "does",
    "doesn't",
    "totally",
    "actually",
    "also",
    "still",
    "all",
    "who",
    "people",
    "everyone",
    "nobody",
    "guys",
    "just",
    "so",
    "i'd",
    "we'd",
    "you'd",
    "to",
    "def",
    "definitely",
    "kinda",
    "might",
    "may",
    "will",
    "won't",
    "gonna",
];

fn liking(w: &[&str], i: usize) -> bool {
    i > 0 && LIKE_SUBJECTS.contains(&w[i - 1])
}

/// "Party", "Bowl": a capital, then lower case only.
fn is_title_case(s: &str) -> bool {
    // Most words start with an ASCII letter in lower case: the first byte answers.
    if s.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let mut cs = s.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.clone().any(char::is_lowercase)
        && cs.all(|c| !c.is_uppercase())
}

fn is_clause_break(p: &str) -> bool {
    matches!(p, ";" | ":" | "…" | "—" | "–")
}

fn units<'d>(doc: &'d Document) -> Vec<Unit<'d>> {
    let mut clause = 0;
    let mut last_sentence = 0;
    let mut seen_word = false;
    let mut out = Vec::with_capacity(doc.tokens.len());
    let toks = &doc.tokens;
    let title = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && is_title_case(doc.slice(t.span)))
    };
    for (k, t) in toks.iter().enumerate() {
        if t.sentence != last_sentence {
            clause += 1;
            last_sentence = t.sentence;
            seen_word = false;
        }
        let src = doc.slice(t.span);
        if t.kind == TokenKind::Punct && is_clause_break(src) {
            clause += 1;
            continue;
        }
        // "Super Bowl", "Labour Party": a run of capitalised words inside a sentence is a name,
        // and a name carries no sentiment.
        let name = t.kind == TokenKind::Word
            && seen_word
            // Most words start with a lower-case ASCII letter: no title case to test.
            && !doc.text.as_bytes()[t.span.start].is_ascii_lowercase()
            && title(k)
            && ((k > 0 && title(k - 1)) || title(k + 1));
        seen_word |= t.kind == TokenKind::Word;
        let (key, symbol): (&str, bool) = match t.kind {
            TokenKind::Word if name => ("", false),
            // Laughter is shown feeling, like an emoticon: nothing negates it ("not the latter lol").
            TokenKind::Word => (t.lower.as_ref(), t.info.class & class::LAUGHTER != 0),
            TokenKind::Emoticon | TokenKind::Emoji => (src, true),
            _ => continue,
        };
        let mut info = t.info;
        if name {
            info = Info::default();
        }
        out.push(Unit {
            span: t.span,
            key,
            info,
            upper: is_upper_word(src),
            symbol,
            sentence: t.sentence,
            clause,
            weight: if t.quoted { QUOTED_WEIGHT } else { 1.0 },
        });
    }
    out
}

/// VADER's valence of `w[i]` with its modifiers, looking back only inside the clause `w`
/// (`u` holds the same units with their classes and valences).
fn valence(w: &[&str], u: &[Unit], i: usize, cap_diff: bool) -> f32 {
    let word = w[i];
    if booster(u[i].info.class).is_some() || (word == "kind" && w.get(i + 1) == Some(&"of")) {
        return 0.0;
    }
    let Some(base) = u[i].info.valence else {
        return if can_not_wait(w, i) { EAGER_WAIT } else { 0.0 };
    };
    if u[i].symbol {
        // An emoji or emoticon is the writer's feeling as shown: nothing negates or boosts it.
        return base;
    }
    if word == "like" && !liking(w, i) {
        return 0.0;
    }
    let in_lex = |k: usize| u[k].info.valence.is_some();
    let mut v = base;
    // "no no no" is an emphatic no, not "no" negating "no".
    let repeated_no = word == "no" && (w.get(i + 1) == Some(&"no") || (i > 0 && w[i - 1] == "no"));
    if repeated_no {
        return base;
    }
    if word == "no" && i + 1 < w.len() && in_lex(i + 1) {
        v = 0.0;
    }
    let prev = |k: usize| if i >= k { Some(w[i - k]) } else { None };
    if prev(1) == Some("no")
        || prev(2) == Some("no")
        || (prev(3) == Some("no") && matches!(prev(1), Some("or") | Some("nor")))
    {
        v = base * N_SCALAR;
    }
    if u[i].upper && cap_diff {
        v += if v > 0.0 { C_INCR } else { -C_INCR };
    }
    let mut negated = false;
    for start in 0..3 {
        if i < start + 1 {
            break;
        }
        let k = i - start - 1;
        if in_lex(k) {
            continue;
        }
        let mut s = booster(u[k].info.class).map_or(0.0, |b| {
            let mut b = if v < 0.0 { -b } else { b };
            if u[k].upper && cap_diff {
                b += if v > 0.0 { C_INCR } else { -C_INCR };
            }
            b
        });
        if start == 1 {
            s *= 0.95;
        } else if start == 2 {
            s *= 0.9;
        }
        v += s;
        v = negation_check(v, w, u, start, i, &mut negated);
    }
    v = idioms_check(v, w, i);
    least_check(v, w, u, i)
}

/// Scores the whole document.
pub fn score(doc: &Document) -> Tone {
    let units = units(doc);
    let words: Vec<&str> = units.iter().map(|u| u.key).collect();
    let uppers = units.iter().filter(|u| u.upper).count();
    let cap_diff = uppers > 0 && uppers < units.len();
    // A post written all in capitals is shouted throughout: VADER sees no contrast and adds
    // nothing; Rapport gives every sentiment word the capitals boost.
    let shouted =
        uppers >= ALL_CAPS_MIN_WORDS && uppers == units.iter().filter(|u| !u.symbol).count();

    let mut sentiments = super::filled(units.len(), 0.0f32);
    let mut a = 0;
    while a < units.len() {
        let b = a + units[a..]
            .iter()
            .take_while(|u| u.clause == units[a].clause)
            .count();
        for i in 0..b - a {
            let mut v = valence(&words[a..b], &units[a..b], i, cap_diff);
            if shouted && v != 0.0 && !units[a + i].symbol {
                v += C_INCR * v.signum();
            }
            sentiments[a + i] = v * units[a + i].weight;
        }
        a = b;
    }

    tears_of_joy(&units, &mut sentiments);

    // "but" shifts weight within its sentence: what comes before counts half, after one and a
    // half. A sentence that opens with "But" does the same to the sentence before it.
    // Units come in text order, so each sentence's units are one range (found by bisection:
    // a long paste has thousands of "but"s, and a scan per "but" would be quadratic).
    let sentence_units = |s: usize| {
        units.partition_point(|u| u.sentence < s)..units.partition_point(|u| u.sentence <= s)
    };
    for bi in (0..units.len()).filter(|&i| words[i] == "but") {
        let sentence = units[bi].sentence;
        let own = sentence_units(sentence);
        if units[own.start..bi].iter().any(|p| p.key == "but") {
            continue; // only the first "but" of a sentence shifts weight
        }
        let before = if own.start == bi {
            // "But" opens the sentence: the sentence before it counts half.
            sentence.checked_sub(1).map_or(0..0, sentence_units)
        } else {
            own.start..bi
        };
        for s in &mut sentiments[before] {
            *s *= BEFORE_BUT;
        }
        for s in &mut sentiments[bi + 1..own.end] {
            *s *= AFTER_BUT;
        }
    }

    // Folded from +0.0: `sum()` starts from −0.0, and an empty post would report "-0.0".
    let mut sum: f32 = sentiments.iter().fold(0.0, |acc, s| acc + s);
    let amp = punctuation_emphasis(doc);
    if sum > 0.0 {
        sum += amp;
    } else if sum < 0.0 {
        sum -= amp;
    }
    let compound = (sum / (sum * sum + ALPHA).sqrt()).clamp(-1.0, 1.0);
    let evidence = units
        .iter()
        .zip(&sentiments)
        .filter(|(_, &s)| s != 0.0)
        .map(|(u, &s)| (u.span, s))
        .collect();
    Tone { compound, evidence }
}

/// A crying face in a sentence that also laughs or praises ("LMAO 😭", "this is gorgeous 😭")
/// is delight: its sentiment turns positive. Alone, or beside sad words, it stays sadness.
fn tears_of_joy(units: &[Unit], sentiments: &mut [f32]) {
    for i in 0..units.len() {
        if sentiments[i] >= 0.0 || !units[i].symbol || !TEARS.contains(&units[i].key) {
            continue;
        }
        // The sentence's units: one range, units being in text order.
        let sentence = units[i].sentence;
        let own = units.partition_point(|u| u.sentence < sentence)
            ..units.partition_point(|u| u.sentence <= sentence);
        let others = || {
            units[own.clone()]
                .iter()
                .zip(&sentiments[own.clone()])
                .filter(|(u, _)| !TEARS.contains(&u.key))
        };
        let joy = others().any(|(u, &s)| u.info.class & class::LAUGHTER != 0 || s > 0.0);
        let sad = others().any(|(_, &s)| s < 0.0);
        if joy && !sad {
            sentiments[i] = -sentiments[i];
        }
    }
}

/// VADER's negation window, with one change: a word is flipped by its nearest negator only
/// ("don't care, don't care" is not a double negative).
fn negation_check(
    v: f32,
    w: &[&str],
    u: &[Unit],
    start: usize,
    i: usize,
    negated: &mut bool,
) -> f32 {
    let mut flip = |v: f32| {
        if *negated {
            v
        } else {
            *negated = true;
            v * N_SCALAR
        }
    };
    // A negator that says "all the more" rather than "not" leaves the word as it is.
    let negates = |k: usize| is_negation_at(w, u, k) && !cancelled(w, k, i);
    match start {
        0 if negates(i - 1) => flip(v),
        1 => {
            if w[i - 2] == "never" && matches!(w[i - 1], "so" | "this") {
                v * 1.25
            } else if w[i - 2] == "without" && w[i - 1] == "doubt" {
                v
            } else if negates(i - 2) {
                flip(v)
            } else {
                v
            }
        }
        2 => {
            if (w[i - 3] == "never" && matches!(w[i - 2], "so" | "this"))
                || matches!(w[i - 1], "so" | "this")
            {
                v * 1.25
            } else if w[i - 3] == "without" && (w[i - 2] == "doubt" || w[i - 1] == "doubt") {
                v
            } else if negates(i - 3) {
                flip(v)
            } else {
                v
            }
        }
        _ => v,
    }
}

/// "can't wait", "couldn't wait", "can not wait"… at `w[i] == "wait"`.
fn can_not_wait(w: &[&str], i: usize) -> bool {
    w[i] == "wait" && i > 0 && ability_negator_at(w, i - 1)
}

/// A negator of ability at `k`: "couldn't", "can't", "cannot", or "not" after could/can.
fn ability_negator_at(w: &[&str], k: usize) -> bool {
    ABILITY_NEGATORS.contains(&w[k])
        || (w[k] == "not" && k > 0 && matches!(w[k - 1], "could" | "can"))
}

/// A negator at `k` (before the word at `i`) that does not negate: "can't *stop* laughing",
/// "never *fails* to amaze", "couldn't *be* happier", "can't thank you *enough*".
fn cancelled(w: &[&str], k: usize, i: usize) -> bool {
    if k + 1 < i && NEGATION_CANCELLERS.contains(&w[k + 1]) {
        return true;
    }
    ability_negator_at(w, k)
        && ((k + 2 == i && LINKING_VERBS.contains(&w[i - 1]))
            || w[i + 1..w.len().min(i + 4)]
                .iter()
                .any(|x| matches!(*x, "more" | "enough")))
}

/// Whether `word` is a word of [`IDIOMS`] or [`TWO_WORD_DAMPENERS`] (a test keeps them in step).
fn in_idiom(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "shit"
            | "bomb"
            | "bad"
            | "ass"
            | "badass"
            | "bus"
            | "stop"
            | "yeah"
            | "right"
            | "kiss"
            | "of"
            | "death"
            | "to"
            | "die"
            | "for"
            | "beating"
            | "heart"
            | "dumb"
            | "stupid"
            | "question"
            | "questions"
            | "on"
            | "this"
            | "going"
            | "crazy"
            | "until"
            | "til"
            | "i"
            | "gross"
            | "margin"
            | "profit"
            | "revenue"
            | "income"
            | "sales"
            | "broken"
            | "kill"
            | "killing"
            | "killed"
            | "time"
            | "some"
            | "it"
            | "just"
            | "enough"
            | "kind"
            | "sort"
    )
}

/// VADER's idiom and two-word-dampener checks, comparing words in place (from the first word
/// of a clause on: VADER waits for the fourth).
fn idioms_check(mut v: f32, w: &[&str], i: usize) -> f32 {
    // Every window below holds one of the word and the two before it: when none of them is in
    // an idiom or dampener, nothing can match (most words; the lookups cost ~250 comparisons).
    if !w[i.saturating_sub(2)..=i].iter().any(|x| in_idiom(x)) {
        return v;
    }
    let idiom = |a: Option<usize>, b: Option<usize>| match (a, b) {
        (Some(a), Some(b)) if b < w.len() => IDIOMS
            .iter()
            .find(|(p, _)| *p == &w[a..=b])
            .map(|&(_, val)| val),
        _ => None,
    };
    let back = |k: usize| i.checked_sub(k);
    for (a, b) in [
        (back(1), back(0)),
        (back(2), back(0)),
        (back(2), back(1)),
        (back(3), back(1)),
        (back(3), back(2)),
    ] {
        if let Some(val) = idiom(a, b) {
            v = val;
            break;
        }
    }
    if let Some(val) = idiom(Some(i), Some(i + 1)) {
        v = val;
    }
    if let Some(val) = idiom(Some(i), Some(i + 2)) {
        v = val;
    }
    for (a, b) in [(back(3), back(1)), (back(3), back(2)), (back(2), back(1))] {
        if let (Some(a), Some(b)) = (a, b) {
            if TWO_WORD_DAMPENERS.iter().any(|d| d[..] == w[a..=b]) {
                v += B_DECR;
            }
        }
    }
    v
}

fn least_check(v: f32, w: &[&str], u: &[Unit], i: usize) -> f32 {
    let in_lex = |k: usize| u[k].info.valence.is_some();
    if i > 1 && !in_lex(i - 1) && w[i - 1] == "least" {
        if w[i - 2] != "at" && w[i - 2] != "very" {
            return v * N_SCALAR;
        }
    } else if i > 0 && !in_lex(i - 1) && w[i - 1] == "least" {
        return v * N_SCALAR;
    }
    v
}

/// VADER's amplification by the `!` and `?` of the whole text. Those marks stand in punctuation
/// tokens of their own, links and emoticons only (every other byte of the text is whitespace or
/// in a word-like token that cannot hold them), so those tokens are counted, not every byte.
fn punctuation_emphasis(doc: &Document) -> f32 {
    let (mut ex, mut q) = (0, 0);
    for t in &doc.tokens {
        if matches!(
            t.kind,
            TokenKind::Punct | TokenKind::Url | TokenKind::Emoticon
        ) {
            for b in doc.slice(t.span).bytes() {
                ex += (b == b'!') as usize;
                q += (b == b'?') as usize;
            }
        }
    }
    let ex = ex.min(EXCLAMATION_MAX) as f32 * EXCLAMATION_GAIN;
    let qa = match q {
        0 | 1 => 0.0,
        2 | 3 => q as f32 * QUESTION_GAIN,
        _ => QUESTION_CAP,
    };
    ex + qa
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compound(text: &str) -> f32 {
        score(&crate::data::Data::get().document(text)).compound
    }

    #[test]
    fn deliberate_departures_from_vader() {
        // (text, VADER 3.3.2's compound, what Rapport gives instead, why)
        type Case = (&'static str, f32, fn(f32) -> bool, &'static str);
        let cases: &[Case] = &[
            (
                "Make sure you :) or :D today!",
                0.8633,
                |c| (c - 0.8356).abs() < 0.002,
                "`:D` is not shouting",
            ),
            (
                "That new track slaps, absolute banger",
                0.0,
                |c| c >= 0.35,
                "post slang VADER does not know (overrides.tsv)",
            ),
            (
                "This is so cringe, yikes",
                0.0,
                |c| c <= -0.05,
                "post slang VADER does not know (overrides.tsv)",
            ),
            (
                "Not good enough! :)",
                -0.6343,
                |c| c > 0.0,
                "negation stops at `!` and never flips an emoticon",
            ),
            (
                "mock-ups of mock-ups all day",
                0.0,
                |c| c == 0.0,
                "a hyphenated compound is one word",
            ),
            (
                "HA HA HA HA HA",
                0.9,
                |c| c > 0.8,
                "repeated laughter is not Italian",
            ),
            (
                "Great party. It was good. But the ending was awful.",
                0.09,
                |c| c > 0.2,
                "\"But\" halves only the sentence before it",
            ),
            (
                "This is sooo goooood",
                0.0,
                |c| (c - 0.5777).abs() < 0.001,
                "a stretched word reads as its plain spelling: this is \"This is so good\"",
            ),
            (
                "I haaaate Mondays",
                0.0,
                |c| (c + 0.5719).abs() < 0.001,
                "the same: \"I hate Mondays\"",
            ),
            (
                "I am neverrr happy",
                0.5719,
                |c| (c + 0.4585).abs() < 0.001,
                "a stretched negator still negates: \"I am never happy\"",
            ),
            (
                "I can't wait for the weekend!",
                0.0,
                |c| c > 0.3,
                "\"can't wait\" is eagerness",
            ),
            (
                "I couldn't wait to see it",
                0.0,
                |c| c > 0.3,
                "so is \"couldn't wait\"",
            ),
            (
                "I could not be happier",
                -0.4168,
                |c| c > 0.4,
                "an ability negator before \"be\" and a comparative says the most there is",
            ),
            (
                "This couldn't be worse",
                0.3724,
                |c| c < -0.3,
                "the same, downwards",
            ),
            (
                "I can't thank you enough",
                -0.2755,
                |c| c > 0.3,
                "\"enough\" after an ability negator says the most there is",
            ),
            (
                "couldn't agree more",
                -0.2755,
                |c| c > 0.3,
                "\"more\" after an ability negator says the most there is",
            ),
            (
                "I can't stop laughing",
                -0.1877,
                |c| c > 0.5,
                "\"stop\" right after a negator cancels it",
            ),
            (
                "It never stops being cute.",
                -0.2584,
                |c| c > 0.4,
                "the same with \"stops\"",
            ),
            (
                "I need to kill some time",
                -0.6908,
                |c| c == 0.0,
                "killing time is waiting (idiom)",
            ),
            (
                "We killed it today",
                -0.6705,
                |c| c > 0.3,
                "killing it is doing well (idiom)",
            ),
            (
                "kind of good",
                0.4404,
                |c| c < 0.4,
                "idioms and dampeners apply from a clause's first word on",
            ),
            (
                "I can't help you",
                -0.3089,
                |c| c < -0.2,
                "a canceller is one only between the negator and the word: \"help\" itself is negated",
            ),
        ];
        for &(text, vader, ok, why) in cases {
            let got = compound(text);
            assert!(
                ok(got),
                "{text:?}: got {got} (VADER {vader}); expected because {why}"
            );
        }
    }

    #[test]
    fn idiom_words_are_known_to_the_gate() {
        let words = IDIOMS
            .iter()
            .flat_map(|(p, _)| p.iter())
            .chain(TWO_WORD_DAMPENERS.iter().flatten());
        for word in words {
            assert!(in_idiom(word), "{word:?} is missing from in_idiom");
        }
        assert!(!in_idiom("happy"));
    }

    #[test]
    fn emphasis_counts_every_mark_of_the_text() {
        for text in [
            "Really?! Yes!!! see https://x.com/a?b=1&c=2! :-? «¿Qué?» ¡Sí! a!b?c",
            "@anna! #tag? $5? 50%! ?!?! (what?) \"no!\" x?y",
        ] {
            let doc = crate::data::Data::get().document(text);
            let marks = |m: char| text.matches(m).count();
            let ex = marks('!').min(EXCLAMATION_MAX) as f32 * EXCLAMATION_GAIN;
            let q = match marks('?') {
                0 | 1 => 0.0,
                n @ (2 | 3) => n as f32 * QUESTION_GAIN,
                _ => QUESTION_CAP,
            };
            assert_eq!(punctuation_emphasis(&doc), ex + q, "{text:?}");
        }
    }

    #[test]
    fn vader_reference_sentences() {
        // Compound scores printed by vaderSentiment 3.3.2 for its own README examples.
        let cases: &[(&str, f32)] = &[
            ("VADER is smart, handsome, and funny.", 0.8316),
            ("VADER is smart, handsome, and funny!", 0.8439),
            ("VADER is very smart, handsome, and funny.", 0.8545),
            ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
            ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
            ("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.9469),
            ("VADER is not smart, handsome, nor funny.", -0.7424),
            ("The book was good.", 0.4404),
            ("At least it isn't a horrible book.", 0.431),
            ("The book was only kind of good.", 0.3832),
            ("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042),
            ("Today SUX!", -0.5461),
            ("Today only kinda sux! But I'll get by, lol", 0.5249),
            ("Not bad at all", 0.431),
        ];
        for &(text, want) in cases {
            let got = compound(text);
            assert!(
                (got - want).abs() < 0.002,
                "{text:?}: got {got}, VADER {want}"
            );
        }
    }
}
