//! What happens to an upstream answer on its way to the client: passed through untouched
//! (reading usage on the way) or translated through the canonical model.

use bytes::Bytes;
use memchr::memmem;
use serde::Deserialize;

use crate::canonical::{Event, Usage};
use crate::codec::{Decoder, Encoder};
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;
use crate::inbound::Inbound;
use crate::providers::Spoke;
use crate::sse::event_data;
use crate::upstream::Mode;

/// A Gemini caller without `alt=sse` reads one JSON array; passthrough SSE events become its
/// elements.
#[derive(Default)]
struct JsonArray {
    wrote_any: bool,
    closed: bool,
}

impl JsonArray {
    fn element(&mut self, data: &[u8]) -> Option<Bytes> {
        if self.closed {
            return None;
        }
        let prefix: &[u8] = if self.wrote_any { b",\r\n" } else { b"[" };
        self.wrote_any = true;
        Some(Bytes::from([prefix, data].concat()))
    }

    fn close(&mut self) -> Option<Bytes> {
        if self.closed {
            return None;
        }
        self.closed = true;
        Some(Bytes::from_static(if self.wrote_any {
            b"]"
        } else {
            b"[]"
        }))
    }
}

/// Per-stream state: decides what each upstream event becomes for the client.
pub struct StreamTransform {
    dialect: Dialect,
    mode: Mode,
    decoder: Decoder,
    encoder: Option<Encoder>,
    wants_usage: bool,
    /// `[DONE]` seen on an OpenAI passthrough stream.
    done: bool,
    array: Option<JsonArray>,
    /// The account's spoke: events may arrive in its envelope (Code Assist's `{"response": …}`).
    spoke: &'static dyn Spoke,
    content_events: i64,
    events: Vec<Event>,
}

impl StreamTransform {
    pub fn new(format: Format, mode: Mode, spoke: &'static dyn Spoke, inbound: &Inbound) -> Self {
        let encoder = (mode == Mode::Translate).then(|| Encoder::new(inbound));
        let array = (mode == Mode::Passthrough
            && inbound.dialect == Dialect::Gemini
            && !inbound.gemini_sse)
            .then(JsonArray::default);
        Self {
            dialect: inbound.dialect,
            mode,
            decoder: Decoder::new(format),
            encoder,
            wants_usage: inbound.client_wants_usage,
            done: false,
            array,
            spoke,
            content_events: 0,
            events: Vec::new(),
        }
    }

    /// Handles one complete upstream SSE event; what the client should get is appended to `out`.
    pub fn event(&mut self, event: Bytes, out: &mut Vec<Bytes>) {
        let Some(data) = event_data(&event) else {
            // Comments and keep-alives pass through untouched.
            if self.mode == Mode::Passthrough {
                out.push(event);
            }
            return;
        };
        if let Some(inner) = self.spoke.unwrap(&data) {
            // Rewritten as a plain event: the client never sees the envelope.
            let event = Bytes::from([b"data: ".as_slice(), &inner, b"\r\n\r\n"].concat());
            return self.data(&inner, event, out);
        }
        self.data(&data, event.clone(), out);
    }

    fn data(&mut self, data: &[u8], event: Bytes, out: &mut Vec<Bytes>) {
        match self.mode {
            Mode::Passthrough => self.pass(data, event, out),
            Mode::Translate => {
                self.decoder.event(data, &mut self.events);
                self.flush(out);
            }
        }
    }

    fn pass(&mut self, data: &[u8], event: Bytes, out: &mut Vec<Bytes>) {
        // Only events that carry usage or the end are decoded; the rest are forwarded as-is.
        match self.decoder {
            Decoder::OpenAi(_) if data == b"[DONE]" => self.done = true,
            Decoder::OpenAi(_) if has(data, b"\"usage\":{") || has(data, b"\"usage\": {") => {
                self.decoder.event(data, &mut self.events);
                self.events.clear();
                if is_usage_only_chunk(data) && !self.wants_usage {
                    return;
                }
            }
            Decoder::Anthropic(_)
                if has(data, b"\"type\":\"message_") || has(data, b"\"type\": \"message_") =>
            {
                self.decoder.event(data, &mut self.events);
                self.events.clear();
            }
            Decoder::Responses(_)
                if has(data, b"\"response.completed\"")
                    || has(data, b"\"response.incomplete\"")
                    || has(data, b"\"response.failed\"") =>
            {
                self.decoder.event(data, &mut self.events);
                self.events.clear();
            }
            Decoder::Gemini(_)
                if has(data, b"\"usageMetadata\"") || has(data, b"\"finishReason\"") =>
            {
                self.decoder.event(data, &mut self.events);
                self.events.clear();
                self.content_events += 1;
            }
            _ => self.content_events += 1,
        }
        match &mut self.array {
            Some(array) => out.extend(array.element(data)),
            None => out.push(event),
        }
    }

    fn flush(&mut self, out: &mut Vec<Bytes>) {
        if self.events.is_empty() {
            return;
        }
        let mut buf = Vec::new();
        for event in self.events.drain(..) {
            if matches!(
                event,
                Event::TextDelta { .. } | Event::ToolArgsDelta { .. } | Event::ThinkingDelta { .. }
            ) {
                self.content_events += 1;
            }
            if let Some(encoder) = &mut self.encoder {
                encoder.event(&event, &mut buf);
            }
        }
        if !buf.is_empty() {
            out.push(Bytes::from(buf));
        }
    }

    /// The upstream closed the stream cleanly.
    pub fn end(&mut self, out: &mut Vec<Bytes>) {
        self.decoder.end(&mut self.events);
        match self.mode {
            Mode::Translate => {
                self.flush(out);
                let mut tail = Vec::new();
                if let Some(encoder) = &mut self.encoder {
                    encoder.end(&mut tail);
                }
                if !tail.is_empty() {
                    out.push(Bytes::from(tail));
                }
            }
            Mode::Passthrough => {
                self.events.clear();
                if let Some(array) = &mut self.array {
                    out.extend(array.close());
                }
            }
        }
    }

    /// Whether the upstream finished the message (its terminator or final event arrived).
    pub fn completed(&self) -> bool {
        self.done || self.decoder.finished()
    }

    /// The usage the upstream reported, if it did.
    pub fn usage(&self) -> Option<Usage> {
        let usage = self.decoder.usage();
        (usage != Usage::default()).then_some(usage)
    }

    /// Events that carried content (~ one token each), for estimates when no usage arrives.
    pub fn content_events(&self) -> i64 {
        self.content_events
    }

    /// An error after the status line, as the client's dialect writes one.
    pub fn error_event(&mut self, error: &ProxyError) -> Bytes {
        if let Some(array) = &mut self.array {
            let mut bytes = array
                .element(error.gemini_body().as_bytes())
                .map(|b| b.to_vec())
                .unwrap_or_default();
            bytes.extend(array.close().unwrap_or_default());
            return Bytes::from(bytes);
        }
        match &mut self.encoder {
            // Translated streams end through their encoder, which knows where it is (e.g. inside
            // a JSON array).
            Some(encoder) if encoder.owns_errors() => {
                let mut bytes = Vec::new();
                encoder.event(
                    &Event::Error {
                        message: error.to_string(),
                    },
                    &mut bytes,
                );
                Bytes::from(bytes)
            }
            _ => error.stream_event(self.dialect),
        }
    }
}

fn has(haystack: &[u8], needle: &[u8]) -> bool {
    memmem::find(haystack, needle).is_some()
}

fn is_usage_only_chunk(data: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        choices: Option<Vec<serde::de::IgnoredAny>>,
    }
    serde_json::from_slice::<Probe>(data)
        .map(|p| p.choices.is_none_or(|c| c.is_empty()))
        .unwrap_or(false)
}
