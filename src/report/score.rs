//! The 0–100 relationship score: a base, and named factors that move it, each with its why.
//!
//! The weights are product judgements, not fitted numbers: asking the reader something is
//! the biggest lift; hostility the biggest drop; in a reply hostility weighs more and the
//! missing question less (a reply answers; it need not ask).

use super::{Score, ScoreFactor, Verdicts};
use crate::kinds::Context;
use crate::rules::Analysis;
use crate::signals::questions::QuestionKind;
use std::borrow::Cow;

const BASE: i32 = 50;
/// Tone moves the score by up to this many points either way (compound × this).
const TONE_RANGE: f32 = 15.0;
const TONE_RANGE_REPLY_NEGATIVE: f32 = 25.0;
const OPEN_QUESTION: i32 = 25;
const CLOSED_QUESTION: i32 = 15;
const REQUEST: i32 = 8;
/// A post's question asked only in passing (`invites_reply.buried`): it still asks, but the
/// post moves on, so it earns less than a question the post ends on.
const BURIED_QUESTION: i32 = 10;
const NOTHING_ASKED_POST: i32 = -5;
const TALKS_TO_READER: i32 = 5;
const SELF_FOCUSED_POST: i32 = -15;
const SELF_FOCUSED_REPLY: i32 = -8;
const PITCH: i32 = -20;
const AGGRESSIVE_POST: i32 = -25;
const AGGRESSIVE_REPLY: i32 = -35;
/// Strong swearing that is not aimed at anyone ("this fucking printer"): coarse, not hostile.
const SWEARING: i32 = -10;
const SHOUTING: i32 = -10;
const FIGURES: i32 = -8;
const OVER_LIMIT: i32 = -10;

pub fn score(a: &Analysis, v: &Verdicts) -> Score {
    let mut f: Vec<ScoreFactor> = Vec::new();
    let mut add = |factor: &'static str, points: i32, why: Cow<'static, str>| {
        if points != 0 {
            f.push(ScoreFactor {
                factor,
                points,
                why,
            });
        }
    };
    let reply = a.context == Context::Reply;
    if a.doc.word_count() == 0 {
        return Score {
            value: BASE as u8,
            base: BASE,
            breakdown: Vec::new(),
        };
    }
    let range = if reply && v.sentiment.score < 0.0 {
        TONE_RANGE_REPLY_NEGATIVE
    } else {
        TONE_RANGE
    };
    add(
        "tone",
        (v.sentiment.score * range).round() as i32,
        // The three labels spelled out: no string built per analysis.
        match v.sentiment.label {
            "positive" => "the tone is positive".into(),
            "negative" => "the tone is negative".into(),
            "neutral" => "the tone is neutral".into(),
            other => format!("the tone is {other}").into(),
        },
    );
    let q = &a.signals.questions;
    if a.english() {
        if !reply && !v.invites_reply && q.buried().is_some() {
            add(
                "invites_reply",
                BURIED_QUESTION,
                "asks a question, but mid-post".into(),
            );
        } else if q.opens() {
            add(
                "invites_reply",
                OPEN_QUESTION,
                "asks the reader an open question".into(),
            );
        } else if q.count(QuestionKind::Closed) > 0 {
            add(
                "invites_reply",
                CLOSED_QUESTION,
                "asks a yes/no question".into(),
            );
        } else if !q.requests.is_empty() {
            add(
                "invites_reply",
                REQUEST,
                "asks the reader to do something".into(),
            );
        } else if !reply {
            add(
                "invites_reply",
                NOTHING_ASKED_POST,
                "asks the reader nothing".into(),
            );
        }
        if a.signals.pronouns.you_count() > a.signals.pronouns.self_count() {
            add(
                "self_focus",
                TALKS_TO_READER,
                "talks to the reader more than about itself".into(),
            );
        }
    } else if v.question {
        add("invites_reply", OPEN_QUESTION, "asks a question".into());
    }
    if v.self_focused {
        add(
            "self_focus",
            if reply {
                SELF_FOCUSED_REPLY
            } else {
                SELF_FOCUSED_POST
            },
            "mostly about the writer".into(),
        );
    }
    if v.pitch {
        add("pitch", PITCH, "reads as a sales pitch".into());
    }
    // The verdict is OffensEval's "offensive" (any swearing counts); the score tells hostility
    // from swearing, and leaves mild swearing ("damn", "sucks") alone.
    if v.aggressive
        && a.signals
            .aggression
            .hostile(a.signals.tone.compound, a.strictness())
    {
        add(
            "aggression",
            if reply {
                AGGRESSIVE_REPLY
            } else {
                AGGRESSIVE_POST
            },
            "hostile or insulting".into(),
        );
    } else if v.aggressive && !a.signals.aggression.profanity.is_empty() {
        add("aggression", SWEARING, "swears".into());
    }
    if v.shouting {
        add(
            "shouting",
            SHOUTING,
            "shouts (capitals or stacked marks)".into(),
        );
    }
    if a.english() && a.signals.figures.dense(a.strictness()) {
        add("figures", FIGURES, "a wall of figures".into());
    }
    if a.counter.over {
        add(
            "platform",
            OVER_LIMIT,
            "over the platform's length limit".into(),
        );
    }
    let value = (BASE + f.iter().map(|x| x.points).sum::<i32>()).clamp(0, 100) as u8;
    Score {
        value,
        base: BASE,
        breakdown: f,
    }
}
