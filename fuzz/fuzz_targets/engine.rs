//! Fuzz target over (settings JSON, draft text, analysis options), read from one input as
//! `settings 0xFF text 0xFF options` (0xFF is never in UTF-8; each part is read as UTF-8 with
//! invalid bytes replaced). Settings go through both readings, strict and tolerant; the draft
//! is analysed with the engine that results.
//!
//! It asserts: no panic (nor an overflow: the fuzz build has debug assertions); the tolerant
//! reading refuses only what is not a JSON object, and agrees with the strict one wherever
//! that one accepts; every span of every hint (`span`, `related`, `fixes[].span`), of the
//! score and of the evidence lies on char boundaries inside the text; and after
//! `Report::spans_to_utf16` every span lies inside the text's UTF-16 length.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rapport::{Engine, Options, Span};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0xFF);
    let settings = String::from_utf8_lossy(parts.next().unwrap_or_default());
    let text = String::from_utf8_lossy(parts.next().unwrap_or_default());
    let options = parts
        .next()
        .and_then(|o| Options::from_json(&String::from_utf8_lossy(o)).ok())
        .unwrap_or_default();

    let strict = Engine::from_json(&settings);
    let tolerant = Engine::from_json_tolerant(&settings);
    let object = matches!(
        serde_json::from_str::<serde_json::Value>(&settings),
        Ok(serde_json::Value::Object(_))
    );
    let engine = match (strict, tolerant) {
        (Ok(strict), Ok((tolerant, ignored))) => {
            assert!(ignored.is_empty(), "strict accepted what tolerant left out: {ignored:?}");
            assert_eq!(strict.config(), tolerant.config());
            strict
        }
        (Ok(_), Err(e)) => panic!("tolerant refused settings strict accepted: {e}"),
        (Err(_), Ok((tolerant, _))) => {
            assert!(object, "tolerant read settings that are not an object");
            // What tolerant keeps passes every strict check.
            Engine::check(tolerant.config()).expect("tolerant kept an invalid setting");
            tolerant
        }
        (Err(_), Err(e)) => {
            assert!(!object, "tolerant refused an object: {e}");
            return;
        }
    };

    let mut report = engine.analyze(&text, &options);
    let inside = |s: &Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for h in &report.hints {
        for s in h.spans().chain(h.fixes.iter().map(|f| f.span)) {
            assert!(inside(&s), "{}: {s:?} in {} bytes", h.rule, text.len());
        }
    }
    report.map_spans(|s| assert!(inside(s), "{s:?} in {} bytes", text.len()));
    let units = text.encode_utf16().count();
    report.spans_to_utf16(&text);
    report.map_spans(|s| {
        assert!(
            s.start <= s.end && s.end <= units,
            "{s:?} in {units} UTF-16 units"
        )
    });
    // What the wasm facade hands to JavaScript.
    serde_json::to_string(&report).expect("the report serialises");
});
