//! The 0–100 relationship score: a base, and named factors that move it, each with its why and
//! the words it is about — every point of the score is visible.
//!
//! The weights are product judgements, checked against a coach's estimate on the hand-judged
//! drafts (`rapport eval tests/drafts/*.jsonl`, tuned on the even half and checked on the odd
//! one): asking the reader something is the biggest lift, and so is a warm reply that thanks,
//! congratulates or owns a mistake; hostility is the biggest drop; a pitch costs more the more
//! the post sells; in a reply hostility weighs more and a missing question nothing (a reply
//! answers; it need not ask).

use super::{Score, ScoreFactor, Verdicts};
use crate::data::lists;
use crate::kinds::{Context, Span};
use crate::rules::{finding_spans, invites_reply, platform, Analysis};
use crate::signals::questions::QuestionKind;
use std::borrow::Cow;

const BASE: i32 = 50;
/// Tone moves the score by up to this many points either way (compound × this). Less than
/// the acts: on the hand-judged drafts a coach ranks by what a post does (asks, thanks, sells,
/// attacks); with the tone at 15 points the ranks agreed at Spearman 0.83, at 6 at 0.87 (on each
/// half of the set alike: even ids 0.84 -> 0.88, odd 0.82 -> 0.85).
const TONE_RANGE: f32 = 6.0;
const TONE_RANGE_REPLY_NEGATIVE: f32 = 8.0;
/// The words named for the tone: the strongest of its sign.
const TONE_WORDS: usize = 8;
const SARCASM: i32 = -15;
const OPEN_QUESTION: i32 = 35;
const CLOSED_QUESTION: i32 = 15;
const REQUEST: i32 = 5;
/// A post's question asked only in passing (`invites_reply.buried`): it still asks, but the
/// post moves on, so it earns less than a question the post ends on.
const BURIED_QUESTION: i32 = 15;
const NOTHING_ASKED_POST: i32 = -5;
const TALKS_TO_READER: i32 = 7;
/// Thanks, congratulations and sympathy said to someone build the relationship as much as a
/// question does: "Congrats Maya!! So well deserved 🎉" is a good reply with nothing to ask.
const WARM_WORDS: i32 = 20;
const WARM_BESIDE_QUESTION: i32 = 5;
/// A reply that answers at some length, calmly and without selling, is the conversation.
const USEFUL_ANSWER: i32 = 10;
/// Words from which a reply is an answer, not a reaction.
const ANSWER_MIN_WORDS: usize = 15;
const SELF_FOCUSED_POST: i32 = -15;
const SELF_FOCUSED_REPLY: i32 = -8;
/// A pitch costs this much per unit of its pitch score (the weights of the kinds of cue
/// present, see `signals::pitch`), at most [`PITCH_MAX`]: "link in comments" once (0.6) costs
/// 10, a call to buy (1.0) 17, a hard sell with a discount, urgency and a call to buy (3.0) 50.
const PITCH_PER_WEIGHT: f32 = 17.0;
const PITCH_MAX: i32 = 50;
const BAIT: i32 = -35;
/// Tagging a crowd or piling on hashtags (past the platform's `platform.*` limits).
const CROWD: i32 = -12;
const AGGRESSIVE_POST: i32 = -35;
const AGGRESSIVE_REPLY: i32 = -50;
/// Strong swearing that is not aimed at anyone ("this fucking printer"): coarse, not hostile.
const SWEARING: i32 = -10;
const SHOUTING: i32 = -10;
/// A post written in capitals throughout is shouted, not emphasised.
const SHOUTED_POST: i32 = -30;
const FIGURES: i32 = -16;
const OVER_LIMIT: i32 = -10;

/// The factors as they are added: each with its words.
struct Factors(Vec<ScoreFactor>);

impl Factors {
    fn add(
        &mut self,
        factor: &'static str,
        points: i32,
        why: impl Into<Cow<'static, str>>,
        spans: impl IntoIterator<Item = Span>,
    ) {
        if points != 0 {
            self.0.push(ScoreFactor {
                factor,
                points,
                why: why.into(),
                spans: finding_spans(spans),
            });
        }
    }
}

pub fn score(a: &Analysis, v: &Verdicts) -> Score {
    let reply = a.context == Context::Reply;
    if a.doc.word_count() == 0 {
        return Score {
            value: BASE as u8,
            base: BASE,
            breakdown: Vec::new(),
        };
    }
    let mut f = Factors(Vec::new());
    let s = &a.signals;
    tone(a, v, &mut f);
    let hostile = v.aggressive && s.aggression.hostile(s.tone.compound, a.strictness());
    if a.english() {
        // A question thrown in a hostile post ("Who asked?") invites nothing, and one beside
        // engagement bait ("Who's still watching? Like if you are") asks for a reaction.
        if !hostile && s.questions.bait.is_empty() {
            asks(a, v, &mut f);
        }
        let p = &s.pronouns;
        if p.you_count() > p.self_count() {
            f.add(
                "self_focus",
                TALKS_TO_READER,
                "talks to the reader more than about itself",
                p.you.iter().copied(),
            );
        }
    } else if v.question {
        // In another language only "?" is understood.
        let asked = a
            .doc
            .sentences
            .iter()
            .filter(|x| x.terminator == crate::text::Terminator::Question)
            .map(|x| x.span);
        f.add("invites_reply", OPEN_QUESTION, "asks a question", asked);
    }
    warmth(a, v, hostile || v.shouting, &mut f);
    if v.self_focused {
        let p = &s.pronouns;
        f.add(
            "self_focus",
            if reply {
                SELF_FOCUSED_REPLY
            } else {
                SELF_FOCUSED_POST
            },
            "mostly about the writer",
            p.i.iter().chain(&p.we).chain(&p.brand).copied(),
        );
    }
    if a.english() && !s.pitch.cues.is_empty() {
        let points = (s.pitch.score * PITCH_PER_WEIGHT).round() as i32;
        f.add(
            "pitch",
            -points.min(PITCH_MAX),
            if v.pitch {
                "reads as a sales pitch"
            } else {
                "sells a little"
            },
            s.pitch.cues.iter().map(|c| c.span),
        );
    }
    if a.english() && !s.questions.bait.is_empty() {
        f.add(
            "invites_reply",
            BAIT,
            "engagement bait",
            s.questions.bait.iter().copied(),
        );
    }
    // The verdict is OffensEval's "offensive" (any swearing counts); the score tells hostility
    // from swearing, and leaves mild swearing ("damn", "sucks") alone.
    let ag = &s.aggression;
    if hostile {
        f.add(
            "aggression",
            if reply {
                AGGRESSIVE_REPLY
            } else {
                AGGRESSIVE_POST
            },
            "hostile or insulting",
            ag.hostile
                .iter()
                .chain(&ag.insults)
                .chain(&ag.directed_harsh)
                .chain(&ag.harsh)
                .copied(),
        );
    } else if v.aggressive && !ag.profanity.is_empty() {
        f.add(
            "aggression",
            SWEARING,
            "swears",
            ag.profanity.iter().copied(),
        );
    }
    if v.shouting {
        let sh = &s.shouting;
        let words = a.doc.own_words().count();
        let shouted = sh.caps_words * 2 > words;
        f.add(
            "shouting",
            if shouted { SHOUTED_POST } else { SHOUTING },
            if shouted {
                "shouts: written in capitals"
            } else {
                "shouts (capitals or stacked marks)"
            },
            sh.caps_runs
                .iter()
                .chain(sh.loud_marks(a.strictness()))
                .map(|&(span, _)| span),
        );
    }
    if a.english() && s.figures.dense(a.strictness()) {
        f.add(
            "figures",
            FIGURES,
            "a wall of figures",
            s.figures.spans.iter().copied(),
        );
    }
    if let Some((mentions, _)) = platform::too_many_mentions(a) {
        f.add("platform", CROWD, "tags many people at once", mentions);
    }
    if let Some((tags, _)) = platform::too_many_hashtags(a) {
        f.add("platform", CROWD, "a wall of hashtags", tags);
    }
    if a.counter.over {
        let over = a
            .counter
            .limit
            .and_then(|l| crate::signals::counters::overflow_start(a.doc, a.platform, l))
            .map(|start| Span::new(start, a.doc.text.len()));
        f.add(
            "platform",
            OVER_LIMIT,
            "over the platform's length limit",
            over,
        );
    }
    let value = (BASE + f.0.iter().map(|x| x.points).sum::<i32>()).clamp(0, 100) as u8;
    Score {
        value,
        base: BASE,
        breakdown: f.0,
    }
}

/// The tone, with the strongest words of its sign. An apology, sympathy or a notice is sad on
/// purpose: its negative tone costs nothing.
fn tone(a: &Analysis, v: &Verdicts, f: &mut Factors) {
    let sad_on_purpose = a
        .signals
        .hits
        .iter()
        .any(|h| h.list == lists::SYMPATHY || h.list == lists::NOTICE);
    if sad_on_purpose && v.sentiment.score < 0.0 {
        return;
    }
    let sarcasm = &a.signals.sarcasm;
    if !sarcasm.is_empty() {
        // Praise said for the opposite: mockery, whatever the words' own tone.
        f.add(
            "tone",
            SARCASM,
            "sarcasm reads as mockery",
            sarcasm.iter().copied(),
        );
        return;
    }
    let reply = a.context == Context::Reply;
    let range = if reply && v.sentiment.score < 0.0 {
        TONE_RANGE_REPLY_NEGATIVE
    } else {
        TONE_RANGE
    };
    let sign = v.sentiment.score.signum();
    let mut words: Vec<(Span, f32)> = a
        .signals
        .tone
        .evidence
        .iter()
        .filter(|(_, w)| w.signum() == sign)
        .copied()
        .collect();
    crate::sort::by_key(&mut words, |(_, w)| !crate::sort::f32_key(w.abs()));
    words.truncate(TONE_WORDS);
    f.add(
        "tone",
        (v.sentiment.score * range).round() as i32,
        // The three labels spelled out: no string built per analysis.
        match v.sentiment.label {
            "positive" => "the tone is positive",
            "negative" => "the tone is negative",
            _ => "the tone is neutral",
        },
        words.into_iter().map(|(span, _)| span),
    );
}

/// What the post asks of the reader: an open question or invitation, a buried one, a yes/no
/// question, a request, or nothing at all (only where the `no_question` card would say so).
fn asks(a: &Analysis, v: &Verdicts, f: &mut Factors) {
    let q = &a.signals.questions;
    let reply = a.context == Context::Reply;
    let of = |kinds: &[QuestionKind]| -> Vec<Span> {
        q.questions
            .iter()
            .filter(|x| kinds.contains(&x.kind))
            .map(|x| x.span)
            .collect()
    };
    // A question in a post that sells is most often its hook ("Have you tried our Premium
    // plan?"): it earns half.
    let hook = |points: i32| if v.pitch { points / 2 } else { points };
    if !reply && !v.invites_reply && q.buried().is_some() {
        let buried = q.buried().map(|b| b.span);
        f.add(
            "invites_reply",
            hook(BURIED_QUESTION),
            "asks a question, but mid-post",
            buried,
        );
    } else if q.opens() {
        let spans = of(&[QuestionKind::Open, QuestionKind::Choice])
            .into_iter()
            .chain(q.invitations.iter().copied());
        f.add(
            "invites_reply",
            hook(OPEN_QUESTION),
            "asks the reader an open question",
            spans,
        );
    } else if q.count(QuestionKind::Closed) > 0 {
        f.add(
            "invites_reply",
            hook(CLOSED_QUESTION),
            "asks a yes/no question",
            of(&[QuestionKind::Closed]),
        );
    } else if !q.requests.is_empty() && !v.pitch {
        f.add(
            "invites_reply",
            REQUEST,
            "asks the reader to do something",
            q.requests.iter().copied(),
        );
    } else if let Some(last) = invites_reply::asks_nothing(a) {
        f.add(
            "invites_reply",
            NOTHING_ASKED_POST,
            "asks the reader nothing",
            [last],
        );
    }
}

/// What builds a relationship besides a question: thanks, congratulations or sympathy said to
/// someone (in any language the thanks list knows), and in an English reply, an answer given at
/// some length, calmly, without selling and not about the writer. Not in a post that is hostile
/// or shouts (`rough`), or sells.
fn warmth(a: &Analysis, v: &Verdicts, rough: bool, f: &mut Factors) {
    let s = &a.signals;
    if rough || !s.pitch.cues.is_empty() || s.tone.compound < 0.0 && a.context == Context::Post {
        return;
    }
    let warm: Vec<Span> = s
        .hits
        .iter()
        .filter(|h| h.list == lists::THANKS || h.list == lists::SYMPATHY)
        .map(|h| h.span)
        .collect();
    if !warm.is_empty() {
        // Beside an open question the warmth adds less: the question already earns the lift.
        let points = if s.questions.opens() || (!a.english() && v.question) {
            WARM_BESIDE_QUESTION
        } else {
            WARM_WORDS
        };
        f.add(
            "warmth",
            points,
            "thanks, congratulates or sympathises",
            warm,
        );
    } else if a.context == Context::Reply
        && a.english()
        && !v.self_focused
        && s.questions.words >= ANSWER_MIN_WORDS
        && s.tone.compound > -0.3
        && !s.hits.iter().any(|h| h.list == lists::COMPLAINT)
    {
        f.add(
            "warmth",
            USEFUL_ANSWER,
            "answers at some length, calmly",
            a.doc.sentences.first().map(|x| x.span),
        );
    }
}
