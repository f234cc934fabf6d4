//! `aggression`: insults, profanity and hostility aimed at a person — "would you say it face to
//! face?". Quoted words are someone else's and do not count.

use super::{phrase_rule_hints, Analysis, RuleInfo, RuleSet, MAX_HINTS_PER_RULE};
use crate::config::{Context, Severity};
use crate::data::{class, Data, List, PhraseHit};
use crate::report::Hint;
use crate::text::{Document, Span};

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
    /// Hostile phrases from the `aggression.hostile_you` list.
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

pub fn find(doc: &Document, data: &Data, hits: &[PhraseHit]) -> Aggression {
    let mut a = Aggression::default();
    for (k, t) in doc.tokens.iter().enumerate() {
        if !t.is_own_word() {
            continue;
        }
        let mut c = t.info.class;
        if c & AGGRESSION_CLASSES == 0 && t.info.valence.is_none() {
            c |= disguised_class(&t.lower, data);
        }
        if c & class::INSULT != 0 {
            a.insults.push(t.span);
        } else if c & class::HARSH != 0 {
            // The own words just before it (walked back here, rarely: no list of all words).
            let directed = doc.tokens[..k]
                .iter()
                .rev()
                .filter(|p| p.is_own_word())
                .take(DIRECTED_WINDOW)
                .any(|p| {
                    p.sentence == t.sentence
                        && (p.info.class & (class::YOU | class::HOSTILE_TARGET) != 0
                            || PERSONS.contains(&p.lower.as_ref()))
                });
            if directed {
                a.directed_harsh.push(t.span);
            } else {
                a.harsh.push(t.span);
            }
        }
        if c & class::PROFANITY != 0 {
            a.profanity.push(t.span);
        } else if c & class::MILD_PROFANITY != 0 {
            a.mild.push(t.span);
        }
    }
    let hostile_list = data
        .rules
        .iter()
        .position(|r| r.id == "aggression.hostile_you");
    a.hostile = hits
        .iter()
        .filter(|h| Some(h.list) == hostile_list.map(List::Rule))
        .map(|h| h.span)
        .collect();
    a
}

impl Aggression {
    /// The post-level verdict, OffensEval's "offensive": hostility toward someone, or any
    /// swearing. Swearing in public is what OffensEval-style raters flag, whatever the mood.
    pub fn aggressive(&self, tone: f32, strictness: crate::Strictness) -> bool {
        self.hostile(tone, strictness) || !self.profanity.is_empty() || !self.mild.is_empty()
    }

    /// Hostility toward someone: a hostile phrase, an insult, a harsh word aimed at a person,
    /// or harsh words in a harsh tone. Swearing alone is not hostile ("Damn, traffic sucks").
    pub fn hostile(&self, tone: f32, strictness: crate::Strictness) -> bool {
        let harsh_tone = super::by_strictness(strictness, -0.3, 0.0, 0.3);
        !self.hostile.is_empty()
            || !self.insults.is_empty()
            || !self.directed_harsh.is_empty()
            || (!self.harsh.is_empty() && tone <= harsh_tone)
    }
}

pub fn rules() -> Vec<RuleInfo> {
    vec![
        RuleInfo {
            id: "aggression.insult",
            rule_set: RuleSet::Aggression,
            severity: Severity::Warning,
            description: "Insults, and harsh words aimed at the reader (\"you clown\").",
            default_on: true,
            flag: vec![
                "What an idiot.",
                "You are such a clown",
                // Stretched spellings are the same insult.
                "You are so stuuupid",
            ],
            allow: vec![
                "The clown at the party was great",
                "I \"love\" being called an \"idiot\", said no one",
            ],
            example_platform: None,
        },
        RuleInfo {
            id: "aggression.profanity",
            rule_set: RuleSet::Aggression,
            severity: Severity::Suggestion,
            description: "Profanity: fine among friends, risky in public. Mild swearing (\"damn\", \"hell\", \"sucks\") only at high strictness.",
            default_on: true,
            flag: vec![
                "This is bullshit",
                "Shiiiit, not again",
                "What a bitch's move",
            ],
            allow: vec![
                "This is brilliant",
                "Scunthorpe United won",
                "Damn, running late again. Traffic sucks today.",
                "What the hell happened to summer?",
            ],
            example_platform: None,
        },
    ]
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let ag = &a.aggression;
    // In a reply the words land on a person: hostility weighs more.
    let reply = a.context == Context::Reply;
    if a.enabled(crate::rule!("aggression.insult")) {
        let mut spans: Vec<(Span, bool)> = ag
            .insults
            .iter()
            .map(|&s| (s, false))
            .chain(ag.directed_harsh.iter().map(|&s| (s, true)))
            .collect();
        crate::sort::by_key(&mut spans, |&(s, directed)| {
            crate::sort::span_key(s) | directed as u128
        });
        for (span, directed) in spans.into_iter().take(MAX_HINTS_PER_RULE) {
            let message = if directed || reply {
                "An insult aimed at a person"
            } else {
                "An insult"
            };
            hints.push(a.hint(
                crate::rule!("aggression.insult"),
                span,
                message,
                "Would you say it face to face? Insults end conversations and invite pile-ons.",
            ));
        }
    }
    if a.enabled(crate::rule!("aggression.profanity")) {
        // Mild swearing is most people's everyday speech: only a strict writer wants it marked.
        let mild: &[Span] = if a.strictness() == crate::Strictness::High {
            &ag.mild
        } else {
            &[]
        };
        // Strong words first when there are more than a rule may show (the engine sorts all
        // hints by position afterwards).
        let spans =
            (ag.profanity.iter().map(|&s| (s, false))).chain(mild.iter().map(|&s| (s, true)));
        for (span, is_mild) in spans.take(MAX_HINTS_PER_RULE) {
            let mut h = a.hint(
                crate::rule!("aggression.profanity"),
                span,
                if is_mild {
                    "Mild swearing"
                } else {
                    "Profanity"
                },
                "Strong language narrows who will answer; keep it for friends.",
            );
            // Mild words, and "fucking brilliant" (enthusiasm, not attack), are only noted.
            if is_mild || a.tone.compound > 0.3 {
                h.severity = Severity::Info;
            } else if reply && a.tone.compound < 0.0 {
                h.severity = Severity::Warning;
            }
            hints.push(h);
        }
    }
    let before = hints.len();
    phrase_rule_hints(a, RuleSet::Aggression, hints);
    if !reply {
        return;
    }
    for h in &mut hints[before..] {
        h.severity = Severity::Warning;
    }
}
