//! The engine: settings compiled once, then `analyze` per keystroke.

use crate::config::{Config, ConfigError, Options};
use crate::report::*;
use crate::rules::invites_reply::QuestionKind;
use crate::rules::{self, Analysis, Compiled};
use crate::text::{Document, Span};
use crate::{platform, score};

/// Texts longer than this are analysed up to here (at a whitespace); the counters still count
/// the whole text, and a `platform.truncated` hint says so. 256 KiB is ~40,000 words, far past
/// any platform's limit, and keeps one analysis within ~25 ms in wasm.
pub const MAX_ANALYZED_BYTES: usize = 256 * 1024;

/// A configured analyser. Cheap to call per keystroke; build it once per settings change.
#[derive(Debug, Clone)]
pub struct Engine {
    config: Config,
    compiled: Compiled,
}

fn analysed_prefix(text: &str) -> &str {
    if text.len() <= MAX_ANALYZED_BYTES {
        return text;
    }
    let mut end = MAX_ANALYZED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Cut at the last whitespace so no word is split (unless there is none near).
    match text[..end].rfind(char::is_whitespace) {
        Some(ws) if end - ws < 1024 => &text[..ws],
        _ => &text[..end],
    }
}

impl Engine {
    /// Validates and compiles the settings; an error names the offending field.
    pub fn new(config: Config) -> Result<Engine, ConfigError> {
        config.validate()?;
        let compiled = Compiled::new(&config)?;
        Ok(Engine { config, compiled })
    }

    pub fn from_json(json: &str) -> Result<Engine, ConfigError> {
        Engine::new(Config::from_json(json)?)
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Analyses one draft. Spans in the report are byte offsets into `text`.
    pub fn analyze(&self, text: &str, options: &Options) -> Report {
        let platform = options.platform.unwrap_or(self.config.platform);
        let context = options.context.unwrap_or(self.config.context);
        let data = crate::data::Data::get();
        // One lower-cased copy of the text per analysis (none without a capital), which the
        // tokens' lower case borrows from, rather than a string per capitalised word.
        let folded: std::borrow::Cow<str> = if text.bytes().any(|b| b.is_ascii_uppercase()) {
            text.to_ascii_lowercase().into()
        } else {
            text.into()
        };
        let mut full = Document::parse_folded(text, &folded);
        let counters = if options.brief {
            vec![platform::count(&full, platform, self.config.mastodon_limit)]
        } else {
            platform::count_all(&full, self.config.mastodon_limit)
        };
        let counter = *counters
            .iter()
            .find(|c| c.platform == platform)
            .expect("every platform is counted");

        let analysed = analysed_prefix(text);
        let doc = if analysed.len() == text.len() {
            data.annotate(&mut full);
            full
        } else {
            data.document(analysed)
        };
        let a = Analysis::new(
            &doc,
            &self.config,
            &self.compiled,
            platform,
            context,
            counter,
        );

        let mut hints = Vec::new();
        rules::run(&a, &mut hints);
        if analysed.len() < text.len() && a.enabled(crate::rule!("platform.truncated")) {
            hints.push(a.hint(
                crate::rule!("platform.truncated"),
                Span::new(analysed.len(), text.len()),
                format!("Only the first {} KB are checked", MAX_ANALYZED_BYTES / 1024),
                "A text this long is past every platform's limit; the counter still counts all of it.",
            ));
        }
        if a.strictness() == crate::Strictness::Low {
            hints.retain(|h| h.severity != crate::Severity::Info);
        }
        sort_hints(&mut hints);

        let verdicts = verdicts(&a);
        let score = score::score(&a, &verdicts);
        let signals = signals(&a, analysed.len(), options.brief);
        Report {
            platform,
            context,
            hints,
            signals,
            counter,
            counters,
            score,
            verdicts,
        }
    }
}

fn verdicts(a: &Analysis) -> Verdicts {
    let s = a.strictness();
    if !a.english() {
        // The English rule sets have nothing reliable to say; only "?" is universal.
        let question = a
            .doc
            .sentences
            .iter()
            .any(|x| x.terminator == crate::text::Terminator::Question);
        return Verdicts {
            sentiment: Sentiment {
                score: 0.0,
                label: "neutral",
            },
            question,
            invites_reply: question,
            pitch: false,
            aggressive: false,
            shouting: false,
            self_focused: false,
        };
    }
    Verdicts {
        sentiment: Sentiment {
            score: a.tone.compound,
            label: a.tone.label(),
        },
        question: a.questions.has_question(),
        invites_reply: a.questions.invites(),
        pitch: a.pitch.is_pitch(s),
        aggressive: a.aggression.aggressive(a.tone.compound, s),
        shouting: a.shouting.shouting(s),
        self_focused: a.pronouns.focused(s),
    }
}

/// Most evidence spans one signal lists; its counts stay exact. A long post has hundreds of
/// pronouns and toned words, and the report is rebuilt per keystroke and crosses into
/// JavaScript each time, where every span is an object: 24 show the working as well as 300.
pub const MAX_EVIDENCE: usize = 24;

/// Orders hints by start, end, then rule id, through the shared sort (see `crate::sort`): each
/// rule id is replaced by its rank among the ids present, at most the number of rules.
fn sort_hints(hints: &mut Vec<Hint>) {
    fn order(h: &Hint) -> (usize, usize, &str) {
        (h.span.start, h.span.end, h.rule.as_ref())
    }
    if hints.windows(2).all(|w| order(&w[0]) <= order(&w[1])) {
        return;
    }
    let mut ids: Vec<&str> = Vec::new();
    for h in hints.iter() {
        // Insertion into a sorted list of distinct ids: a few dozen at most.
        if let Err(at) = ids.binary_search(&h.rule.as_ref()) {
            ids.insert(at, h.rule.as_ref());
        }
    }
    let keys: Vec<u128> = hints
        .iter()
        .map(|h| {
            let rank = ids.binary_search(&h.rule.as_ref()).unwrap_or_default();
            ((h.span.start as u128) << 80) | ((h.span.end as u128) << 40) | rank as u128
        })
        .collect();
    crate::sort::by_keys(hints, &keys);
}

/// Sorts an evidence list by position and keeps the first [`MAX_EVIDENCE`]. One function for
/// every list, so the wasm has one copy of the sort.
fn sort_by_span(evidence: &mut Vec<Evidence>) {
    crate::sort::by_key(evidence, |e| crate::sort::span_key(e.span));
    evidence.truncate(MAX_EVIDENCE);
}

/// One signal's evidence list, sorted and capped; none at all for a brief report, where the
/// items are not even produced.
fn evidence(brief: bool, items: impl Iterator<Item = Evidence>) -> Vec<Evidence> {
    if brief {
        return Vec::new();
    }
    let mut ev: Vec<Evidence> = items.collect();
    sort_by_span(&mut ev);
    ev
}

/// The words that moved the tone most (by absolute weight), at most [`MAX_EVIDENCE`], in text
/// order.
fn tone_evidence(words: &[(Span, f32)]) -> Vec<Evidence> {
    let mut ev: Vec<Evidence> = words
        .iter()
        .map(|&(span, weight)| Evidence {
            span,
            weight,
            kind: "",
        })
        .collect();
    if ev.len() > MAX_EVIDENCE {
        // Largest first: the key is the magnitude's order, inverted.
        crate::sort::by_key(&mut ev, |x| !crate::sort::f32_key(x.weight.abs()));
        ev.truncate(MAX_EVIDENCE);
    }
    sort_by_span(&mut ev);
    ev
}

fn n(x: usize) -> u32 {
    x as u32
}

/// The signals; a brief report (see `Options::brief`) has no evidence spans.
fn signals(a: &Analysis, analyzed_bytes: usize, brief: bool) -> Signals {
    let p = &a.pronouns;
    let q = &a.questions;
    let self_ev = evidence(
        brief,
        p.i.iter()
            .map(|&s| Evidence::of("i", s))
            .chain(p.we.iter().map(|&s| Evidence::of("we", s)))
            .chain(p.brand.iter().map(|&s| Evidence::of("brand", s)))
            .chain(p.boasts.iter().map(|&s| Evidence::of("boast", s)))
            .chain(p.you.iter().map(|&s| Evidence::of("you", s))),
    );
    let q_ev = evidence(
        brief,
        q.questions
            .iter()
            .map(|x| {
                let kind = match x.kind {
                    QuestionKind::Open => "open",
                    QuestionKind::Closed => "closed",
                    QuestionKind::Rhetorical => "rhetorical",
                };
                Evidence::of(kind, x.span)
            })
            .chain(q.invitations.iter().map(|&s| Evidence::of("invitation", s)))
            .chain(q.requests.iter().map(|&s| Evidence::of("request", s))),
    );
    let last = a.doc.sentences.last().map(|s| s.span);
    let ends_with_invitation = last.is_some_and(|l| {
        q.genuine().any(|x| x.span == l)
            || q.invitations
                .iter()
                .chain(&q.requests)
                .any(|s| s.start >= l.start)
    });
    let total = p.self_count() + p.you_count();
    let sh = &a.shouting;
    let shout_ev = evidence(
        brief,
        sh.caps_runs
            .iter()
            .map(|&(s, _)| Evidence::of("caps", s))
            .chain(sh.mark_runs.iter().map(|&(s, _)| Evidence::of("marks", s)))
            .chain(
                sh.stretched
                    .iter()
                    .map(|(s, _)| Evidence::of("stretched", *s)),
            ),
    );
    let ag = &a.aggression;
    let ag_ev = evidence(
        brief,
        ag.insults
            .iter()
            .map(|&s| Evidence::of("insult", s))
            .chain(ag.directed_harsh.iter().map(|&s| Evidence::of("insult", s)))
            .chain(ag.harsh.iter().map(|&s| Evidence::of("harsh", s)))
            .chain(ag.profanity.iter().map(|&s| Evidence::of("profanity", s)))
            .chain(ag.mild.iter().map(|&s| Evidence::of("mild_profanity", s)))
            .chain(ag.hostile.iter().map(|&s| Evidence::of("hostile", s))),
    );
    Signals {
        language: a.language.clone(),
        tone: ToneSignal {
            score: a.tone.compound,
            label: a.tone.label(),
            evidence: if brief {
                Vec::new()
            } else {
                tone_evidence(&a.tone.evidence)
            },
        },
        self_focus: SelfFocusSignal {
            i: n(p.i.len()),
            we: n(p.we.len()),
            brand: n(p.brand.len()),
            you: n(p.you.len()),
            boasts: n(p.boasts.len()),
            self_share: if total == 0 {
                0.0
            } else {
                p.self_count() as f32 / total as f32
            },
            focused: a.english() && p.focused(a.strictness()),
            evidence: self_ev,
        },
        questions: QuestionSignal {
            open: n(q.count(QuestionKind::Open)),
            closed: n(q.count(QuestionKind::Closed)),
            rhetorical: n(q.count(QuestionKind::Rhetorical)),
            invitations: n(q.invitations.len()),
            requests: n(q.requests.len()),
            ends_with_invitation,
            evidence: q_ev,
        },
        pitch: PitchSignal {
            score: a.pitch.score,
            evidence: evidence(
                brief,
                a.pitch.cues.iter().map(|&(kind, s)| Evidence::of(kind, s)),
            ),
        },
        figures: FiguresSignal {
            count: n(a.figures.spans.len()),
            per_100_words: a.figures.per_100_words,
            max_in_sentence: n(a.figures.max_in_sentence),
            evidence: evidence(
                brief,
                a.figures.spans.iter().map(|&s| Evidence::of("figure", s)),
            ),
        },
        shouting: ShoutingSignal {
            caps_words: n(sh.caps_words),
            mark_runs: n(sh.mark_runs.len()),
            stretched: n(sh.stretched.len()),
            evidence: shout_ev,
        },
        aggression: AggressionSignal {
            insults: n(ag.insults.len() + ag.directed_harsh.len()),
            profanity: n(ag.profanity.len()),
            mild_profanity: n(ag.mild.len()),
            hostile_phrases: n(ag.hostile.len()),
            evidence: ag_ev,
        },
        words: n(a.doc.word_count()),
        sentences: n(a.doc.sentences.len()),
        analyzed_bytes: n(analyzed_bytes),
    }
}
