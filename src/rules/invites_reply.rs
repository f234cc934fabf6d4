//! `invites_reply`: does the post ask the reader anything? (The classifier of questions,
//! invitations and requests: `signals::questions`.)

use super::{Analysis, Fix, Hint, RuleInfo};
use crate::data::lists;
use crate::kinds::{Context, RuleSet, Severity, Span};
use crate::signals::questions::QuestionKind;
use crate::text::{Document, TokenKind};

pub fn rules() -> Vec<RuleInfo> {
    vec![
        RuleInfo {
            id: "invites_reply.no_question",
            rule_set: RuleSet::InvitesReply,
            severity: Severity::Info,
            description: "A post that asks nothing gives readers no easy way in.",
            default_on: true,
            flag: vec![
                "We shipped the new dashboard today.",
                "Thoughts with everyone affected by the storm today.",
            ],
            allow: vec![
                "We shipped the new dashboard today. What should we build next?",
                "gm",
                "Congrats to the whole team on the launch, you earned it!",
                "Happy birthday mom, love you so much",
            ],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
            id: "invites_reply.buried",
            rule_set: RuleSet::InvitesReply,
            severity: Severity::Info,
            description: "A question tucked mid-post, after which the post moves on: readers answer what a post ends on.",
            default_on: true,
            flag: vec![
                "Congrats to the team on the launch! What was the hardest part? I loved the new dashboard and the docs are great.",
                "Big week here. How do you plan yours? We shipped two releases and hired a designer, and I finally took a day off.",
            ],
            allow: vec![
                "Congrats to the team on the launch! What was the hardest part?",
                "What was the hardest part of your launch? We found testing took the longest.",
                "Congrats on the launch! What was the hardest part? Tell me below.",
                "Fair trial? He walks free and the victims get nothing, again.",
            ],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
            id: "invites_reply.bait",
            rule_set: RuleSet::InvitesReply,
            severity: Severity::Suggestion,
            description: "Engagement bait (\"tag 3 friends\", \"like if…\", \"comment YES\", \"share to win\"): it asks for a reaction, not an answer, and platforms demote it.",
            default_on: true,
            flag: vec![
                "Tag 3 friends who need this coffee today!",
                "Like if you remember dial-up, RT if you miss it",
                "Comment YES if you want the free checklist",
            ],
            allow: vec![
                "Share your worst onboarding story below, I'll go first.",
                "I like it if the coffee is strong.",
            ],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
            id: "invites_reply.rhetorical",
            rule_set: RuleSet::InvitesReply,
            severity: Severity::Info,
            description: "Questions that expect no answer (\"who cares?\", \"…, right?\").",
            default_on: true,
            flag: vec![
                "Who cares anyway?",
                "This is the best weather we have had all year, isn't it?",
                "Why does this matter? Because the deadline is Friday.",
            ],
            allow: vec![
                "What was the hardest part?",
                "Are you coming to the fair? Because we are driving up early.",
            ],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
            id: "invites_reply.closed",
            rule_set: RuleSet::InvitesReply,
            severity: Severity::Info,
            description: "Only yes/no questions: they get one-word answers.",
            default_on: true,
            flag: vec!["We launched the new app. Do you like it?"],
            allow: vec![
                "We launched the new app. What do you like about it?",
                "Anyone have tips for a first-time visitor to Lisbon?",
            ],
            example_platform: None,
            example_context: None,
        },
    ]
}

/// Posts shorter than this many words are left alone (a quick "gm" needs no question).
const MIN_WORDS: usize = 4;
/// The generic invitation offered when a post asks nothing.
const INVITATION: &str = "What do you think?";

/// `span` (a sentence) up to its last token of the writer's own: a link, handle or tag that
/// ends the sentence ("Shipped it today https://…") is left out of the hint and its suggestion.
fn own_words_end(doc: &Document, span: Span) -> Span {
    let end = doc
        .sentences
        .iter()
        .find(|s| s.span == span)
        .and_then(|s| {
            doc.tokens[s.tokens.clone()].iter().rev().find(|t| {
                !matches!(
                    t.kind,
                    TokenKind::Url | TokenKind::Mention | TokenKind::Hashtag
                )
            })
        })
        .map_or(span.end, |t| t.span.end);
    Span::new(span.start, end.max(span.start))
}

/// The last sentence of the writer's own words, when the post asks nothing of the reader and
/// is a post that would gain by asking: not a reply (it answers), not a few words ("gm"), not
/// warm words said to the reader, thanks, an apology, sympathy or a notice (they draw replies
/// of their own, or need none). The `no_question` card and the score's "asks the reader
/// nothing" read this one predicate.
pub fn asks_nothing(a: &Analysis) -> Option<Span> {
    let s = &a.signals;
    let q = &s.questions;
    let quiet = [lists::THANKS, lists::SYMPATHY, lists::NOTICE];
    if a.context != Context::Post
        || !a.english()
        || q.any_genuine()
        || !q.invitations.is_empty()
        || a.doc.word_count() < MIN_WORDS
        || s.hits.iter().any(|h| quiet.contains(&h.list))
    {
        return None;
    }
    // Trailing links and tags are not where a question goes.
    q.last_sentence
        .or_else(|| a.doc.sentences.last().map(|s| s.span))
        .map(|span| own_words_end(a.doc, span))
}

/// Words a sentence may end on that lead into what follows it: a question appended after them
/// would split the sentence from its link or list ("Sign up at", "Details below:").
const LEADS_ON: &[&str] = &[
    "at", "here", "below", "via", "on", "to", "from", "in", "see", "link",
];

/// The generic question appended to a post that asks nothing, where it fits: not after words
/// that lead into a link or a list, not in a joke (a laugh in it), and not where the own words
/// stop before a link or an arrow that still belongs to the sentence.
fn invitation_fix(a: &Analysis, last: Span) -> Option<Fix> {
    let doc = a.doc;
    let sentence = doc.slice(last);
    let own: Vec<&crate::text::Token> = doc
        .tokens
        .iter()
        .filter(|t| t.span.start >= last.start && t.span.end <= last.end && t.is_own_word())
        .collect();
    let ends_leading = own
        .last()
        .is_some_and(|t| LEADS_ON.contains(&t.lower.as_ref()));
    let trailing = sentence
        .trim_end()
        .ends_with([':', '→', '>', '👇', '👉', '⬇'])
        || doc.tokens.iter().any(|t| {
            t.span.start >= last.end
                && t.kind == TokenKind::Url
                && t.sentence == own.last().map_or(usize::MAX, |w| w.sentence)
        });
    let laughs = a.signals.tone.evidence.iter().any(|(span, _)| {
        doc.tokens
            .iter()
            .any(|t| t.span == *span && t.is(crate::data::class::LAUGHTER))
    }) || sentence.contains(['😂', '🤣']);
    if ends_leading || trailing || laughs {
        return None;
    }
    // An insertion at the sentence's end, so applying it types only the question (the
    // sentence and its formatting stay as they are): a full stop first when it ends on a word.
    let open_ended = sentence.chars().last().is_some_and(char::is_alphanumeric);
    let mut text = String::with_capacity(2 + INVITATION.len());
    if open_ended {
        text.push('.');
    }
    text.push(' ');
    text.push_str(INVITATION);
    Some(Fix {
        span: Span::new(last.end, last.end),
        text,
    })
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let q = &a.signals.questions;
    let post = a.context == Context::Post;
    // A rhetorical question has its own card, which already says it asks nothing ("Struggling
    // to keep plants alive? Our pots… Shop now"); a second card saying so repeats it.
    let rhetorical = q
        .questions
        .iter()
        .any(|x| x.kind == QuestionKind::Rhetorical);
    if a.enabled(crate::rule!("invites_reply.no_question")) && !rhetorical {
        if let Some(last) = asks_nothing(a) {
            let mut h = a.hint(
                crate::rule!("invites_reply.no_question"),
                last,
                "Nothing here invites a reply",
                "Posts that ask the reader something get answers; statements get scrolled past.",
            );
            h.fixes.extend(invitation_fix(a, last));
            hints.push(h);
        }
    }
    if post && a.enabled(crate::rule!("invites_reply.buried")) && !q.invites() {
        if let Some(buried) = q.buried() {
            hints.push(a.hint(
                crate::rule!("invites_reply.buried"),
                buried.span,
                "The question is buried mid-post",
                "Readers answer what a post ends on; a question in the middle is easy to read past.",
            ));
        }
    }
    if a.enabled(crate::rule!("invites_reply.bait")) {
        hints.extend(a.finding(
            crate::rule!("invites_reply.bait"),
            q.bait.iter().copied(),
            |_| "Engagement bait",
            "It asks for a reaction, not an answer, and platforms push it down (Facebook since 2017); ask what they think instead.",
        ));
    }
    let of_kind = |kind| {
        q.questions
            .iter()
            .filter(move |x| x.kind == kind)
            .map(|x| x.span)
    };
    if a.enabled(crate::rule!("invites_reply.rhetorical")) {
        hints.extend(a.finding(
            crate::rule!("invites_reply.rhetorical"),
            of_kind(QuestionKind::Rhetorical),
            |n| {
                if n == 1 {
                    "Reads as rhetorical"
                } else {
                    "These read as rhetorical"
                }
            },
            "A question nobody is meant to answer closes the door it seems to open.",
        ));
    }
    let open = q.opens();
    if post && a.enabled(crate::rule!("invites_reply.closed")) && !open {
        hints.extend(a.finding(
            crate::rule!("invites_reply.closed"),
            of_kind(QuestionKind::Closed),
            |n| if n == 1 { "A yes/no question" } else { "Only yes/no questions" },
            "Yes/no questions get one-word answers; \"what\" or \"how\" questions start conversations.",
        ));
    }
}
