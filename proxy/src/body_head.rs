//! The few fields of a Chat Completions or Messages body that are checked before its typed
//! parse, read in one pass without building a JSON tree of the rest (the messages are most of
//! the body, and the typed parse reads them anyway).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

#[derive(Deserialize)]
pub struct BodyHead {
    /// `Null` when missing.
    #[serde(default)]
    pub model: Value,
    #[serde(default)]
    pub messages: Shape,
    #[serde(default)]
    pub stream: Value,
    #[serde(default)]
    pub stream_options: Value,
}

/// What a field holds, without its contents.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    #[default]
    Missing,
    EmptyArray,
    Array,
    Other,
}

impl BodyHead {
    /// The head of a body that must be a JSON object.
    pub fn read(raw: &[u8]) -> Result<Self, String> {
        let first = raw.iter().find(|b| !b.is_ascii_whitespace());
        let head: Result<Self, _> = serde_json::from_slice(raw);
        match (head, first) {
            (Ok(head), Some(b'{')) => Ok(head),
            (Err(e), Some(b'{') | None) => Err(format!("The request body is not valid JSON: {e}")),
            // Valid JSON of another kind, or not JSON at all.
            _ => match serde_json::from_slice::<IgnoredAny>(raw) {
                Ok(_) => Err("The request body must be a JSON object.".to_owned()),
                Err(e) => Err(format!("The request body is not valid JSON: {e}")),
            },
        }
    }
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ShapeVisitor)
    }
}

struct ShapeVisitor;

impl<'de> Visitor<'de> for ShapeVisitor {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        let mut shape = Shape::EmptyArray;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            shape = Shape::Array;
        }
        Ok(shape)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Shape::Other)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_str<E>(self, _: &str) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_unit<E>(self) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_is_read_and_the_shape_of_messages_kept() {
        let head = BodyHead::read(
            br#" {"model":"m","messages":[{"role":"user","content":[1,{"a":null}]}],"stream":true,"extra":{"x":[1]}}"#,
        )
        .unwrap();
        assert_eq!(head.model, "m");
        assert_eq!(head.messages, Shape::Array);
        assert_eq!(head.stream, true);
        assert!(head.stream_options.is_null());
        let shapes = [
            (&br#"{}"#[..], Shape::Missing),
            (br#"{"messages":[]}"#, Shape::EmptyArray),
            (br#"{"messages":null}"#, Shape::Other),
            (br#"{"messages":{"a":1}}"#, Shape::Other),
            (br#"{"messages":"hi"}"#, Shape::Other),
        ];
        for (body, shape) in shapes {
            assert_eq!(BodyHead::read(body).unwrap().messages, shape);
        }
    }

    #[test]
    fn bodies_that_are_not_objects_are_named() {
        for (body, needle) in [
            (&b"{"[..], "not valid JSON"),
            (b"", "not valid JSON"),
            (b"nope", "not valid JSON"),
            (b"[]", "JSON object"),
            (b" 3", "JSON object"),
        ] {
            let error = BodyHead::read(body).err().unwrap();
            assert!(error.contains(needle), "{error}");
        }
    }
}
