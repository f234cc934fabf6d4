//! Pronouns: "me, my brand, our product" against "you" (the rule set that shows a post about
//! the writer: `rules::self_focus`).

use crate::data::{class, lists, PhraseHit, UserPhrases};
use crate::kinds::{by_strictness, Context, Span, Strictness};
use crate::text::{Document, Token};

/// Who the draft talks about. Mentions (`@you`) and quotes do not count, and neither do the
/// "I", "we" and "us" that do not broadcast: a "we" that takes the reader in or serves them
/// ("join us", "drinks are on us", "our community"), a sentence of thanks, congratulations,
/// apology, sympathy or notice (it is about the other person or the news), and "US" the country.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pronouns {
    pub i: Vec<Span>,
    pub we: Vec<Span>,
    /// The user's own brand names (settings), counted with "we".
    pub brand: Vec<Span>,
    pub you: Vec<Span>,
    /// Boast words ("thrilled to announce", "proud") in sentences about the writer.
    pub boasts: Vec<Span>,
}

impl Pronouns {
    pub fn self_count(&self) -> usize {
        self.i.len() + self.we.len() + self.brand.len()
    }

    pub fn you_count(&self) -> usize {
        self.you.len()
    }

    /// Self-focused: enough self-reference, and the reader mentioned less than half as often.
    /// A reply takes more: answering someone, "I" and "my" are how one shares an experience.
    pub fn focused(&self, strictness: Strictness, context: Context) -> bool {
        let min = by_strictness(strictness, SELF_MIN_LOW, SELF_MIN, SELF_MIN_HIGH)
            + if context == Context::Reply {
                REPLY_EXTRA
            } else {
                0
            };
        self.self_count() >= min && self.you_count() * 2 < self.self_count()
    }
}

/// Self-references that make a post self-focused, by strictness. Emotion words ("proud",
/// "thrilled") used to count too; they are never self-references (a launch they announce is
/// `pitch.announcement`).
const SELF_MIN_LOW: usize = 5;
const SELF_MIN: usize = 3;
const SELF_MIN_HIGH: usize = 2;
/// How many more a reply takes.
const REPLY_EXTRA: usize = 2;
/// Self-references from which a post is about the writer even when it ends on a question to
/// the reader ("ten lessons I learned… Which resonates with you?").
pub const SELF_HEAVY: usize = 8;

/// Whether a "we"/"us" word is "US" the country: written in capitals (or "U.S.") in a post that
/// is not written in capitals throughout.
fn is_country(doc: &Document, t: &Token, shouted: bool) -> bool {
    let src = doc.slice(t.span);
    (src == "US" && !shouted) || src.starts_with("U.S")
}

/// Who `doc` talks about; `brands` are the user's own brand names, matched as phrases are (see
/// `data::PhraseIndex`: whole words, not inside links, mentions, hashtags or quotes); `hits`
/// the built-in phrase lists found.
pub fn find(doc: &Document, brands: Option<&UserPhrases>, hits: &[PhraseHit]) -> Pronouns {
    let mut p = Pronouns::default();
    let mut about_self = super::filled(doc.sentences.len(), false);
    // Sentences of thanks, apology, sympathy or notice, and the "we" that takes the reader in.
    let mut not_broadcast = super::filled(doc.sentences.len(), false);
    let inclusive: Vec<Span> = hits
        .iter()
        .filter(|h| h.list == lists::INCLUSIVE_WE)
        .map(|h| h.span)
        .collect();
    for h in hits
        .iter()
        .filter(|h| [lists::THANKS, lists::SYMPATHY, lists::NOTICE].contains(&h.list))
    {
        let i = doc
            .sentences
            .partition_point(|s| s.span.end <= h.span.start);
        if let Some(flag) = not_broadcast.get_mut(i) {
            *flag = true;
        }
    }
    let words = doc.own_words().count();
    let shouted = words > 0
        && doc
            .own_words()
            .filter(|t| doc.slice(t.span).chars().any(char::is_uppercase))
            .filter(|t| !doc.slice(t.span).chars().any(char::is_lowercase))
            .count()
            * 2
            > words;
    for t in doc.tokens.iter().filter(|t| t.is_own_word()) {
        let c = t.info.class;
        if c & (class::SELF_I | class::SELF_WE) != 0
            && (not_broadcast[t.sentence]
                || inclusive
                    .iter()
                    .any(|s| s.start <= t.span.start && t.span.end <= s.end)
                || is_country(doc, t, shouted))
        {
            continue;
        }
        if c & class::SELF_I != 0 {
            p.i.push(t.span);
            about_self[t.sentence] = true;
        } else if c & class::SELF_WE != 0 {
            p.we.push(t.span);
            about_self[t.sentence] = true;
        } else if c & class::YOU != 0 {
            p.you.push(t.span);
        }
    }
    if let Some(b) = brands {
        p.brand = b.hits(doc).into_iter().map(|h| h.span).collect();
        for s in &p.brand {
            let i = doc.tokens.partition_point(|t| t.span.end <= s.start);
            if let Some(t) = doc.tokens.get(i) {
                about_self[t.sentence] = true;
            }
        }
    }
    p.boasts = doc
        .tokens
        .iter()
        .filter(|t| t.is_own_word() && about_self[t.sentence] && t.info.class & class::BOAST != 0)
        .map(|t| t.span)
        .collect();
    p
}
