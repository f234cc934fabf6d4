//! The wasm-bindgen facade. It only translates: JS values in, serde types; reports out as JSON
//! (the CLI's `--json` serializer), with every span converted from byte offsets to UTF-16 code
//! units in one pass over the text.
//!
//! `Engine.analyze` returns the report as a JSON string, which the background forwards over the
//! port untouched and the content script parses once (`parseReply` in
//! `extension/lib/protocol.js`): measured end to end against a hand-written tape decoded into
//! objects in the background, it was as fast and smaller (README, "Size and speed";
//! `tests/bench/boundary.mjs`). The few other values (rules, what settings left out) cross as
//! plain objects.

use crate::config::{Config, Ignored, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `value` as JSON text.
fn json<T: Serialize + ?Sized>(value: &T) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|e| js_err(e.to_string()))
}

/// Plain objects (not Maps, so JSON.stringify and property access work as expected).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(&json(value)?).map_err(|_| js_err("invalid JSON from the engine".into()))
}

/// Reads a JS value through JSON, so that native and wasm share one strict parser: unknown
/// fields are refused (a JS-value deserializer would skip them) and errors name the field.
fn json_of(value: &JsValue, what: &str) -> Result<Option<String>, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let json = js_sys::JSON::stringify(value)
        .map_err(|_| format!("invalid {what}: not JSON-serialisable"))?;
    Ok(json.as_string())
}

fn config_from_js(value: JsValue) -> Result<Config, String> {
    match json_of(&value, "settings")? {
        Some(json) => Config::from_json(&json).map_err(|e| e.to_string()),
        None => Ok(Config::default()),
    }
}

/// Settings JSON for the tolerant reading (`{}` when absent).
fn settings_json(value: &JsValue) -> Result<String, JsError> {
    Ok(json_of(value, "settings")
        .map_err(js_err)?
        .unwrap_or_else(|| "{}".into()))
}

/// The regexes' time budget reads `Date.now` (wasm32 has no clock of its own).
fn with_clock(mut engine: crate::Engine) -> crate::Engine {
    engine.set_clock(Some(js_sys::Date::now));
    engine
}

fn js_err(message: String) -> JsError {
    JsError::new(&message)
}

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The engine, configured once per settings change.
#[wasm_bindgen]
pub struct Engine {
    inner: crate::Engine,
    /// The last options JSON that parsed and what it parsed to: a caller passes the same
    /// options on every keystroke, and the JSON parse is then one string comparison.
    last_options: Option<(String, Options)>,
    /// What the tolerant reading of the settings in force left out (empty when strict).
    ignored: Vec<Ignored>,
}

#[wasm_bindgen]
impl Engine {
    /// `new Engine(settings?)`: throws an Error naming the invalid field.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Engine, JsError> {
        let inner = crate::Engine::new(config_from_js(config).map_err(js_err)?)
            .map_err(|e| js_err(e.to_string()))?;
        Ok(Engine::of(inner, Vec::new()))
    }

    /// `Engine.tolerant(settings?)`: an engine from stored settings, applying all it can; what
    /// it leaves out is in `ignored()`. Throws only when the settings are not a JSON object.
    pub fn tolerant(config: JsValue) -> Result<Engine, JsError> {
        let (inner, ignored) = crate::Engine::from_json_tolerant(&settings_json(&config)?)
            .map_err(|e| js_err(e.to_string()))?;
        Ok(Engine::of(inner, ignored))
    }

    /// Replaces the settings; on error the previous settings stay.
    pub fn set_config(&mut self, config: JsValue) -> Result<(), JsError> {
        self.inner = with_clock(
            crate::Engine::new(config_from_js(config).map_err(js_err)?)
                .map_err(|e| js_err(e.to_string()))?,
        );
        self.ignored.clear();
        Ok(())
    }

    /// Replaces the settings tolerantly (as `Engine.tolerant`) and returns what was left out,
    /// `[{path, reason, kind}]`; throws, keeping the previous settings, only when the settings
    /// are not a JSON object.
    pub fn set_config_tolerant(&mut self, config: JsValue) -> Result<JsValue, JsError> {
        let (inner, ignored) = crate::Engine::from_json_tolerant(&settings_json(&config)?)
            .map_err(|e| js_err(e.to_string()))?;
        self.inner = with_clock(inner);
        self.ignored = ignored;
        self.ignored()
    }

    /// What the settings in force left out: `[{path, reason, kind}]`, `kind` `"unknown"` (a
    /// field, rule, rule set or value this version does not know: most likely from a newer
    /// version) or `"invalid"` (a known setting with a value it cannot use). Empty after a
    /// strict `new Engine` or `set_config`.
    pub fn ignored(&self) -> Result<JsValue, JsError> {
        to_js(&self.ignored)
    }

    /// `analyze(text, {platform?, context?, brief?})` → the Report with UTF-16 spans, as a JSON
    /// string (`JSON.parse` it once, where it is read).
    pub fn analyze(&mut self, text: &str, options: JsValue) -> Result<String, JsError> {
        let options = match json_of(&options, "options").map_err(js_err)? {
            None => Options::default(),
            Some(json) => match &self.last_options {
                Some((last, parsed)) if *last == json => *parsed,
                _ => {
                    let parsed = Options::from_json(&json).map_err(|e| js_err(e.to_string()))?;
                    self.last_options = Some((json, parsed));
                    parsed
                }
            },
        };
        let mut report = self.inner.analyze(text, &options);
        report.spans_to_utf16(text);
        json(&report)
    }
}

impl Engine {
    fn of(inner: crate::Engine, ignored: Vec<Ignored>) -> Engine {
        Engine {
            inner: with_clock(inner),
            last_options: None,
            ignored,
        }
    }
}

/// Checks settings without building an engine: `null` when valid, else the error message.
#[wasm_bindgen]
pub fn validate_config(config: JsValue) -> Option<String> {
    config_from_js(config)
        .and_then(|c| crate::Engine::check(&c).map_err(|e| e.to_string()))
        .err()
}

/// Checks settings as `Engine.tolerant` reads them: what it would leave out,
/// `[{path, reason, kind}]` (empty when everything applies). Throws only when the settings are
/// not a JSON object.
#[wasm_bindgen]
pub fn validate_config_tolerant(config: JsValue) -> Result<JsValue, JsError> {
    let (_, ignored) = crate::Engine::from_json_tolerant(&settings_json(&config)?)
        .map_err(|e| js_err(e.to_string()))?;
    to_js(&ignored)
}

/// Every rule: `[{id, rule_set, severity, description, default_on, flag, allow}]`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(crate::rules::registry())
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
