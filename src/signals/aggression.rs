//! Aggression: insults, profanity and hostility aimed at a person — "would you say it face to
//! face?". Quoted words are someone else's and do not count (the rule set that shows them:
//! `rules::aggression`).

use crate::data::{class, lists, Data, PhraseHit};
use crate::kinds::{by_strictness, RuleSet, Span, Strictness};
use crate::text::{Document, Token};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Aggression {
    /// Strong insults ("idiot", "moron").
    pub insults: Vec<Span>,
    /// Harsh words ("clown", "trash") aimed at "you" a few words before.
    pub directed_harsh: Vec<Span>,
    /// Harsh words not aimed at anyone in particular.
    pub harsh: Vec<Span>,
    pub profanity: Vec<Span>,
    /// Mild swearing ("damn", "hell", "sucks"): coarse, but not aimed at anyone.
    pub mild: Vec<Span>,
    /// Hostile phrases: hits of the aggression phrase rules that carry a weight (in
    /// `phrases.json`, `aggression.hostile_you`).
    pub hostile: Vec<Span>,
}

/// Third persons a harsh word can be aimed at ("he is a clown", "they are vile").
const PERSONS: &[&str] = &[
    "he", "she", "they", "him", "her", "them", "his", "their", "he's", "she's", "they're",
];

/// How many words back a "you" makes a harsh word personal ("you are such a clown").
const DIRECTED_WINDOW: usize = 4;

/// The classes this rule set reads.
const AGGRESSION_CLASSES: u32 =
    class::INSULT | class::HARSH | class::PROFANITY | class::MILD_PROFANITY;

/// The aggression classes of a word the vocabulary does not know as written: its possessive
/// ("whore's") or its stretched spelling ("fuuuck", "stuuupid", "shiiit") said plainly.
fn disguised_class(word: &str, data: &Data) -> u32 {
    if let Some(stem) = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
    {
        return data.class(stem) & AGGRESSION_CLASSES;
    }
    let bytes = word.as_bytes();
    let stretched = bytes
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic());
    if !stretched || !word.is_ascii() {
        return 0;
    }
    // Every held letter once ("fuuckkk" → "fuck"), or held ones twice ("asss" → "ass").
    let squeeze = |keep_double: bool| {
        let mut out = String::with_capacity(word.len());
        let mut run = 0;
        for (i, &b) in bytes.iter().enumerate() {
            run = if i > 0 && bytes[i - 1] == b {
                run + 1
            } else {
                1
            };
            if run == 1 || (keep_double && run == 2) {
                out.push(b as char);
            }
        }
        out
    };
    [squeeze(false), squeeze(true)]
        .iter()
        .map(|w| data.class(w) & AGGRESSION_CLASSES)
        .find(|&c| c != 0)
        .unwrap_or(0)
}

/// Insulting adjectives that describe a thing, not a person, when a word like "question" follows
/// them and no one is named before: "a dumb question", "stupid luck" insult nobody.
const INSULT_ADJECTIVES: &[&str] = &[
    "dumb",
    "dumbest",
    "stupid",
    "stupidest",
    "stupidity",
    "idiotic",
    "moronic",
];
const THINGS: &[&str] = &[
    "question",
    "questions",
    "mistake",
    "mistakes",
    "luck",
    "idea",
    "ideas",
    "thing",
    "things",
    "move",
    "moves",
    "joke",
    "jokes",
    "error",
    "errors",
    "rule",
    "rules",
    "fun",
    "game",
];
/// A word said to someone as a name: after a comma and closing its sentence ("Nobody asked,
/// clown.").
fn vocative(doc: &Document, t: &Token) -> bool {
    let before = doc.text[..t.span.start].trim_end();
    let after = doc.text[t.span.end..].trim_start();
    before.ends_with(',') && (after.is_empty() || after.starts_with(['.', '!', '?']))
}

/// The writer as the subject of a harsh word ("I'm such an idiot").
const WRITER: &[&str] = &["i'm", "im", "i", "myself", "i've", "i'd"];

/// Harsh words that are as often praise or plain description ("that trick is sick", "insane
/// views", "crazy weekend", "a tool library", "a productivity hack", "garbage day"): they count
/// only when aimed at a person or their work.
const AMBIVALENT: &[&str] = &[
    "sick", "insane", "crazy", "nuts", "filthy", "killer", "wild", "tool", "hack", "snake",
    "sheep", "pig", "pigs", "rat", "rats", "fat", "trash", "garbage", "puppet", "troll", "trolls",
    "freak", "freaks",
];

/// Words before a hostile phrase that make it a statement about someone, not a command to
/// them.
const NOT_A_COMMAND: &[&str] = &[
    "to",
    "will",
    "would",
    "gonna",
    "wanna",
    "can",
    "could",
    "should",
    "must",
    "might",
    "i",
    "he",
    "she",
    "they",
    "we",
    "it",
    "kids",
    "children",
    "didn't",
    "don't",
    "never",
    "help",
    "finally",
    "eventually",
];

fn sentence_of(doc: &Document, span: Span) -> usize {
    doc.sentences
        .partition_point(|s| s.span.end <= span.start)
        .min(doc.sentences.len().saturating_sub(1))
}

pub fn find(doc: &Document, data: &Data, hits: &[PhraseHit]) -> Aggression {
    let mut a = Aggression::default();
    // Idioms and jokes with hostile words in them insult nobody.
    let harmless: Vec<Span> = hits
        .iter()
        .filter(|h| h.list == lists::HARMLESS)
        .map(|h| h.span)
        .collect();
    let in_harmless = |s: Span| {
        harmless
            .iter()
            .any(|h| h.start <= s.start && s.end <= h.end)
    };
    let own: Vec<&Token> = doc.own_words().collect();
    for (n, &t) in own.iter().enumerate() {
        if in_harmless(t.span) {
            continue;
        }
        let mut c = t.info.class;
        if c & AGGRESSION_CLASSES == 0 && t.info.valence.is_none() {
            c |= disguised_class(&t.lower, data);
        }
        // Most words are none of these: the look back below is for those that are.
        if c & AGGRESSION_CLASSES == 0 {
            continue;
        }
        // The own words just before it, in its sentence: aimed at someone?
        let directed = own[n.saturating_sub(DIRECTED_WINDOW)..n].iter().any(|p| {
            p.sentence == t.sentence
                && (p.info.class & (class::YOU | class::HOSTILE_TARGET) != 0
                    || PERSONS.contains(&p.lower.as_ref()))
        }) || vocative(doc, t);
        // "I'm such an idiot", "everyone knows i'm a fraud": said of the writer, it insults no
        // one else.
        let of_the_writer = !directed
            && own[n.saturating_sub(DIRECTED_WINDOW)..n]
                .iter()
                .any(|p| p.sentence == t.sentence && WRITER.contains(&p.lower.as_ref()));
        if of_the_writer && c & (class::INSULT | class::HARSH) != 0 {
            continue;
        }
        let about_a_thing = INSULT_ADJECTIVES.contains(&t.lower.as_ref())
            && !directed
            && own
                .get(n + 1)
                .is_some_and(|w| w.sentence == t.sentence && THINGS.contains(&w.lower.as_ref()));
        if c & class::INSULT != 0 && !about_a_thing {
            a.insults.push(t.span);
        } else if c & class::HARSH != 0 && !about_a_thing {
            if directed {
                a.directed_harsh.push(t.span);
            } else if !AMBIVALENT.contains(&t.lower.as_ref()) {
                a.harsh.push(t.span);
            }
        }
        if c & class::PROFANITY != 0 {
            a.profanity.push(t.span);
        } else if c & class::MILD_PROFANITY != 0 {
            a.mild.push(t.span);
        }
    }
    // A hostile phrase said of someone rather than to them is no command: "she's going to grow
    // up", "they will go away", "I shut up".
    let commanded = |h: &PhraseHit| {
        let before = own.iter().rev().find(|t| t.span.end <= h.span.start);
        !before.is_some_and(|t| {
            let w = t.lower.as_ref();
            // "it'll go away", "you'd grow up": a future or a wish, not an order.
            let modal = w.ends_with("'ll") || w.ends_with("'d");
            (NOT_A_COMMAND.contains(&w) || modal) && t.sentence == sentence_of(doc, h.span)
        })
    };
    // "Nobody asked" / "who asked" is a retort alone or about the reader ("nobody asked for
    // your opinion"); "nobody asked for my CV" tells a story.
    let retort = |h: &PhraseHit| {
        if !doc.slice(h.span).to_ascii_lowercase().ends_with("asked") {
            return true;
        }
        let sentence = sentence_of(doc, h.span);
        let mut next = own
            .iter()
            .filter(|t| t.span.start >= h.span.end && t.sentence == sentence);
        match next.next() {
            None => true,
            Some(t) if t.is(class::YOU) => true,
            Some(t) => t.lower == "for" && next.next().is_some_and(|t| t.is(class::YOU)),
        }
    };
    a.hostile = hits
        .iter()
        .filter(|h| {
            data.rule_of(h.list)
                .is_some_and(|r| r.rule_set == RuleSet::Aggression && r.weight > 0.0)
                && !in_harmless(h.span)
                && commanded(h)
                && retort(h)
        })
        .map(|h| h.span)
        .collect();
    a
}

impl Aggression {
    /// The post-level verdict, OffensEval's "offensive": hostility toward someone, or any
    /// swearing. Swearing in public is what OffensEval-style raters flag, whatever the mood.
    pub fn aggressive(&self, tone: f32, strictness: Strictness) -> bool {
        self.hostile(tone, strictness) || !self.profanity.is_empty() || !self.mild.is_empty()
    }

    /// Hostility toward someone: a hostile phrase, an insult, a harsh word aimed at a person,
    /// or harsh words in a harsh tone. Swearing alone is not hostile ("Damn, traffic sucks").
    pub fn hostile(&self, tone: f32, strictness: Strictness) -> bool {
        let harsh_tone = by_strictness(strictness, -0.3, 0.0, 0.3);
        !self.hostile.is_empty()
            || !self.insults.is_empty()
            || !self.directed_harsh.is_empty()
            || (!self.harsh.is_empty() && tone <= harsh_tone)
    }
}
