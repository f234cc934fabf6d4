//! `tone`: the words that set a negative tone (the model: `signals::tone`).

use super::{Analysis, Hint, RuleInfo};
use crate::data::lists;
use crate::kinds::{by_strictness, RuleSet, Severity, Span};
use crate::signals::questions::{opens_with_hook, QuestionKind};
use crate::signals::tone::POSITIVE_FROM;

pub fn rules() -> Vec<RuleInfo> {
    vec![
        RuleInfo {
            id: "tone.sarcasm",
            rule_set: RuleSet::Tone,
            severity: Severity::Suggestion,
            description: "Praise said for the opposite (\"truly a genius move\", \"living the dream /s\", an eye-roll): readers who miss it take it at face value, and those who get it hear contempt.",
            default_on: true,
            flag: vec![
                "Wow, truly a genius move to ship a breaking change on a Friday night. Bravo. 👏",
                "Love how the city closed the only bridge during the fair. Brilliant planning. 🙄",
                "Can't wait for another rent increase. Living the dream /s",
            ],
            allow: vec![
                "Wow, what a talk! Truly inspiring, thank you.",
                "Why is the bus late again 🙄",
                "That was a genius idea, it saved us a week.",
            ],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
        id: "tone.negative",
        rule_set: RuleSet::Tone,
        severity: Severity::Suggestion,
        description: "Underlines the words that set a negative tone when the post reads negative overall (not in apologies, sympathy, notices or questions put to the reader).",
        default_on: true,
        flag: vec![
            "This update is terrible and I hate it.",
            "Ordered three weeks ago and still nothing. Awful service, really disappointed.",
            // A complaint stays one with a question after it.
            "They charged me twice for a seat I never got. Never again. Anyone else dealing with this?",
        ],
        allow: vec![
            "Congrats on the launch! What was the hardest part?",
            "The meeting is at noon.",
            // One mildly negative word is not a negative post.
            "Spent the weekend repainting the hallway. Two coats, zero regrets.",
            // Apologies, sympathy and notices are sad on purpose.
            "We messed this one up and we're sorry. Your refund is on its way today.",
            "Heads up: some of you are seeing failed logins. We're on it.",
            // A sales hook names the reader's trouble for the pitch to answer.
            "Tired of slow, broken Wi-Fi? 😩 Our mesh router is 40% off today only!",
            // A question put to the reader asks for their view, whatever its words; the hard
            // words before it are the story it asks about.
            "Locals: what's one thing tourists always get wrong?",
            "Our launch failed badly and the team was exhausted. What would you have done differently?",
            // Laughing until you cry is not sadness.
            "LMAO 😭😭 the cat's face",
        ],
        example_platform: None,
        example_context: None,
        },
    ]
}

/// How negative the post must be (compound) before its negative words are underlined, by
/// strictness.
const NEGATIVE_BELOW_LOW: f32 = -0.6;
const NEGATIVE_BELOW: f32 = -0.3;
const NEGATIVE_BELOW_HIGH: f32 = -0.1;
/// How much negative valence the writer's own statements must carry, summed (VADER's scale:
/// "bad" is −2.5, "regrets" −1.5, "terrible" −2.5, "hate" −2.7), by strictness. A single mild
/// word in a short post already gives a compound of −0.35; a card on it tells the writer nothing
/// (on the hand-judged drafts it was most of the tone card's false alarms).
const NEGATIVE_MASS_LOW: f32 = -4.0;
const NEGATIVE_MASS: f32 = -2.0;
const NEGATIVE_MASS_HIGH: f32 = -1.5;

/// The longest post (own words) whose tone one negative word can set ("Awful service.").
const ONE_WORD_SETS_TONE_UP_TO: usize = 12;

/// What a complaint said plainly ("still nothing", "gone downhill") weighs, in valence, among
/// the negative words: a clearly negative word's worth (VADER's "bad" is −2.5).
const COMPLAINT_WEIGHT: f32 = -2.0;

/// One card on sarcasm: its markers and the praise they turn.
fn sarcasm(a: &Analysis, hints: &mut Vec<Hint>) {
    if !a.enabled(crate::rule!("tone.sarcasm")) {
        return;
    }
    hints.extend(a.finding(
        crate::rule!("tone.sarcasm"),
        a.signals.sarcasm.iter().copied(),
        |_| "Reads as sarcasm",
        "Praise said for the opposite: some readers take it at face value, the rest hear contempt; say what went wrong plainly.",
    ));
}

/// One card on the words that carry the writer's own negative tone: the negative words and
/// plain complaints of their statements. Not on a question put to the reader (it asks for their
/// view), and not at all in a post that apologises or sympathises (sad on purpose), gives a
/// notice, or whose main act is an open question or invitation to the reader (the hard words
/// are the story it asks about). The post must read negative overall, or make a complaint and
/// not read positive.
pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    sarcasm(a, hints);
    if !a.enabled(crate::rule!("tone.negative")) {
        return;
    }
    let st = a.strictness();
    let s = &a.signals;
    let q = &s.questions;
    let said = |list| s.hits.iter().any(|h| h.list == list);
    if said(lists::SYMPATHY) || said(lists::NOTICE) {
        return;
    }
    let complaints: Vec<Span> = s
        .hits
        .iter()
        .filter(|h| h.list == lists::COMPLAINT)
        .map(|h| h.span)
        .collect();
    // A post whose main act is a question to the reader tells its hard words as the story it
    // asks about, unless it complains outright ("Charged twice. Never again. Anyone else?").
    let opens_up = q.has_question() && q.opens();
    if opens_up && complaints.is_empty() {
        return;
    }
    let limit = by_strictness(st, NEGATIVE_BELOW_LOW, NEGATIVE_BELOW, NEGATIVE_BELOW_HIGH);
    let compound = s.tone.compound;
    if compound > limit && (complaints.is_empty() || compound >= POSITIVE_FROM) {
        return;
    }
    let sentences = &a.doc.sentences;
    let asks_reader: Vec<Span> = q.genuine().map(|q| q.span).collect();
    // A sales hook ("Struggling to keep your toddler busy on rainy days?", "Tired of slow
    // Wi-Fi? 😩") names the reader's trouble for the pitch to answer: the pitch card speaks
    // for it, and its hard words are not the writer's mood.
    let hooks: Vec<Span> = q
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Rhetorical && opens_with_hook(q, &s.hits))
        .map(|q| q.span)
        .collect();
    let stated = |span: &Span| {
        let i = sentences.partition_point(|x| x.span.end <= span.start);
        sentences.get(i).is_none_or(|x| {
            !asks_reader.contains(&x.span)
                && !hooks
                    .iter()
                    .any(|h| h.start <= span.start && span.end <= h.end)
        })
    };
    let mut words: Vec<(Span, f32)> = s
        .tone
        .evidence
        .iter()
        .filter(|(span, v)| *v < 0.0 && stated(span))
        .copied()
        .collect();
    // A complaint's words count once: as the phrase, weighing what its words weigh, and at
    // least a clearly negative word's worth.
    for &c in complaints.iter().filter(|c| stated(c)) {
        let inside = |w: &Span| c.start <= w.start && w.end <= c.end;
        let own: f32 = words
            .iter()
            .filter(|(w, _)| inside(w))
            .map(|(_, v)| v)
            .sum();
        words.retain(|(w, _)| !inside(w));
        words.push((c, own.min(COMPLAINT_WEIGHT)));
    }
    let mass: f32 = words.iter().map(|(_, v)| v).sum();
    if mass > by_strictness(st, NEGATIVE_MASS_LOW, NEGATIVE_MASS, NEGATIVE_MASS_HIGH) {
        return;
    }
    // One hard word in a post of some length is a detail of its story ("2 failed inspections
    // and we finally have keys", "moth drawings and bad poems"), not its tone; a complaint
    // said plainly ("gone downhill") is one.
    let lone_word = matches!(words.as_slice(), [(w, _)] if !complaints.contains(w));
    if lone_word && a.doc.own_words().count() > ONE_WORD_SETS_TONE_UP_TO {
        return;
    }
    hints.extend(a.finding(
        crate::rule!("tone.negative"),
        words.iter().map(|(span, _)| *span),
        |n| {
            if n == 1 {
                "This word sets a negative tone".to_string()
            } else {
                format!("These {n} words set a negative tone")
            }
        },
        "Readers answer warmth with warmth; a negative post tends to draw silence or a fight.",
    ));
}
