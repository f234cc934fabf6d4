//! The tokenizer: whitespace chunks first (so URLs, emails and emoticons stay whole), then
//! Unicode word boundaries (UAX #29) inside each chunk, merged into mentions, hashtags, money
//! and percentages.

use std::borrow::Cow;

use super::{Document, Sentence, Span, Terminator, Token, TokenKind};
use unicode_properties::emoji::{is_regional_indicator, EmojiStatus};
use unicode_properties::UnicodeEmoji;
use unicode_segmentation::UnicodeSegmentation;

/// Text emoticons recognised as one token when they stand alone (case matters: `:D` is not `:d`).
pub const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":))", ":)))", ":]", "=)", "(:", ":d", ":D", ":-D", "xD", "XD", "xd", ";)", ";-)",
    ";D", ":p", ":P", ":-P", ":-p", ";p", ";P", ":*", ":-*", "<3", "<33", "<333", "^_^", "^^",
    "^.^", ":3", ":(", ":-(", ":((", "):", "=(", ":[", ":'(", ":'-(", ":,(", "D:", ":/", ":-/",
    ":\\", ":|", ":-|", "-_-", "-.-", "T_T", "T.T", ";_;", ":o", ":O", ":-O", "o_O", "O_o", "o.O",
    ">:(", ">:-(", "</3", ":@", ":$", "8)", "B)", "8-)", "B-)", ":')",
];

/// Top-level domains accepted for bare links like `example.com/launch` (a `www.` or scheme
/// prefix needs none). Kept to common ones: a false link hides words from every rule.
const BARE_TLDS: &[&str] = &[
    "com", "org", "net", "io", "co", "ly", "me", "app", "dev", "ai", "gl", "be", "tv", "uk", "de",
    "fr", "es", "it", "nl", "ca", "au", "in", "us", "info", "biz", "xyz", "social", "shop",
    "store", "link", "gg", "so", "to", "fm", "news", "blog", "site", "online", "tech", "edu",
    "gov",
];

/// Share of the text a quoted region must cover to count as the post itself.
const WHOLE_POST_QUOTE: f32 = 0.9;

/// Abbreviations whose final `.` does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "approx", "inc",
    "ltd", "co", "no", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "a.m", "p.m",
];

/// The longest entry of [`EMOTICONS`], in bytes.
const EMOTICON_MAX_LEN: usize = 4;

// LEXICON_EMOTICONS: see build.rs.
include!(concat!(env!("OUT_DIR"), "/emoticons.rs"));

/// The longest emoticon the lexicon scores, in bytes.
const LEXICON_EMOTICON_MAX_LEN: usize = 8;

fn is_emoticon(s: &str) -> bool {
    // No emoticon is longer than 8 bytes (ours 4, the lexicon's 8): links, tags and mentions
    // stop here without a scan.
    if s.len() > LEXICON_EMOTICON_MAX_LEN {
        return false;
    }
    // Every emoticon (ours and the lexicon's) has an ASCII mark, except the letters-only `xD`.
    let b = s.as_bytes();
    if !b.iter().any(u8::is_ascii_punctuation) && !matches!(b, b"xD" | b"XD" | b"xd") {
        return false;
    }
    (s.len() <= EMOTICON_MAX_LEN && EMOTICONS.contains(&s)) || is_lexicon_emoticon(s)
}

/// Whether a chunk is an emoticon the lexicon scores, as written (`D:` is not `d:`) or in lower
/// case.
fn is_lexicon_emoticon(s: &str) -> bool {
    LEXICON_EMOTICONS.binary_search(&s).is_ok()
        || (s.bytes().any(|b| !b.is_ascii() || b.is_ascii_uppercase())
            && LEXICON_EMOTICONS
                .binary_search(&s.to_lowercase().as_str())
                .is_ok())
}

pub fn is_emoji_token(segment: &str) -> bool {
    let Some(first) = segment.chars().next() else {
        return false;
    };
    if is_regional_indicator(first) || segment.contains('\u{20E3}') {
        return true;
    }
    if first.is_ascii() {
        return false;
    }
    match first.emoji_status() {
        EmojiStatus::NonEmoji | EmojiStatus::NonEmojiButEmojiComponent => false,
        // © and ® are text unless asked to be emoji.
        _ if matches!(first, '\u{A9}' | '\u{AE}') => segment.contains('\u{FE0F}'),
        _ => true,
    }
}

/// ASCII marks that close a word in the tokenizer's fast paths ("now!!", "great,").
fn is_closing_mark(c: u8) -> bool {
    matches!(c, b'.' | b',' | b'!' | b'?' | b';' | b')' | b'"')
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '’' | '”' | '…' | '»'
    )
}

/// Byte length of `s` without trailing punctuation that cannot end a link (a `)` stays when
/// the link has its `(`, as in Wikipedia URLs).
fn trim_link_end(s: &str) -> usize {
    let mut end = s.len();
    while let Some(c) = s[..end].chars().next_back() {
        // Parentheses are ASCII: count bytes (no char searcher per trailing mark).
        let count = |p: u8| s.as_bytes()[..end].iter().filter(|&&b| b == p).count();
        let keep_paren = c == ')' && count(b'(') >= count(b')');
        if is_closing_punct(c) && !keep_paren {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// What starts a link inside a chunk, in lower case. `watch?v=` and `youtu.be/` are video links
/// pasted without their scheme. Each starts with `h`, `w` or `y` (see [`link_start`]).
const LINK_MARKERS: [&str; 5] = ["https://", "http://", "www.", "watch?v=", "youtu.be/"];

/// Where a scheme or `www.` link starts inside a chunk, if it does.
fn link_start(chunk: &str) -> Option<usize> {
    // Every marker below has a '/', a "w." or a "?v="; most chunks have none (a word that
    // ends a sentence has a '.', so that byte alone lets too many through).
    let b = chunk.as_bytes();
    let maybe = b.contains(&b'/')
        || b.windows(2)
            .any(|w| w[1] == b'.' && w[0].eq_ignore_ascii_case(&b'w'))
        || b.windows(3)
            .any(|w| w[0] == b'?' && w[1].eq_ignore_ascii_case(&b'v') && w[2] == b'=');
    if !maybe {
        return None;
    }
    // The first place of each marker in any case (what `find` in a lower-cased copy gives), in
    // one pass without the copy; only bytes that can open a marker are compared.
    let mut first = [None; LINK_MARKERS.len()];
    for (i, c) in b.iter().enumerate() {
        if !matches!(c.to_ascii_lowercase(), b'h' | b'w' | b'y') {
            continue;
        }
        for (at, marker) in first.iter_mut().zip(LINK_MARKERS) {
            if at.is_none()
                && b[i..]
                    .get(..marker.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(marker.as_bytes()))
            {
                *at = Some(i);
            }
        }
    }
    first
        .into_iter()
        .flatten()
        .filter(|&i| {
            i == 0
                || !chunk[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
        .min()
}

/// `example.com`, `shop.example.co/path`: a bare domain with a known top-level domain.
fn is_bare_domain(s: &str) -> bool {
    let host = s.split('/').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || !s[host.len()..].is_empty() && !s[host.len()..].starts_with('/') {
        return false;
    }
    let tld = labels[labels.len() - 1].to_ascii_lowercase();
    BARE_TLDS.contains(&tld.as_str())
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels[..labels.len() - 1]
            .iter()
            .any(|l| l.chars().any(|c| c.is_ascii_alphabetic()))
}

fn is_email(s: &str) -> bool {
    // A byte scan for the '@' (most chunks are short and have none), not a char searcher.
    match s.bytes().position(|b| b == b'@') {
        Some(at) => {
            let (user, domain) = (&s[..at], &s[at + 1..]);
            !user.is_empty()
                && user
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'))
                && domain.contains('.')
                && is_bare_domain(domain)
        }
        None => false,
    }
}

/// The kind of token a number segment forms with its neighbour: money for a currency sign
/// before it (`$50`) or after it (`50€`, unless another number follows), percent for `%`.
fn number_pair(seg: &str, next: Option<&str>, after: Option<&str>) -> Option<TokenKind> {
    let starts_digit = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    let next = next?;
    if is_currency(seg) && starts_digit(next) {
        return Some(TokenKind::Money);
    }
    if !starts_digit(seg) || seg.contains('\u{20E3}') {
        return None;
    }
    if next == "%" {
        Some(TokenKind::Percent)
    } else if is_currency(next) && !after.is_some_and(starts_digit) {
        Some(TokenKind::Money)
    } else {
        None
    }
}

fn is_currency(s: &str) -> bool {
    matches!(
        s,
        "$" | "€" | "£" | "¥" | "₹" | "₩" | "₽" | "₺" | "₦" | "R$" | "US$"
    )
}

struct Builder<'a> {
    text: &'a str,
    tokens: Vec<Token<'a>>,
    /// Token indices before which a line break stood.
    line_breaks: Vec<usize>,
    /// Scratch for [`Builder::segments`], kept between chunks so it allocates once per text.
    segs: Vec<(usize, &'a str)>,
    /// The text's ASCII lower case, if the caller has it: ASCII words borrow their lower case
    /// from it rather than allocating one each.
    folded: Option<&'a str>,
}

impl<'a> Builder<'a> {
    fn push(&mut self, kind: TokenKind, start: usize, end: usize, space_before: bool) {
        // Lower case with curly apostrophes folded, so "don’t" looks up as "don't"; borrowed
        // when the word is lower case already (most are).
        let src: &'a str = &self.text[start..end];
        let lower = if kind != TokenKind::Word {
            Cow::Borrowed("")
        } else if src.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            // ASCII without capitals is its own lower case.
            Cow::Borrowed(src)
        } else if src.is_ascii() {
            self.ascii_lower(start, end)
        } else if src.contains('’') {
            Cow::Owned(src.to_lowercase().replace('’', "'"))
        } else {
            Cow::Owned(src.to_lowercase())
        };
        self.push_lower(kind, start, end, space_before, lower);
    }

    /// The lower case of an ASCII stretch of the text with capitals.
    #[inline]
    fn ascii_lower(&self, start: usize, end: usize) -> Cow<'a, str> {
        match self.folded {
            Some(folded) => Cow::Borrowed(&folded[start..end]),
            None => Cow::Owned(self.text[start..end].to_ascii_lowercase()),
        }
    }

    /// [`Builder::push`] with the lower case already known.
    fn push_lower(
        &mut self,
        kind: TokenKind,
        start: usize,
        end: usize,
        space_before: bool,
        lower: Cow<'a, str>,
    ) {
        self.tokens.push(Token {
            kind,
            span: Span::new(start, end),
            lower,
            info: Default::default(),
            quoted: false,
            sentence: 0,
            space_before,
        });
    }

    fn chunk(&mut self, start: usize, end: usize) {
        let s = &self.text[start..end];
        if self.plain_word(start, end) {
            return;
        }
        if let Some(at) = link_start(s) {
            if at > 0 {
                self.segments(start, start + at, true);
            }
            let link_end = start + at + trim_link_end(&s[at..]);
            self.push(TokenKind::Url, start + at, link_end, at == 0);
            if link_end < end {
                self.segments(link_end, end, false);
            }
            return;
        }
        // Leading brackets/quotes and trailing punctuation around a whole-chunk item.
        let lead = s.len()
            - s.trim_start_matches(['(', '[', '"', '\'', '“', '‘', '«'])
                .len();
        let core_end = lead + trim_link_end(&s[lead..]);
        let core = &s[lead..core_end];
        let kind = if is_emoticon(s) {
            // The emoticon is the whole chunk, brackets and all.
            self.push(TokenKind::Emoticon, start, end, true);
            return;
        } else if !core.is_empty() && core.len() < s.len() && is_emoticon(core) {
            Some(TokenKind::Emoticon)
        } else if is_email(core) || (core.contains('.') && is_bare_domain(core)) {
            Some(TokenKind::Url)
        } else {
            None
        };
        match kind {
            Some(kind) => {
                if lead > 0 {
                    self.segments(start, start + lead, true);
                }
                self.push(kind, start + lead, start + core_end, lead == 0);
                if core_end < s.len() {
                    self.segments(start + core_end, end, false);
                }
            }
            None => {
                if !self.plain_tag(start, end) {
                    self.segments(start, end, true)
                }
            }
        }
    }

    /// Fast path for the commonest chunks after plain words: an ASCII `@name` or `#tag` followed
    /// by closing marks, tokenised as [`Builder::segments`] would ("@anna!", "#tbt."): letters,
    /// digits and `_` are one UAX #29 word, and each trailing mark its own segment.
    fn plain_tag(&mut self, start: usize, end: usize) -> bool {
        let b = &self.text.as_bytes()[start..end];
        let kind = match b.first() {
            Some(b'@') => TokenKind::Mention,
            Some(b'#') => TokenKind::Hashtag,
            _ => return false,
        };
        let n = 1 + b[1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count();
        // A ':' closes a tag ("@anna:"); after a plain word it is left to the long way ("D:").
        if n < 2 || !self.all_marks(start + n, end, |c| c == b':' || is_closing_mark(c)) {
            return false;
        }
        self.push(kind, start, start + n, true);
        self.push_marks(start + n, end);
        true
    }

    /// Fast path for most chunks: an ASCII word (with inner apostrophes) followed by closing
    /// marks, as UAX #29 would split it: "great", "don't,", "now!!". The letter-only emoticons
    /// (`xD`) go the long way.
    fn plain_word(&mut self, start: usize, end: usize) -> bool {
        let b = &self.text.as_bytes()[start..end];
        let mut n = 0;
        let mut capitals = false;
        while n < b.len()
            && (b[n].is_ascii_alphabetic()
                || (b[n] == b'\'' && n > 0 && b.get(n + 1).is_some_and(u8::is_ascii_alphabetic)))
        {
            capitals |= b[n].is_ascii_uppercase();
            n += 1;
        }
        if n == 0
            || (n == b.len() && matches!(b, b"xD" | b"XD" | b"xd"))
            || !self.all_marks(start + n, end, is_closing_mark)
        {
            return false;
        }
        // ASCII letters and apostrophes: the lower case is a byte map, and the word itself when
        // it has no capital (what `push` would find with a second scan).
        let word: &'a str = &self.text[start..start + n];
        let lower = if capitals {
            self.ascii_lower(start, start + n)
        } else {
            Cow::Borrowed(word)
        };
        self.push_lower(TokenKind::Word, start, start + n, true, lower);
        self.push_marks(start + n, end);
        true
    }

    /// Whether every byte of `[mid, end)` is a mark `closes` accepts: then the fast paths take
    /// the chunk, and each of those bytes is a punctuation token of its own, as UAX #29 splits
    /// them.
    fn all_marks(&self, mid: usize, end: usize, closes: impl Fn(u8) -> bool) -> bool {
        self.text.as_bytes()[mid..end].iter().all(|&c| closes(c))
    }

    /// The fast paths' common end: each byte of `[mid, end)` (marks, see [`Builder::all_marks`])
    /// as a punctuation token.
    fn push_marks(&mut self, mid: usize, end: usize) {
        for i in mid..end {
            self.push_lower(TokenKind::Punct, i, i + 1, false, Cow::Borrowed(""));
        }
    }

    /// Tokens from UAX #29 word boundaries inside `[start, end)`, merging `@name`, `#tag`,
    /// `$50` and `50%`.
    fn segments(&mut self, start: usize, end: usize, mut space_before: bool) {
        let s: &'a str = &self.text[start..end];
        let mut segs = std::mem::take(&mut self.segs);
        segs.clear();
        segs.extend(s.split_word_bound_indices());
        let mut i = 0;
        while i < segs.len() {
            let (off, seg) = segs[i];
            let abs = start + off;
            let next = segs.get(i + 1).map(|&(_, n)| n);
            let first = seg.chars().next().unwrap_or(' ');
            let next_is_word = next.is_some_and(|n| {
                n.chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
            if (seg == "@" || seg == "#")
                && next_is_word
                && (space_before || !self.prev_is_word_at(abs))
            {
                let kind = if seg == "@" {
                    TokenKind::Mention
                } else {
                    TokenKind::Hashtag
                };
                let mut stop = i + 2;
                // Fediverse handles: @user@instance.social
                if kind == TokenKind::Mention && segs.get(stop).is_some_and(|&(_, s)| s == "@") {
                    if let Some(&(_, host)) = segs.get(stop + 1) {
                        if host.contains('.') {
                            stop += 2;
                        }
                    }
                }
                let stop_off = segs.get(stop).map_or(s.len(), |&(o, _)| o);
                self.push(kind, abs, start + stop_off, space_before);
                i = stop;
            } else if let Some(kind) = number_pair(seg, next, segs.get(i + 2).map(|&(_, n)| n)) {
                // `$50`, `50%`, `50€`: a number and its sign are one token.
                let (noff, nseg) = segs[i + 1];
                self.push(kind, abs, start + noff + nseg.len(), space_before);
                i += 2;
            } else if first.is_ascii_digit() && !seg.contains('\u{20E3}') {
                self.push(TokenKind::Number, abs, abs + seg.len(), space_before);
                i += 1;
            } else if is_emoji_token(seg) {
                self.push(TokenKind::Emoji, abs, abs + seg.len(), space_before);
                i += 1;
            } else if seg.chars().any(|c| c.is_alphanumeric()) {
                // Hyphenated compounds ("well-known", "mock-ups") are one word.
                let mut stop = i + 1;
                while stop + 1 < segs.len()
                    && matches!(segs[stop].1, "-" | "‐")
                    && segs[stop + 1]
                        .1
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                    && !is_emoji_token(segs[stop + 1].1)
                {
                    stop += 2;
                }
                let stop_off = segs.get(stop).map_or(s.len(), |&(o, _)| o);
                self.push(TokenKind::Word, abs, start + stop_off, space_before);
                i = stop;
            } else if seg.trim().is_empty() {
                i += 1;
            } else {
                self.push(TokenKind::Punct, abs, abs + seg.len(), space_before);
                i += 1;
            }
            space_before = false;
        }
        self.segs = segs;
    }

    fn prev_is_word_at(&self, at: usize) -> bool {
        self.tokens
            .last()
            .is_some_and(|t| t.span.end == at && t.kind == TokenKind::Word)
    }
}

fn is_sentence_end(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if matches!(t.kind, TokenKind::Emoji | TokenKind::Url) {
        // "Sunday reset ✨ What's yours?", "Notes: https://… What do you think?": a link or an
        // emoji before a capitalised word ends its sentence, as a full stop would.
        return tokens.get(i + 1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && n.space_before
                && is_title_word(&text[n.span.start..n.span.end])
        });
    }
    if t.kind != TokenKind::Punct {
        return false;
    }
    let p = &text[t.span.start..t.span.end];
    if !matches!(p, "." | "!" | "?" | "…" | "‼" | "⁉" | "？" | "！" | "。") {
        return false;
    }
    // A run of terminators ends at its last mark.
    if let Some(next) = tokens.get(i + 1) {
        if next.span.start == t.span.end && next.kind == TokenKind::Punct {
            let n = &text[next.span.start..next.span.end];
            if matches!(n, "." | "!" | "?" | "…" | "‼" | "⁉" | "？" | "！") {
                return false;
            }
        }
    }
    if p == "." && i > 0 {
        let prev = &tokens[i - 1];
        if prev.span.end == t.span.start
            && prev.kind == TokenKind::Word
            && ABBREVIATIONS.contains(&prev.lower.as_ref())
        {
            return false;
        }
    }
    true
}

/// A word written as a sentence starts: a capital, then no other capital ("What", "I").
fn is_title_word(word: &str) -> bool {
    let mut c = word.chars();
    c.next().is_some_and(char::is_uppercase) && !c.any(char::is_uppercase)
}

fn terminator(text: &str, tokens: &[Token]) -> Terminator {
    // The run of marks at the end of the sentence, closing quotes/brackets aside.
    let mut q = false;
    let mut e = false;
    let mut p = false;
    for t in tokens.iter().rev() {
        if t.kind != TokenKind::Punct {
            break;
        }
        match &text[t.span.start..t.span.end] {
            "?" | "？" => q = true,
            "!" | "！" | "‼" => e = true,
            "⁉" => {
                q = true;
                e = true
            }
            "." | "…" | "。" => p = true,
            "\"" | "”" | "'" | "’" | ")" | "»" => {}
            _ => break,
        }
    }
    match (q, e, p) {
        (true, true, _) => Terminator::Interrobang,
        (true, false, _) => Terminator::Question,
        (false, true, _) => Terminator::Exclamation,
        (false, false, true) => Terminator::Period,
        _ => Terminator::None,
    }
}

/// `folded`: the text's ASCII lower case (same length), if the caller has it.
pub fn parse<'a>(text: &'a str, folded: Option<&'a str>) -> Document<'a> {
    debug_assert!(folded.is_none_or(|f| f.len() == text.len()));
    let mut b = Builder {
        text,
        // About one token per five bytes of English; sized once rather than grown.
        tokens: Vec::with_capacity(text.len() / 5 + 4),
        line_breaks: Vec::new(),
        segs: Vec::new(),
        folded,
    };
    let mut chunk_start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Printable ASCII inside a chunk (most bytes) neither ends nor starts one: one byte
        // test, no char decoding or whitespace lookup.
        if chunk_start.is_some() && bytes[i].is_ascii_graphic() {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("i is on a char boundary");
        // Zero-width spaces and byte-order marks separate like spaces (ZWJ stays: it joins emoji).
        if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}') {
            if let Some(s) = chunk_start.take() {
                b.chunk(s, i);
            }
            if c == '\n' || c == '\u{2028}' || c == '\u{2029}' {
                b.line_breaks.push(b.tokens.len());
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
        i += c.len_utf8();
    }
    if let Some(s) = chunk_start {
        b.chunk(s, text.len());
    }
    let Builder {
        mut tokens,
        line_breaks,
        ..
    } = b;

    // Quoted regions: straight double quotes pair up in order; curly and guillemets by side.
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Punct {
            continue;
        }
        match &text[t.span.start..t.span.end] {
            "\"" => match open {
                Some(o) => {
                    quotes.push((o, i));
                    open = None
                }
                None => open = Some(i),
            },
            "“" | "«" => open = Some(i),
            "”" | "»" => {
                if let Some(o) = open.take() {
                    quotes.push((o, i));
                }
            }
            _ => {}
        }
    }
    single_quotes(text, &tokens, &mut quotes);
    // A quote around (nearly) the whole post is the post itself, not someone else's words.
    let wraps_all = |&(o, c): &(usize, usize)| {
        let inside = tokens[c].span.end - tokens[o].span.start;
        inside as f32 >= WHOLE_POST_QUOTE * text.trim().len() as f32
    };
    quotes.retain(|q| !wraps_all(q));
    for &(o, c) in &quotes {
        for t in &mut tokens[o + 1..c] {
            t.quoted = true;
        }
    }
    // Code and quoted lines are not the writer's own words either.
    for region in code_and_quoted_lines(text) {
        // Tokens are in text order: the region's are one range.
        let first = tokens.partition_point(|t| t.span.start < region.start);
        for t in tokens[first..]
            .iter_mut()
            .take_while(|t| t.span.end <= region.end)
        {
            t.quoted = true;
        }
    }
    let quotes = quotes
        .iter()
        .map(|&(o, c)| tokens[o].span.join(tokens[c].span))
        .collect();

    // Sentences: after terminator runs and at line breaks.
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut breaks = line_breaks.iter().peekable();
    for i in 0..tokens.len() {
        while breaks.peek().is_some_and(|&&b| b <= i) {
            let b = *breaks.next().unwrap();
            if b > first {
                sentences.push(make_sentence(text, &tokens, first, b));
                first = b;
            }
        }
        if is_sentence_end(text, &tokens, i) {
            // Closing quotes or brackets right after the mark belong to the sentence.
            let mut end = i + 1;
            while end < tokens.len()
                && tokens[end].span.start == tokens[end - 1].span.end
                && matches!(
                    &text[tokens[end].span.start..tokens[end].span.end],
                    "\"" | "”" | "'" | "’" | ")" | "»"
                )
            {
                end += 1;
            }
            if end > first {
                sentences.push(make_sentence(text, &tokens, first, end));
                first = end;
            }
        }
    }
    if first < tokens.len() {
        sentences.push(make_sentence(text, &tokens, first, tokens.len()));
    }
    for (si, s) in sentences.iter().enumerate() {
        for t in &mut tokens[s.tokens.clone()] {
            t.sentence = si;
        }
    }
    Document {
        text,
        tokens,
        sentences,
        quotes,
        stretched: super::has_stretch(text.as_bytes()),
    }
}

/// Byte ranges that hold someone else's words or no words at all: code (a fenced ``` block or
/// an inline `span`) and quoted lines (a line that opens with ">", as Reddit, Mastodon and mail
/// quote). Their numbers are not statistics and their insults not the writer's.
fn code_and_quoted_lines(text: &str) -> Vec<Span> {
    let mut regions = Vec::new();
    if text.contains('`') {
        let mut rest = 0;
        while let Some(open) = text[rest..].find('`').map(|i| rest + i) {
            let fence = if text[open..].starts_with("```") {
                "```"
            } else {
                "`"
            };
            let from = open + fence.len();
            match text[from..].find(fence) {
                // An inline span stays on its line.
                Some(len) if fence == "```" || !text[from..from + len].contains('\n') => {
                    regions.push(Span::new(open, from + len + fence.len()));
                    rest = from + len + fence.len();
                }
                _ => rest = from,
            }
        }
    }
    if text.contains('>') {
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            if line.trim_start().starts_with('>') && !line.trim_start().starts_with(">:") {
                regions.push(Span::new(start, start + line.trim_end().len()));
            }
            start += line.len();
        }
    }
    regions
}

/// Single-quoted regions, straight (`'…'`) or curly (`‘…’`), added to `quotes` in order. An
/// apostrophe is no quote mark: an opening one stands after a space and right before a word
/// (not `'90s`), a closing one right after a word and before a space, a mark or the end
/// (`students' work` closes nothing that opened), and a quote ends on its line and holds a word
/// of two letters or more (`rock 'n' roll` quotes nothing).
fn single_quotes(text: &str, tokens: &[Token], quotes: &mut Vec<(usize, usize)>) {
    let mark = |t: &Token, marks: &[&str]| {
        t.kind == TokenKind::Punct && marks.contains(&&text[t.span.start..t.span.end])
    };
    let mut open: Option<usize> = None;
    let mut found = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1);
        let glued_next = next.is_some_and(|n| n.span.start == t.span.end);
        let glued_prev = i > 0 && tokens[i - 1].span.end == t.span.start;
        if let Some(o) = open {
            if text[tokens[o].span.end..t.span.start].contains('\n') {
                open = None;
            }
        }
        if open.is_some() && mark(t, &["'", "’"]) && glued_prev && !glued_next_word(text, t) {
            let o = open.take().expect("checked");
            let has_word = tokens[o + 1..i]
                .iter()
                .any(|w| w.kind == TokenKind::Word && w.span.len() >= 2);
            if has_word {
                found.push((o, i));
            }
        } else if mark(t, &["'", "‘"])
            && (t.space_before || i == 0)
            && glued_next
            && next.is_some_and(|n| n.kind == TokenKind::Word)
        {
            open = Some(i);
        }
    }
    if !found.is_empty() {
        quotes.extend(found);
        // Through the shared sort (see `crate::sort`): no sort of its own in the wasm.
        crate::sort::by_key(quotes, |&(o, c)| ((o as u128) << 64) | c as u128);
    }
}

/// Whether a letter or digit follows a mark directly (then it is an apostrophe inside a word).
fn glued_next_word(text: &str, t: &Token) -> bool {
    text[t.span.end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
}

fn make_sentence(text: &str, tokens: &[Token], first: usize, end: usize) -> Sentence {
    let span = tokens[first].span.join(tokens[end - 1].span);
    Sentence {
        span,
        tokens: first..end,
        terminator: terminator(text, &tokens[first..end]),
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    fn builder(text: &str) -> Builder<'_> {
        Builder {
            text,
            tokens: Vec::new(),
            line_breaks: Vec::new(),
            segs: Vec::new(),
            folded: None,
        }
    }

    #[test]
    fn plain_tag_tokenises_as_word_segmentation_does() {
        // Every chunk of up to four characters after `@` or `#` from an alphabet of letters,
        // digits, joiners and marks: where the fast path answers, it answers as UAX #29 does.
        let alphabet = [
            "a", "Z", "7", "_", "'", ".", ",", ":", "!", "?", ")", "\"", "-", "@", "é",
        ];
        let mut suffixes = vec![String::new()];
        let mut all = Vec::new();
        for _ in 0..4 {
            suffixes = suffixes
                .iter()
                .flat_map(|s| alphabet.iter().map(move |a| format!("{s}{a}")))
                .collect();
            all.extend(suffixes.iter().cloned());
        }
        let mut taken = 0;
        for lead in ["@", "#"] {
            for suffix in &all {
                let chunk = format!("{lead}{suffix}");
                let mut fast = builder(&chunk);
                if !fast.plain_tag(0, chunk.len()) {
                    continue;
                }
                taken += 1;
                let mut full = builder(&chunk);
                full.segments(0, chunk.len(), true);
                assert_eq!(fast.tokens, full.tokens, "{chunk:?}");
            }
        }
        assert!(taken > 1000);
    }
}
