//! Exact length counters per platform.
//!
//! Each platform counts in its own unit; [`count`] returns that count, the limit and whether the
//! draft is over it. Where a number comes from is said beside it.

use crate::kinds::Platform;
use crate::text::{Document, Span, Token, TokenKind};
use std::ops::ControlFlow;
use unicode_segmentation::UnicodeSegmentation;

/// What a counter counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// twitter-text v3 weighted length: most Latin-script code points 1, others 2, an emoji
    /// sequence 2, a URL 23.
    Weighted,
    /// User-perceived characters (extended grapheme clusters).
    Graphemes,
    /// Graphemes, with every URL counted as 23 and `@user@instance` as `@user` (Mastodon).
    MastodonChars,
    /// UTF-16 code units, as a JavaScript `maxlength` counts.
    Utf16,
}

/// How many [`Unit`]s there are.
const UNITS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counter {
    pub platform: Platform,
    pub unit: Unit,
    pub used: u32,
    /// `None` where the platform sets no length limit on a post.
    pub limit: Option<u32>,
    pub over: bool,
    /// Characters shown before the platform folds the post behind "see more", where it does.
    pub fold: Option<u32>,
    /// Whether the text runs past that fold.
    pub folded: bool,
}

/// The URL length X and Mastodon charge for any link (t.co wrapping; Mastodon mimics it).
pub const URL_WEIGHT: u32 = 23;

/// (unit, limit, fold) per platform.
fn spec(platform: Platform, mastodon_limit: Option<u32>) -> (Unit, Option<u32>, Option<u32>) {
    match platform {
        // twitter-text v3 config: maxWeightedTweetLength 280.
        Platform::X => (Unit::Weighted, Some(280), None),
        // Bluesky app.bsky.feed.post lexicon: maxGraphemes 300.
        Platform::Bluesky => (Unit::Graphemes, Some(300), None),
        // Mastodon default MAX_CHARS 500; instances may set their own.
        Platform::Mastodon => (
            Unit::MastodonChars,
            Some(mastodon_limit.unwrap_or(500)),
            None,
        ),
        // Threads: 500 characters per post.
        Platform::Threads => (Unit::Graphemes, Some(500), None),
        // LinkedIn posts: 3,000 characters; the feed folds after about 210.
        Platform::Linkedin => (Unit::Utf16, Some(3000), Some(210)),
        // Facebook posts: 63,206 characters; the feed folds after about 480.
        Platform::Facebook => (Unit::Utf16, Some(63_206), Some(480)),
        // Instagram captions: 2,200 characters; the feed folds after 125.
        Platform::Instagram => (Unit::Utf16, Some(2200), Some(125)),
        // Reddit: 40,000 characters in a text post body (comments 10,000).
        Platform::Reddit => (Unit::Utf16, Some(40_000), None),
        // YouTube comments: 10,000 characters.
        Platform::Youtube => (Unit::Utf16, Some(10_000), None),
        // Tumblr sets no length limit on a text post.
        Platform::Tumblr => (Unit::Utf16, None, None),
        // Pinterest pin descriptions: 500 characters.
        Platform::Pinterest => (Unit::Utf16, Some(500), None),
    }
}

/// twitter-text v3 `weightedRanges` (weight 100 = 1 character); everything else weighs 200.
fn x_char_weight(c: char) -> u32 {
    match c as u32 {
        0..=4351 | 8192..=8205 | 8208..=8223 | 8242..=8247 => 1,
        _ => 2,
    }
}

/// In ASCII every byte is a grapheme but CR LF, which is one.
fn ascii_graphemes(s: &str) -> usize {
    // "\r\n" is one grapheme; a byte scan, not a substring search (this runs per keystroke).
    // Most drafts have no '\r' at all: one memchr answers.
    if !s.as_bytes().contains(&b'\r') {
        return s.len();
    }
    s.len()
        - s.as_bytes()
            .windows(2)
            .filter(|w| w[0] == b'\r' && w[1] == b'\n')
            .count()
}

/// Extended grapheme clusters, with ASCII runs counted by bytes: only the stretches around
/// non-ASCII text go through the full segmentation. The last ASCII character before a
/// non-ASCII stretch goes with it (a combining mark or ZWJ may attach to it). The one case
/// this skips is a Prepend character (rare, Brahmic scripts) directly before ASCII.
fn graphemes(s: &str) -> u32 {
    // All ASCII (most drafts): a word-at-a-time check, then bytes.
    if s.is_ascii() {
        return ascii_graphemes(s) as u32;
    }
    let b = s.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i] < 0x80 {
            i += 1;
        }
        if i == b.len() {
            count += ascii_graphemes(&s[start..]);
            break;
        }
        let mut fast_end = if i > start { i - 1 } else { i };
        if fast_end > start && b[fast_end] == b'\n' && b[fast_end - 1] == b'\r' {
            fast_end -= 1;
        }
        count += ascii_graphemes(&s[start..fast_end]);
        let mut j = i;
        while j < b.len() && b[j] >= 0x80 {
            j += 1;
        }
        count += s[fast_end..j].graphemes(true).count();
        i = j;
    }
    count as u32
}

fn utf16(s: &str) -> u32 {
    if s.is_ascii() {
        return s.len() as u32;
    }
    // One unit per char (every byte but UTF-8 continuation bytes), two for a char of four
    // bytes (lead byte 0xF0 and up): a byte loop the compiler vectorises, same as
    // `encode_utf16().count()`.
    s.bytes()
        .map(|b| ((b as i8) >= -0x40) as u32 + (b >= 0xF0) as u32)
        .sum()
}

fn x_weight(s: &str) -> u32 {
    if s.is_ascii() {
        return s.len() as u32;
    }
    s.chars().map(x_char_weight).sum()
}

/// Calls `f(start_byte, cost)` for each counted piece of the text, in order: a URL or emoji
/// token where the unit charges it whole, otherwise a grapheme, code point or UTF-16 unit.
/// Stops at the first piece for which `f` breaks.
fn for_each_piece(
    doc: &Document,
    unit: Unit,
    mut f: impl FnMut(usize, u32) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let text = doc.text;
    let gap = |from: usize, to: usize, f: &mut dyn FnMut(usize, u32) -> ControlFlow<()>| {
        let s = &text[from..to];
        match unit {
            Unit::Weighted => s
                .char_indices()
                .try_for_each(|(i, c)| f(from + i, x_char_weight(c))),
            Unit::Utf16 => s
                .char_indices()
                .try_for_each(|(i, c)| f(from + i, c.len_utf16() as u32)),
            Unit::Graphemes | Unit::MastodonChars => s
                .grapheme_indices(true)
                .try_for_each(|(i, _)| f(from + i, 1)),
        }
    };
    if matches!(unit, Unit::Graphemes | Unit::Utf16) {
        return gap(0, text.len(), &mut f);
    }
    let mut at = 0;
    for (t, charge) in charged_tokens(doc, unit) {
        gap(at, t.start, &mut f)?;
        f(t.start, charge)?;
        at = t.end;
    }
    gap(at, text.len(), &mut f)
}

/// What `unit` charges a token instead of its own length, if it charges it whole: a link is 23
/// (X and Mastodon), an emoji sequence 2 (X), and `@user@instance` only its local part
/// (Mastodon).
fn charge(doc: &Document, t: &Token, unit: Unit) -> Option<u32> {
    match (t.kind, unit) {
        (TokenKind::Url, _) if !doc.slice(t.span).contains('@') => Some(URL_WEIGHT),
        (TokenKind::Emoji, Unit::Weighted) => Some(2),
        (TokenKind::Mention, Unit::MastodonChars) => {
            let local = doc.slice(t.span)[1..].split('@').next().unwrap_or("");
            Some(1 + graphemes(local))
        }
        _ => None,
    }
}

/// The tokens `unit` charges whole, with their cost (see [`charge`]).
fn charged_tokens<'d>(doc: &'d Document, unit: Unit) -> impl Iterator<Item = (Span, u32)> + 'd {
    doc.tokens
        .iter()
        .filter_map(move |t| Some((t.span, charge(doc, t, unit)?)))
}

/// The length in `unit`: the same pieces as [`for_each_piece`], summed a gap at a time.
fn measure(doc: &Document, unit: Unit) -> u32 {
    let text = doc.text;
    let gap: fn(&str) -> u32 = match unit {
        Unit::Graphemes => return graphemes(text),
        Unit::Utf16 => return utf16(text),
        Unit::Weighted => x_weight,
        Unit::MastodonChars => graphemes,
    };
    let mut used = 0;
    let mut at = 0;
    for (t, charge) in charged_tokens(doc, unit) {
        used += gap(&text[at..t.start]) + charge;
        at = t.end;
    }
    used + gap(&text[at..])
}

/// The length in every unit (indexed by `Unit as usize`), as [`measure`] gives it, from one
/// look at the text and one pass over its tokens. A text's X weight is a sum over its code
/// points, so each charged token's own weight comes off the whole text's. Graphemes are
/// summed the same way on ASCII text, where only CR LF joins two bytes and no token holds
/// either; other text with a Mastodon-charged token is measured a gap at a time.
fn measure_all(doc: &Document) -> [u32; UNITS] {
    let text = doc.text;
    let ascii = text.is_ascii();
    let (utf16, graphemes) = if ascii {
        (text.len() as u32, ascii_graphemes(text) as u32)
    } else {
        (utf16(text), graphemes(text))
    };
    let mut weighted = x_weight(text);
    let mut mastodon = graphemes;
    let mut mastodon_charged = false;
    let charged = |t: &&Token| {
        matches!(
            t.kind,
            TokenKind::Url | TokenKind::Emoji | TokenKind::Mention
        )
    };
    for t in doc.tokens.iter().filter(charged) {
        let src = doc.slice(t.span);
        if let Some(c) = charge(doc, t, Unit::Weighted) {
            weighted = weighted - x_weight(src) + c;
        }
        if let Some(c) = charge(doc, t, Unit::MastodonChars) {
            mastodon_charged = true;
            if ascii {
                mastodon = mastodon - src.len() as u32 + c;
            }
        }
    }
    if mastodon_charged && !ascii {
        mastodon = measure(doc, Unit::MastodonChars);
    }
    let mut all = [0; UNITS];
    all[Unit::Weighted as usize] = weighted;
    all[Unit::Graphemes as usize] = graphemes;
    all[Unit::MastodonChars as usize] = mastodon;
    all[Unit::Utf16 as usize] = utf16;
    all
}

/// Byte offset of the first piece that does not fit within `limit`, if any.
pub fn overflow_start(doc: &Document, platform: Platform, limit: u32) -> Option<usize> {
    let (unit, _, _) = spec(platform, None);
    let mut used = 0;
    let mut first_over = None;
    // The rest of the text does not change the answer: stop at the first piece over.
    let _ = for_each_piece(doc, unit, |start, cost| {
        used += cost;
        if used > limit {
            first_over = Some(start);
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    });
    first_over
}

pub fn count(doc: &Document, platform: Platform, mastodon_limit: Option<u32>) -> Counter {
    let (unit, _, _) = spec(platform, mastodon_limit);
    counter(platform, measure(doc, unit), mastodon_limit)
}

/// Every platform's counter, from one measurement of every unit.
pub fn count_all(doc: &Document, mastodon_limit: Option<u32>) -> Vec<Counter> {
    let used = measure_all(doc);
    Platform::ALL
        .iter()
        .map(|&p| {
            let (unit, _, _) = spec(p, mastodon_limit);
            counter(p, used[unit as usize], mastodon_limit)
        })
        .collect()
}

fn counter(platform: Platform, used: u32, mastodon_limit: Option<u32>) -> Counter {
    let (unit, limit, fold) = spec(platform, mastodon_limit);
    Counter {
        platform,
        unit,
        used,
        limit,
        over: limit.is_some_and(|l| used > l),
        fold,
        folded: fold.is_some_and(|f| used > f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn used(text: &str, p: Platform) -> u32 {
        count(&Document::parse(text), p, None).used
    }

    #[test]
    fn counters_table() {
        use Platform::*;
        let cases: &[(&str, Platform, u32)] = &[
            ("hello", X, 5),
            (
                "see https://example.com/a/very/long/path/that/goes/on",
                X,
                4 + 23,
            ),
            ("example.com", X, 23),
            ("日本語", X, 6),
            ("😀", X, 2),
            ("👨‍👩‍👧‍👦", X, 2),
            ("🇫🇷", X, 2),
            ("café", X, 4),
            ("“quotes” – dash", X, 15),
            ("mail me@example.com", X, 19),
            ("👨‍👩‍👧‍👦", Bluesky, 1),
            ("e\u{301}", Bluesky, 1),
            ("a\r\nb", Bluesky, 3),
            (
                "hi @bob@mastodon.social https://example.com/x",
                Mastodon,
                3 + 4 + 1 + 23,
            ),
            ("😀", Linkedin, 2),
            ("\u{00A0}", Linkedin, 1),
        ];
        for &(text, p, want) in cases {
            assert_eq!(used(text, p), want, "{p:?} length of {text:?}");
        }
    }

    #[test]
    fn count_all_measures_as_count_does() {
        let texts = [
            "",
            "hello",
            "see https://example.com/x and example.com 😀",
            "hi @bob@mastodon.social https://example.com/x\r\nok",
            "@anna@x.social 日本語 👨‍👩‍👧‍👦 https://x.org/a e\u{301} a\r\nb",
            "mail me@example.com or @me 🇫🇷!",
        ];
        for text in texts {
            let doc = Document::parse(text);
            let all = count_all(&doc, Some(1000));
            for p in Platform::ALL {
                let c = all.iter().find(|c| c.platform == p).unwrap();
                assert_eq!(*c, count(&doc, p, Some(1000)), "{p:?} of {text:?}");
            }
        }
    }

    #[test]
    fn overflow_starts_at_the_first_piece_past_the_limit() {
        let text = format!("{}😀 tail", "a".repeat(279));
        let d = Document::parse(&text);
        // 279 + 2 (emoji) = 281 > 280: the emoji is the first piece over.
        assert_eq!(overflow_start(&d, Platform::X, 280), Some(279));
        assert_eq!(overflow_start(&d, Platform::Bluesky, 300), None);
    }

    #[test]
    fn limits_and_over() {
        let long = "a".repeat(281);
        let c = count(&Document::parse(&long), Platform::X, None);
        assert_eq!((c.used, c.limit, c.over), (281, Some(280), true));
        let c = count(&Document::parse(&long), Platform::Mastodon, Some(1000));
        assert_eq!((c.limit, c.over), (Some(1000), false));
        let c = count(&Document::parse(&long), Platform::Instagram, None);
        assert_eq!((c.fold, c.folded), (Some(125), true));
        assert_eq!(
            count(&Document::parse("x"), Platform::Tumblr, None).limit,
            None
        );
    }
}

#[cfg(test)]
mod grapheme_tests {
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn fast_grapheme_count_matches_full_segmentation() {
        let cases = [
            "",
            "abc",
            "a\r\nb",
            "\r\n\r\n",
            "e\u{301}te\u{301}",
            "👨‍👩‍👧‍👦 ok",
            "x🇫🇷🇩🇪y",
            "#\u{FE0F}\u{20E3}",
            "1️⃣2️⃣",
            "café au lait",
            "中文 and 日本語",
            "a\u{200D}b",
            "\r\n😀\r\n",
            "ok👍🏽ok",
            "\u{00A0}\u{00A0}",
            "a\u{301}\u{302}b",
        ];
        for s in cases {
            assert_eq!(
                super::graphemes(s),
                s.graphemes(true).count() as u32,
                "{s:?}"
            );
        }
    }
}
