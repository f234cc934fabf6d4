//! `platform`: the post must fit where it is going — the length limit, the "see more" fold,
//! and hashtag and mention counts.

use super::{Analysis, Hint, RuleInfo};
use crate::kinds::{Context, Platform, RuleSet, Severity, Span};
use crate::signals::counters::overflow_start;
use crate::text::TokenKind;

/// How many times its fold a post must run before a question past the fold is hidden.
const FOLD_LONG_TIMES: u32 = 2;

/// Hashtags beyond which a post reads as tag spam, per platform. Instagram refuses more than
/// 30, and past 10 a caption reads as a tag list; Threads takes one topic tag; X guidance is
/// one or two, LinkedIn's three to five; on Mastodon, where hashtags are the only way to be
/// found, a few more are usual.
fn hashtag_max(p: Platform) -> usize {
    match p {
        Platform::Instagram => 10,
        Platform::Threads => 1,
        Platform::X => 2,
        Platform::Bluesky => 3,
        Platform::Mastodon => 5,
        Platform::Linkedin | Platform::Facebook => 5,
        Platform::Tumblr | Platform::Pinterest => 10,
        Platform::Reddit | Platform::Youtube => 3,
    }
}
/// Mentions beyond which a post reads as mass tagging.
const MENTION_MAX: usize = 5;

/// The hashtags of a post that has more than its platform welcomes (every one of them), if it
/// has; the `hashtags` card and the score read this one predicate.
pub fn too_many_hashtags(a: &Analysis) -> Option<(Vec<Span>, usize)> {
    tokens_over(a, TokenKind::Hashtag, hashtag_max(a.platform))
}

/// The mentions of a post that tags more people than [`MENTION_MAX`], if it does.
pub fn too_many_mentions(a: &Analysis) -> Option<(Vec<Span>, usize)> {
    tokens_over(a, TokenKind::Mention, MENTION_MAX)
}

fn tokens_over(a: &Analysis, kind: TokenKind, max: usize) -> Option<(Vec<Span>, usize)> {
    if a.context != Context::Post {
        return None;
    }
    let spans: Vec<Span> = a
        .doc
        .tokens
        .iter()
        .filter(|t| t.kind == kind)
        .map(|t| t.span)
        .collect();
    (spans.len() > max).then_some((spans, max))
}

pub fn rules() -> Vec<RuleInfo> {
    let long: &'static str = concat!(
        "This post is far too long for X. It keeps going and going, sentence after sentence, ",
        "well past the point where anyone would still be reading it, and it does not stop at ",
        "the limit either: it runs on with more words, more clauses and more filler until the ",
        "counter turns red and the post button greys out, which is exactly what this rule is for."
    );
    vec![
        RuleInfo {
            id: "platform.over_limit",
            rule_set: RuleSet::Platform,
            severity: Severity::Warning,
            description: "Underlines what does not fit in the platform's length limit.",
            default_on: true,
            flag: vec![long],
            allow: vec!["Short and sweet."],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
            id: "platform.fold",
            rule_set: RuleSet::Platform,
            severity: Severity::Info,
            description:
                "The question sits below the \"see more\" fold, where most readers never get.",
            default_on: true,
            flag: vec![concat!(
                "Big news from our team this quarter. We spent the whole spring rebuilding the ",
                "reporting pipeline from scratch, moved every customer over without downtime, and ",
                "cut the nightly batch from six hours to forty minutes. It was a long road. ",
                "Half the team learned a new language on the way, two of us changed roles, and ",
                "the support queue stayed calm the whole time because we wrote every step down ",
                "before we took it. What would you have done differently?"
            )],
            allow: vec![
                "What do you think of this? A short post.",
                // Just past the fold: a short post's closing question is read.
                concat!(
                    "Big news from our team this quarter. We spent the whole spring rebuilding ",
                    "the reporting pipeline from scratch, moved every customer over without ",
                    "downtime, and cut the nightly batch from six hours to forty minutes. ",
                    "What would you have done differently?"
                ),
            ],
            example_platform: Some(Platform::Linkedin),
            example_context: None,
        },
        RuleInfo {
            id: "platform.hashtags",
            rule_set: RuleSet::Platform,
            severity: Severity::Suggestion,
            description: "More hashtags than the platform's readers welcome.",
            default_on: true,
            flag: vec!["New post #one #two #three #four #five"],
            allow: vec!["New post #one #two"],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
            id: "platform.mentions",
            rule_set: RuleSet::Platform,
            severity: Severity::Suggestion,
            description: "Tagging many people at once reads as a broadcast.",
            default_on: true,
            flag: vec!["Look @a @b @c @d @e @f @g"],
            allow: vec!["Thanks @ana and @ben!"],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
            id: "platform.truncated",
            rule_set: RuleSet::Platform,
            severity: Severity::Info,
            description:
                "A very long text is checked only up to a size; the counter still counts all of it.",
            default_on: true,
            flag: vec![],
            allow: vec!["Short and sweet."],
            example_platform: None,
            example_context: None,
        },
    ]
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let c = &a.counter;
    if let (Some(limit), true, true) = (
        c.limit,
        c.over,
        a.enabled(crate::rule!("platform.over_limit")),
    ) {
        if let Some(start) = overflow_start(a.doc, a.platform, limit) {
            hints.push(a.hint(
                crate::rule!("platform.over_limit"),
                Span::new(start, a.doc.text.len()),
                format!(
                    "{} over the {} limit of {limit}",
                    c.used - limit,
                    a.platform.id()
                ),
                "The platform will refuse or cut the post here.",
            ));
        }
    }
    // A post's fold: comments fold elsewhere, and a question just past the fold of a post
    // that is only a little longer is one tap away (a travel caption ending on its question).
    let long_post =
        a.context == Context::Post && c.fold.is_some_and(|f| c.used >= f * FOLD_LONG_TIMES);
    if let (Some(fold), true, true) = (
        c.fold,
        c.folded && long_post,
        a.enabled(crate::rule!("platform.fold")),
    ) {
        // Where the fold falls, in bytes: the same walk as the counter.
        if let Some(fold_at) = overflow_start(a.doc, a.platform, fold) {
            let first_ask = a
                .signals
                .questions
                .genuine()
                .map(|q| q.span)
                .chain(a.signals.questions.invitations.iter().copied())
                .min();
            if let Some(ask) = first_ask.filter(|s| s.start >= fold_at) {
                hints.push(a.hint(
                    crate::rule!("platform.fold"),
                    ask,
                    "Your question is hidden behind \"see more\"",
                    "Most readers only see the first lines; ask early.",
                ));
            }
        }
    }
    if a.enabled(crate::rule!("platform.hashtags")) {
        if let Some((tags, max)) = too_many_hashtags(a) {
            // Every hashtag: the card is about how many there are, not which.
            hints.extend(a.finding(
                crate::rule!("platform.hashtags"),
                tags,
                |n| {
                    format!(
                        "{n} hashtags; {max} or fewer read better on {}",
                        a.platform.id()
                    )
                },
                "A wall of hashtags reads as reach-chasing, not talking.",
            ));
        }
    }
    if a.enabled(crate::rule!("platform.mentions")) {
        if let Some((mentions, _)) = too_many_mentions(a) {
            hints.extend(a.finding(
                crate::rule!("platform.mentions"),
                mentions,
                |n| format!("{n} people tagged"),
                "Tagging many people at once reads as a broadcast; speak to one or two.",
            ));
        }
    }
}
