//! A compact encoding of any serde value, for handing reports to JavaScript.
//!
//! Building a report as JS objects from wasm, one boundary crossing per object, string and
//! number, took about half of a short post's analysis in the extension. A tape is instead one
//! `f64` array plus one string holding every string value, which the wasm facade hands over in
//! one call and `src/wasm/tape.js` turns back into plain objects.
//!
//! Names (struct fields, enum variants) are `&'static str`: each crosses once per engine and is
//! then referred to by number, known on this side by its address without hashing its text. The
//! table of names is bounded by the types serialised. Value strings are copied every time:
//! there are few, and interning them by content cost more than it saved.
//!
//! The tape gives the same values as a JSON-compatible serializer: maps and structs become
//! objects, `None` and `()` become `null`, enums are externally tagged, `f32` is widened to
//! `f64`. Integers beyond 2^53 would lose precision (the report has none).
//!
//! ## Format
//!
//! A sequence of ops, each an `f64` code followed by its operands:
//!
//! | op | operands | value |
//! |---|---|---|
//! | [`NULL`], [`FALSE`], [`TRUE`] | — | `null`, `false`, `true` |
//! | [`NUMBER`] | the number | a number |
//! | [`STRING`] | UTF-16 length | the next `length` code units of the tape's strings |
//! | [`NAME`] | index | the name at `index` in the table |
//! | [`NEW_NAME`] | UTF-16 length | like [`STRING`], and appended to the table |
//! | [`ARRAY`] | count | an array of the `count` values that follow |
//! | [`OBJECT`] | count | an object of the `count` (key, value) pairs that follow |

use crate::data::lexicon::FastMap;
use serde::ser::{self, Serialize};
use std::fmt;

pub const NULL: f64 = 0.0;
pub const FALSE: f64 = 1.0;
pub const TRUE: f64 = 2.0;
pub const NUMBER: f64 = 3.0;
pub const STRING: f64 = 4.0;
pub const NAME: f64 = 5.0;
pub const NEW_NAME: f64 = 6.0;
pub const ARRAY: f64 = 7.0;
pub const OBJECT: f64 = 8.0;

/// An encoder that keeps its table of names from one value to the next.
#[derive(Default)]
pub struct Tape {
    /// The ops of the last encoded value.
    pub ops: Vec<f64>,
    /// The last value's strings, in order, concatenated.
    pub strings: String,
    /// Names sent so far, by address and length, with their index in the table.
    names: FastMap<(usize, usize), u32>,
    /// A direct-mapped cache in front of `names`: a report names ~100 fields, and a slot
    /// compare is cheaper than hashing. Entries are (address, length, index).
    recent: Vec<(usize, usize, u32)>,
}

/// Slots in [`Tape::recent`] (a power of two).
const RECENT: usize = 256;

/// A value serde could not encode (a custom serializer's error).
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// The length in UTF-16 code units, which is how JavaScript slices strings.
fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.encode_utf16().count()
    }
}

impl Tape {
    pub fn new() -> Tape {
        Tape::default()
    }

    /// Encodes `value`, replacing the previous ops and strings. The decoder's table must have
    /// seen every value this tape encoded before (it keeps the names).
    pub fn encode<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.ops.clear();
        self.strings.clear();
        value.serialize(&mut *self)
    }

    fn text(&mut self, op: f64, s: &str) {
        self.ops.push(op);
        self.ops.push(utf16_len(s) as f64);
        self.strings.push_str(s);
    }

    fn string(&mut self, s: &str) {
        self.text(STRING, s);
    }

    /// A field or variant name: sent once, then by its index.
    fn name(&mut self, s: &'static str) {
        let key = (s.as_ptr() as usize, s.len());
        if self.recent.is_empty() {
            self.recent = vec![(0, usize::MAX, 0); RECENT];
        }
        let slot = (key.0 ^ (key.0 >> 8) ^ key.1) & (RECENT - 1);
        let (ptr, len, index) = self.recent[slot];
        if (ptr, len) == key {
            self.ops.push(NAME);
            self.ops.push(index as f64);
            return;
        }
        match self.names.get(&key) {
            Some(&i) => {
                self.recent[slot] = (key.0, key.1, i);
                self.ops.push(NAME);
                self.ops.push(i as f64);
            }
            None => {
                self.names.insert(key, self.names.len() as u32);
                self.text(NEW_NAME, s);
            }
        }
    }

    fn number(&mut self, n: f64) {
        self.ops.push(NUMBER);
        self.ops.push(n);
    }

    /// Starts an array or object whose count is written when it ends.
    fn open(&mut self, op: f64) -> Compound<'_> {
        self.ops.push(op);
        self.ops.push(0.0);
        let at = self.ops.len() - 1;
        Compound {
            tape: self,
            at,
            count: 0,
        }
    }

    /// `{variant: …}`: the object around an externally tagged enum variant's content.
    fn open_variant(&mut self, variant: &'static str) {
        self.ops.push(OBJECT);
        self.ops.push(1.0);
        self.name(variant);
    }
}

/// An array or object being written.
pub struct Compound<'a> {
    tape: &'a mut Tape,
    /// Where its count goes.
    at: usize,
    count: u32,
}

impl Compound<'_> {
    fn end(self) {
        self.tape.ops[self.at] = self.count as f64;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.count += 1;
        value.serialize(&mut *self.tape)
    }

    fn entry<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.count += 1;
        self.tape.name(key);
        value.serialize(&mut *self.tape)
    }
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.ops.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut array = self.open(ARRAY);
        for b in v {
            array.element(b)?;
        }
        array.end();
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.ops.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.name(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.open_variant(variant);
        Ok(self.open(ARRAY))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.open_variant(variant);
        Ok(self.open(OBJECT))
    }
}

/// Sequences, tuples, tuple structs and tuple variants: each element is one item of an array.
macro_rules! array_like {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self);
                Ok(())
            }
        }
    )*};
}

array_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // Keys are written like values: JavaScript turns a non-string key into a property name.
        self.element(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.entry(key, value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.entry(key, value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Map, Value};

    /// `src/wasm/tape.js` in Rust, for tests: ops → JSON value, extending `names`.
    struct Reader<'a> {
        ops: &'a [f64],
        strings: &'a str,
        names: &'a mut Vec<String>,
    }

    impl Reader<'_> {
        fn next(&mut self) -> f64 {
            let (first, rest) = self.ops.split_first().expect("an op");
            self.ops = rest;
            *first
        }

        /// The next `units` UTF-16 code units of the strings.
        fn take(&mut self, units: usize) -> String {
            let (mut seen, mut end) = (0, 0);
            for c in self.strings.chars() {
                if seen == units {
                    break;
                }
                seen += c.len_utf16();
                end += c.len_utf8();
            }
            let (s, rest) = self.strings.split_at(end);
            self.strings = rest;
            s.to_string()
        }

        fn read(&mut self) -> Value {
            match self.next() {
                NULL => Value::Null,
                FALSE => Value::Bool(false),
                TRUE => Value::Bool(true),
                NUMBER => json!(self.next()),
                STRING => {
                    let units = self.next() as usize;
                    Value::String(self.take(units))
                }
                NAME => {
                    let i = self.next() as usize;
                    Value::String(self.names[i].clone())
                }
                NEW_NAME => {
                    let units = self.next() as usize;
                    let name = self.take(units);
                    self.names.push(name.clone());
                    Value::String(name)
                }
                ARRAY => {
                    let n = self.next() as usize;
                    Value::Array((0..n).map(|_| self.read()).collect())
                }
                OBJECT => {
                    let n = self.next() as usize;
                    let mut map = Map::new();
                    for _ in 0..n {
                        let key = match self.read() {
                            Value::String(s) => s,
                            other => other.to_string(),
                        };
                        let value = self.read();
                        map.insert(key, value);
                    }
                    Value::Object(map)
                }
                op => panic!("unknown op {op}"),
            }
        }
    }

    fn decode(tape: &Tape, names: &mut Vec<String>) -> Value {
        let mut r = Reader {
            ops: &tape.ops,
            strings: &tape.strings,
            names,
        };
        let v = r.read();
        assert!(r.ops.is_empty(), "every op read");
        assert!(r.strings.is_empty(), "every string read");
        v
    }

    /// JSON numbers as f64, as JavaScript sees them.
    fn as_js(v: Value) -> Value {
        match v {
            Value::Number(n) => json!(n.as_f64().unwrap()),
            Value::Array(a) => Value::Array(a.into_iter().map(as_js).collect()),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, as_js(v))).collect()),
            v => v,
        }
    }

    #[derive(serde::Serialize)]
    enum Shape {
        Dot,
        Size(u8),
        Pair(i32, i32),
        Box { w: u8, h: u8 },
    }

    #[derive(serde::Serialize)]
    struct Sample {
        name: String,
        tags: Vec<&'static str>,
        none: Option<u8>,
        some: Option<f64>,
        flag: bool,
        shapes: Vec<Shape>,
        map: std::collections::BTreeMap<String, i64>,
        tuple: (u8, char),
        bytes: serde_bytes_like::Bytes,
        unit: (),
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
    }

    /// `serialize_bytes` without a dependency: bytes become an array of numbers.
    mod serde_bytes_like {
        pub struct Bytes(pub &'static [u8]);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0)
            }
        }
    }

    fn sample(name: &str) -> Sample {
        Sample {
            name: name.to_string(),
            tags: vec!["a", "b", "a"],
            none: None,
            some: Some(-1.5),
            flag: true,
            shapes: vec![
                Shape::Dot,
                Shape::Size(3),
                Shape::Pair(-1, 2),
                Shape::Box { w: 1, h: 2 },
            ],
            map: [("x".to_string(), -7), ("y".to_string(), 1 << 40)].into(),
            tuple: (9, '👋'),
            bytes: serde_bytes_like::Bytes(&[0, 255]),
            unit: (),
            skipped: None,
        }
    }

    #[test]
    fn decodes_to_the_json_serde_json_gives() {
        let mut tape = Tape::new();
        let mut names = Vec::new();
        for name in ["first", "café 👩‍👩‍👧 ünïcode", "", "first"] {
            let value = sample(name);
            tape.encode(&value).unwrap();
            assert_eq!(
                decode(&tape, &mut names),
                as_js(serde_json::to_value(&value).unwrap()),
                "{name}"
            );
        }
    }

    #[test]
    fn names_cross_once_and_values_every_time() {
        let mut tape = Tape::new();
        let mut names = Vec::new();
        tape.encode(&sample("value")).unwrap();
        assert!(tape.strings.contains("shapes") && tape.strings.contains("value"));
        decode(&tape, &mut names);
        let known = names.len();
        assert!(known >= 12, "fields and variants: {names:?}");
        tape.encode(&sample("value")).unwrap();
        assert!(!tape.strings.contains("shapes"), "{}", tape.strings);
        assert!(tape.strings.contains("value"));
        assert_eq!(decode(&tape, &mut names)["name"], "value");
        assert_eq!(
            names.len(),
            known,
            "the table does not grow with the values"
        );
    }

    #[test]
    fn a_report_round_trips() {
        let engine = crate::Engine::new(crate::Config::default()).unwrap();
        let mut tape = Tape::new();
        let mut names = Vec::new();
        for text in [
            "We are thrilled to announce our new product! Buy now!!! 😀 https://x.com",
            "What do you think, @ana?",
        ] {
            let report = engine.analyze(text, &Default::default());
            tape.encode(&report).unwrap();
            assert_eq!(
                decode(&tape, &mut names),
                as_js(serde_json::to_value(&report).unwrap())
            );
        }
    }
}
