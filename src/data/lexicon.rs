//! The tone lexicon: VADER's word list plus emoji valences and Rapport's own overrides.
//!
//! The TSV files are the source of truth (with provenance and licence). `build.rs` includes
//! this file, parses and checks them with [`Lexicon::parse`] (a bad line fails the build with
//! its file and line) and writes the [compact form](Lexicon::encode) that the engine decodes
//! at its cold start: ~10 KB smaller gzipped, and no text to parse in the extension worker.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const VADER: &str = include_str!("lexicon/vader.tsv");
const EMOJI: &str = include_str!("lexicon/emoji.tsv");
const OVERRIDES: &str = include_str!("lexicon/overrides.tsv");

/// Valences on VADER's scale, −4 (most negative) to +4 (most positive).
pub struct Lexicon {
    words: FastMap<&'static str, f32>,
}

/// A map keyed by the engine's own fixed word lists.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// FxHash's word-at-a-time mixing with a murmur3 finaliser, for maps whose keys are the crate's
/// own data. Text being analysed only looks keys up, it never inserts, so SipHash's resistance
/// to chosen collisions buys nothing; this is ~3× cheaper per lookup and per insert. The
/// finaliser spreads every input bit into the low bits that pick the bucket.
#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

impl FastHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The 1–7 bytes left, little-endian and zero-padded, from two overlapping loads
            // (or three single bytes) rather than a copy into a padded buffer (a memcpy call).
            let n = rest.len();
            let last = if n >= 4 {
                let word = |i: usize| {
                    u64::from(u32::from_le_bytes(
                        rest[i..i + 4].try_into().expect("4 bytes"),
                    ))
                };
                word(0) | word(n - 4) << (8 * (n - 4))
            } else {
                u64::from(rest[0])
                    | u64::from(rest[n / 2]) << (8 * (n / 2))
                    | u64::from(rest[n - 1]) << (8 * (n - 1))
            };
            self.add(last ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        // What `write` gives for the eight little-endian bytes.
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// Parses a valence written `-?D+(.D+)?` with at most 7 digits, giving exactly the `f32` that
/// `str::parse` gives: the digits and the power of ten are exact in `f32`, so the one division
/// rounds correctly (Clinger's fast path, which is also the general parser's first step). It
/// keeps the general float parser (~14 KB) out of the wasm and is ~5× faster.
fn parse_valence(text: &str) -> Option<f32> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) if !f.is_empty() => (i, f),
        Some(_) => return None,
        None => (digits, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !all_digits(int) || !all_digits(frac) || int.len() + frac.len() > 7 {
        return None;
    }
    let mantissa = int
        .bytes()
        .chain(frac.bytes())
        .fold(0u32, |m, b| m * 10 + (b - b'0') as u32);
    let value = mantissa as f32 / 10f32.powi(frac.len() as i32);
    Some(if negative { -value } else { value })
}

/// An entry is an emoticon when it has a mark that is not a word's own apostrophe or hyphen.
pub fn is_emoticon_entry(token: &str) -> bool {
    // The byte test first: it rejects most entries, and ASCII marks are single bytes.
    token
        .bytes()
        .any(|b| b.is_ascii_punctuation() && b != b'\'' && b != b'-')
        && token.chars().count() >= 2
}

/// A line of a lexicon file that is not `token<TAB>valence`.
#[derive(Debug, PartialEq)]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub reason: String,
}

/// The three lexicon files, in the order they apply (later ones may replace only in overrides).
pub const FILES: [(&str, &str, bool); 3] = [
    ("vader.tsv", VADER, false),
    ("emoji.tsv", EMOJI, false),
    ("overrides.tsv", OVERRIDES, true),
];

/// Parses every line of one lexicon file into `words`, checking the schema.
pub fn parse_into(
    file: &'static str,
    src: &'static str,
    mut insert: impl FnMut(&'static str, f32) -> bool,
    allow_replace: bool,
) -> Result<(), LexiconError> {
    for (n, raw) in src.lines().enumerate() {
        let line = match raw.find(" #") {
            Some(i) if allow_replace => raw[..i].trim_end(),
            _ => raw,
        };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |reason: String| LexiconError {
            file,
            line: n + 1,
            reason,
        };
        let (token, value) = line
            .split_once('\t')
            .ok_or_else(|| err("expected token<TAB>valence".into()))?;
        let text = value.trim();
        let value =
            parse_valence(text).ok_or_else(|| err(format!("valence {value:?} is not a number")))?;
        if !(-4.0..=4.0).contains(&value) {
            return Err(err(format!("valence {text} is outside -4..4")));
        }
        if token.is_empty() || token != token.trim() {
            return Err(err("empty or padded token".into()));
        }
        if insert(token, value) && !allow_replace {
            return Err(err(format!("duplicate token {token:?}")));
        }
    }
    Ok(())
}

impl Lexicon {
    /// Every token, in no particular order.
    pub fn tokens(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.keys().copied()
    }

    pub fn parse() -> Result<Lexicon, LexiconError> {
        // Sized for every entry (~7,600), so the table is built without rehashing.
        let mut words = FastMap::with_capacity_and_hasher(
            VADER.len() / 12 + EMOJI.len() / 8 + OVERRIDES.len() / 8,
            Default::default(),
        );
        for (file, src, replace) in FILES {
            parse_into(file, src, |t, v| words.insert(t, v).is_some(), replace)?;
        }
        Ok(Lexicon { words })
    }

    /// The compact form: `count` (u32, little-endian); then per token in byte order the length
    /// of the prefix it shares with the token before (u8, on a char boundary), the rest of the
    /// token and a 0 byte; then per token one byte, `valence × 10 + 40` (0..=80), plus
    /// [`EMOTICON_BIT`] when [`is_emoticon_entry`] holds, so the cold start need not test every
    /// token again. Every valence must be a multiple of 0.1 (all of VADER's are), so [`decode`]
    /// gives back the exact `f32`.
    pub fn encode(&self) -> Result<Vec<u8>, String> {
        let mut entries: Vec<(&str, f32)> = self.words.iter().map(|(&t, &v)| (t, v)).collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut out = Vec::with_capacity(entries.len() * 8);
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        let mut prev = "";
        for &(token, _) in &entries {
            if token.contains('\0') {
                return Err(format!("token {token:?} contains a NUL"));
            }
            let mut shared = token
                .bytes()
                .zip(prev.bytes())
                .take_while(|(a, b)| a == b)
                .count()
                .min(255);
            while !token.is_char_boundary(shared) {
                shared -= 1;
            }
            out.push(shared as u8);
            out.extend_from_slice(&token.as_bytes()[shared..]);
            out.push(0);
            prev = token;
        }
        for &(token, valence) in &entries {
            let tenths = (valence * 10.0).round();
            if (tenths / 10.0 - valence).abs() > 1e-6 {
                return Err(format!(
                    "valence {valence} of {token:?} is not a multiple of 0.1"
                ));
            }
            let flag = if is_emoticon_entry(token) {
                EMOTICON_BIT
            } else {
                0
            };
            out.push((tenths as i32 + 40) as u8 | flag);
        }
        Ok(out)
    }

    /// Valence of a lower-cased token (or emoji/emoticon as written).
    pub fn valence(&self, token: &str) -> Option<f32> {
        self.words.get(token).copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The tokens of an [encoded](Lexicon::encode) lexicon, one after another in `text`, each with
/// its byte range there and its valence.
pub struct Decoded {
    pub text: String,
    pub entries: Vec<Entry>,
}

/// One decoded lexicon token: its byte range in [`Decoded::text`] and what the build knew of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub start: u32,
    pub end: u32,
    pub valence: f32,
    /// [`is_emoticon_entry`], as the build computed it.
    pub emoticon: bool,
}

/// Marks an emoticon entry in its valence byte (valence bytes are 0..=80).
pub const EMOTICON_BIT: u8 = 0x80;

/// Reads [`Lexicon::encode`]'s output. The blob is compiled in and was checked by the build, so
/// a malformed one is a build bug and panics.
pub fn decode(blob: &[u8]) -> Decoded {
    let count = u32::from_le_bytes(blob[..4].try_into().expect("4 bytes")) as usize;
    let mut text: Vec<u8> = Vec::with_capacity(blob.len());
    let mut ranges = Vec::with_capacity(count);
    let mut i = 4;
    let mut prev = 0;
    for _ in 0..count {
        let shared = blob[i] as usize;
        let rest = blob[i + 1..]
            .iter()
            .position(|&b| b == 0)
            .expect("each token ends with a 0 byte");
        let start = text.len();
        text.extend_from_within(prev..prev + shared);
        text.extend_from_slice(&blob[i + 1..i + 1 + rest]);
        ranges.push((start as u32, text.len() as u32));
        prev = start;
        i += rest + 2;
    }
    let entries = ranges
        .into_iter()
        .zip(&blob[i..i + count])
        .map(|((start, end), &v)| Entry {
            start,
            end,
            valence: ((v & !EMOTICON_BIT) as i32 - 40) as f32 / 10.0,
            emoticon: v & EMOTICON_BIT != 0,
        })
        .collect();
    Decoded {
        text: String::from_utf8(text).expect("the build wrote UTF-8 tokens"),
        entries,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hasher_reads_the_tail_as_a_zero_padded_word() {
        let text = b"abcdefghijklmnopqrstu\xff\x80";
        for n in 0..=text.len() {
            let bytes = &text[..n];
            let mut fast = FastHasher::default();
            fast.write(bytes);
            let mut reference = FastHasher::default();
            let mut chunks = bytes.chunks_exact(8);
            for c in &mut chunks {
                reference.add(u64::from_le_bytes(c.try_into().unwrap()));
            }
            let rest = chunks.remainder();
            if !rest.is_empty() {
                let mut last = [0u8; 8];
                last[..rest.len()].copy_from_slice(rest);
                reference.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
            }
            assert_eq!(fast.finish(), reference.finish(), "{n} bytes");
        }
    }

    #[test]
    fn compact_form_gives_back_every_entry_exactly() {
        let lex = Lexicon::parse().unwrap();
        let decoded = decode(&lex.encode().unwrap());
        assert_eq!(decoded.entries.len(), lex.len());
        let mut previous = "";
        let mut emoticons = 0;
        for entry in &decoded.entries {
            let token = &decoded.text[entry.start as usize..entry.end as usize];
            assert!(token > previous, "sorted and unique: {token:?}");
            assert_eq!(
                lex.valence(token).map(f32::to_bits),
                Some(entry.valence.to_bits()),
                "{token}"
            );
            assert_eq!(entry.emoticon, is_emoticon_entry(token), "{token}");
            emoticons += entry.emoticon as usize;
            previous = token;
        }
        assert!(
            emoticons > 50,
            "the flag marks VADER's emoticons: {emoticons}"
        );
        let mut odd = Lexicon {
            words: FastMap::default(),
        };
        odd.words.insert("meh", 0.25);
        assert!(odd.encode().unwrap_err().contains("multiple of 0.1"));
    }

    #[test]
    fn built_in_lexicon_parses() {
        let lex = Lexicon::parse().unwrap();
        assert!(lex.len() > 7000);
        assert_eq!(lex.valence("good"), Some(1.9));
        assert_eq!(lex.valence("hate"), Some(-2.7));
        assert!(lex.valence("😂").unwrap() > 0.0);
    }

    #[test]
    fn bad_lines_are_named() {
        let parse = |src: &'static str| {
            let mut words: FastMap<&'static str, f32> = FastMap::default();
            parse_into("t", src, |t, v| words.insert(t, v).is_some(), false).unwrap_err()
        };
        let e = parse("good\t1\nbad 2\n");
        assert_eq!(
            (e.line, e.reason.as_str()),
            (2, "expected token<TAB>valence")
        );
        assert!(parse("good\tx\n").reason.contains("not a number"));
        assert!(parse("good\t9\n").reason.contains("outside"));
        assert!(parse("a\t1\na\t2\n").reason.contains("duplicate"));
    }

    #[test]
    fn valences_parse_exactly_as_str_parse() {
        for text in [
            "0", "-0", "1", "-4", "4", "1.9", "-2.7", "0.05", "3.45", "-1.333", "1234567",
            "0.000001",
        ] {
            assert_eq!(parse_valence(text), text.parse::<f32>().ok(), "{text}");
            assert_eq!(
                parse_valence(text).map(f32::to_bits),
                text.parse::<f32>().ok().map(f32::to_bits)
            );
        }
        // Every tenth and hundredth in range, both signs.
        for n in 0..=400 {
            for text in [
                format!("{}.{}", n / 100, n % 100),
                format!("-{}.{:02}", n / 100, n % 100),
            ] {
                assert_eq!(parse_valence(&text), text.parse::<f32>().ok(), "{text}");
            }
        }
        for bad in [
            "", "-", "x", "1.", ".5", "+1", "1e3", "1.2.3", "12345678", "1 .5", "--1",
        ] {
            assert_eq!(parse_valence(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn fast_hasher_spreads_keys_over_buckets() {
        use std::hash::BuildHasher;
        let build = BuildHasherDefault::<FastHasher>::default();
        let lex = Lexicon::parse().unwrap();
        let mut buckets = std::collections::HashSet::new();
        for word in lex.words.keys() {
            buckets.insert(build.hash_one(word) & 0x3fff);
        }
        // 7,600 keys over 16,384 buckets: a uniform hash fills ~5,900 distinct ones.
        assert!(buckets.len() > 5_500, "{} distinct buckets", buckets.len());
    }
}
