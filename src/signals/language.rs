//! Which language the draft is in, well enough to keep the English rule sets quiet on others.
//!
//! Two cheap steps: the script of the letters (most non-Latin scripts decide it alone), then,
//! for Latin script, common function words of English against those of a few other languages.

use crate::data::{class, Data};
use crate::text::{Document, TokenKind};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Language {
    /// ISO 639-1 code, or `und` when there are too few words to tell (always a static code:
    /// borrowed, so a report does not allocate for it).
    pub code: std::borrow::Cow<'static, str>,
    pub english: bool,
    /// 0..1: how clear the evidence was.
    pub confidence: f32,
}

/// Fewer words than this and the draft is taken as English (rules stay on).
const MIN_WORDS: usize = 3;
/// Share of letters in one non-Latin script that makes it that script's language.
const SCRIPT_SHARE: f32 = 0.5;
/// Another language must have at least this many distinct function words, this many times
/// English's, and this share of all words before the English rules step aside ("HA HA HA" is
/// not Italian for "has").
const MIN_FOREIGN_HITS: usize = 2;
const FOREIGN_OVER_ENGLISH: f32 = 2.0;
const MIN_FOREIGN_SHARE: f32 = 0.25;
/// Inverted marks counted as Spanish evidence, at most (a row of "¡¡¡" is one voice).
const MAX_MARKS: usize = 2;

fn script_language(c: char) -> Option<&'static str> {
    Some(match c as u32 {
        0x0400..=0x04FF => "ru",
        0x0370..=0x03FF => "el",
        0x0590..=0x05FF => "he",
        0x0600..=0x06FF | 0x0750..=0x077F => "ar",
        0x0900..=0x097F => "hi",
        0x0E00..=0x0E7F => "th",
        0x3040..=0x30FF => "ja",
        0xAC00..=0xD7AF | 0x1100..=0x11FF => "ko",
        0x4E00..=0x9FFF | 0x3400..=0x4DBF => "zh",
        _ => return None,
    })
}

pub fn detect(doc: &Document, data: &Data) -> Language {
    let english = |code: &'static str, confidence: f32| Language {
        code: code.into(),
        english: code == "en",
        confidence,
    };
    // Scripts first (ASCII words are Latin without looking at their letters).
    let mut latin = 0usize;
    let mut scripts: Vec<(&str, usize)> = Vec::new();
    for t in doc
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !t.quoted)
    {
        let src = doc.slice(t.span);
        if src.is_ascii() {
            latin += src.len();
            continue;
        }
        for c in src.chars().filter(|c| c.is_alphabetic()) {
            match script_language(c) {
                Some(l) => match scripts.iter_mut().find(|(s, _)| *s == l) {
                    Some(e) => e.1 += 1,
                    None => scripts.push((l, 1)),
                },
                None => latin += 1,
            }
        }
    }
    let non_latin: usize = scripts.iter().map(|s| s.1).sum();
    let letters = latin + non_latin;
    if letters > 0 && non_latin as f32 / letters as f32 >= SCRIPT_SHARE {
        // Kana decides Japanese even among Han characters.
        let kana = scripts.iter().find(|s| s.0 == "ja").map_or(0, |s| s.1);
        let (code, n) = if kana > 0 {
            ("ja", non_latin)
        } else {
            *scripts
                .iter()
                .max_by_key(|s| s.1)
                .expect("non-Latin letters were counted")
        };
        return english(code, n as f32 / letters as f32);
    }

    let mut words = 0usize;
    let mut en = 0usize;
    // Words of other languages that are not English too ("me", "a", "in" say nothing).
    let mut foreign: Vec<(&str, u16)> = Vec::new();
    for t in doc.tokens.iter().filter(|t| t.is_own_word()) {
        words += 1;
        if t.info.class & class::ENGLISH != 0 {
            en += 1;
        } else if t.info.languages != 0 {
            foreign.push((t.lower.as_ref(), t.info.languages));
        }
    }
    // "¿" and "¡" open questions and exclamations in Spanish only: each is a Spanish word's
    // worth of evidence.
    if let Some(es) = data.languages.iter().position(|&l| l == "es") {
        for mark in ["¿", "¡"] {
            for _ in doc.text.matches(mark).take(MAX_MARKS) {
                foreign.push((mark, 1 << es));
            }
        }
    }
    if words < MIN_WORDS {
        return Language {
            code: "und".into(),
            english: true,
            confidence: 0.0,
        };
    }
    let mut best = (0usize, 0usize, 0usize); // (language, distinct words, occurrences)
    if !foreign.is_empty() {
        // One buffer for every language.
        let mut of: Vec<&str> = Vec::with_capacity(foreign.len());
        for lang in 0..data.languages.len() {
            of.clear();
            of.extend(
                foreign
                    .iter()
                    .filter(|f| f.1 & (1 << lang) != 0)
                    .map(|f| f.0),
            );
            let occurrences = of.len();
            of.sort_unstable();
            of.dedup();
            if of.len() > best.1 {
                best = (lang, of.len(), occurrences);
            }
        }
    }
    let (lang, hits, occurrences) = best;
    if hits >= MIN_FOREIGN_HITS
        && hits as f32 >= FOREIGN_OVER_ENGLISH * en as f32
        && occurrences as f32 >= MIN_FOREIGN_SHARE * words as f32
    {
        let confidence = (hits as f32 / words as f32).min(1.0);
        return english(data.languages[lang], confidence);
    }
    english(
        "en",
        if en == 0 {
            0.3
        } else {
            (en as f32 / words as f32 * 2.0).min(1.0)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_table() {
        let cases = [
            ("The meeting is at noon, see you there", "en"),
            (
                "Hola a todos, ¿cómo están? Gracias por venir a la fiesta",
                "es",
            ),
            ("Merci beaucoup pour votre aide, c'est très gentil", "fr"),
            (
                "Ich habe heute keine Zeit, aber danke für die Einladung",
                "de",
            ),
            ("今日はとても良い天気ですね", "ja"),
            ("今天天气很好，我们去公园吧", "zh"),
            ("Привет, как дела? Всё хорошо", "ru"),
            ("ok", "und"),
            ("Gracias! Love this so much, thank you all", "en"),
            // The inverted marks are Spanish evidence; one "¡Hola!" in English stays English.
            ("¡Hoy lanzamos nuestra nueva app! ¿Qué opinan?", "es"),
            ("¡Hola! Loved the show, thank you all so much", "en"),
            (
                "Wir haben heute unser neues Produkt vorgestellt. Was denkt ihr?",
                "de",
            ),
            (
                "Nous sommes ravis de vous présenter notre nouveau produit.",
                "fr",
            ),
        ];
        for (text, want) in cases {
            let got = detect(&Data::get().document(text), Data::get());
            assert_eq!(got.code, want, "{text:?}");
            assert_eq!(got.english, want == "en" || want == "und", "{text:?}");
        }
    }
}
