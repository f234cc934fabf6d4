//! The wasm-bindgen facade. It only translates: JS values in, serde types; reports out with
//! every span converted from byte offsets to UTF-16 code units in one pass over the text.

use crate::config::{Config, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    // Plain objects (not Maps) so that JSON.stringify and property access work as expected.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&ser)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Reads a JS value through JSON, so that native and wasm share one strict parser: unknown
/// fields are refused (serde-wasm-bindgen would skip them) and errors name the field.
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

fn options_from_js(value: JsValue) -> Result<Options, String> {
    match json_of(&value, "options")? {
        Some(json) => Options::from_json(&json).map_err(|e| e.to_string()),
        None => Ok(Options::default()),
    }
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
}

#[wasm_bindgen]
impl Engine {
    /// `new Engine(settings?)`: throws an Error naming the invalid field.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Engine, JsError> {
        let inner = crate::Engine::new(config_from_js(config).map_err(js_err)?)
            .map_err(|e| js_err(e.to_string()))?;
        Ok(Engine { inner })
    }

    /// Replaces the settings; on error the previous settings stay.
    pub fn set_config(&mut self, config: JsValue) -> Result<(), JsError> {
        self.inner = crate::Engine::new(config_from_js(config).map_err(js_err)?)
            .map_err(|e| js_err(e.to_string()))?;
        Ok(())
    }

    /// `analyze(text, {platform?, context?})` → Report with UTF-16 spans.
    pub fn analyze(&self, text: &str, options: JsValue) -> Result<JsValue, JsError> {
        let options = options_from_js(options).map_err(js_err)?;
        let mut report = self.inner.analyze(text, &options);
        report.spans_to_utf16(text);
        to_js(&report)
    }
}

/// Checks settings without building an engine: `null` when valid, else the error message.
#[wasm_bindgen]
pub fn validate_config(config: JsValue) -> Option<String> {
    config_from_js(config).err()
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
