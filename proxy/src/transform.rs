//! What happens to an upstream answer on its way to the client: passed through untouched
//! (reading usage on the way) or translated through the canonical model.

use bytes::Bytes;
use memchr::memmem;
use serde::Deserialize;

use crate::canonical::{Event, Usage};
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;
use crate::formats::{anthropic, gemini, openai_chat};
use crate::inbound::Inbound;
use crate::sse::event_data;
use crate::upstream::Mode;

/// A whole (non-streamed) upstream answer turned into the client's body, plus its usage.
pub fn whole(
    body: Bytes,
    format: Format,
    mode: Mode,
    inbound: &Inbound,
) -> Result<(Bytes, Option<Usage>), ProxyError> {
    let unreadable = |_| ProxyError::UpstreamInvalid;
    match mode {
        Mode::Passthrough => {
            let usage = whole_usage(&body, format);
            Ok((body, usage))
        }
        Mode::Translate => {
            let response = match format {
                Format::OpenAiChat => openai_chat::response::to_canonical(
                    serde_json::from_slice(&body).map_err(unreadable)?,
                ),
                Format::Anthropic => anthropic::response::to_canonical(
                    serde_json::from_slice(&body).map_err(unreadable)?,
                ),
                Format::Gemini => gemini::response::to_canonical(
                    serde_json::from_slice(&body).map_err(unreadable)?,
                ),
            };
            let usage = response.usage;
            let out = match inbound.dialect {
                Dialect::OpenAiChat => {
                    openai_chat::response::from_canonical(&response, chrono::Utc::now().timestamp())
                }
                Dialect::Anthropic => {
                    serde_json::to_value(anthropic::response::from_canonical(&response))
                        .map_err(|_| ProxyError::Internal)?
                }
                Dialect::Gemini => {
                    serde_json::to_value(gemini::response::from_canonical(&response))
                        .map_err(|_| ProxyError::Internal)?
                }
            };
            let bytes = serde_json::to_vec(&out).map_err(|_| ProxyError::Internal)?;
            Ok((Bytes::from(bytes), Some(usage)))
        }
    }
}

fn whole_usage(body: &[u8], format: Format) -> Option<Usage> {
    #[derive(Deserialize)]
    struct Probe<U> {
        usage: Option<U>,
    }
    match format {
        Format::OpenAiChat => serde_json::from_slice::<Probe<openai_chat::wire::Usage>>(body)
            .ok()?
            .usage
            .map(|u| openai_chat::response::usage_to_canonical(&u)),
        Format::Anthropic => serde_json::from_slice::<Probe<anthropic::wire::Usage>>(body)
            .ok()?
            .usage
            .map(|u| anthropic::response::usage_to_canonical(&u)),
        Format::Gemini => serde_json::from_slice::<gemini::wire::GenerateResponse>(body)
            .ok()?
            .usage_metadata
            .map(|u| gemini::response::usage_to_canonical(&u)),
    }
}

enum Decoder {
    OpenAi(openai_chat::stream::Decoder),
    Anthropic(anthropic::stream::Decoder),
    Gemini(gemini::stream::Decoder),
}

impl Decoder {
    fn new(format: Format) -> Self {
        match format {
            Format::OpenAiChat => Decoder::OpenAi(Default::default()),
            Format::Anthropic => Decoder::Anthropic(Default::default()),
            Format::Gemini => Decoder::Gemini(Default::default()),
        }
    }

    fn event(&mut self, data: &[u8], out: &mut Vec<Event>) {
        match self {
            Decoder::OpenAi(d) => d.event(data, out),
            Decoder::Anthropic(d) => d.event(data, out),
            Decoder::Gemini(d) => d.event(data, out),
        }
    }

    fn end(&mut self, out: &mut Vec<Event>) {
        match self {
            Decoder::OpenAi(d) => d.finish(out),
            Decoder::Gemini(d) => d.end(out),
            Decoder::Anthropic(_) => {}
        }
    }

    fn finished(&self) -> bool {
        match self {
            Decoder::OpenAi(d) => d.finished(),
            Decoder::Anthropic(d) => d.finished(),
            Decoder::Gemini(d) => d.finished(),
        }
    }

    fn usage(&self) -> Usage {
        match self {
            Decoder::OpenAi(d) => d.usage(),
            Decoder::Anthropic(d) => d.usage(),
            Decoder::Gemini(d) => d.usage(),
        }
    }
}

enum Encoder {
    OpenAi(openai_chat::stream::Encoder),
    Anthropic(anthropic::stream::Encoder),
    Gemini(gemini::stream::Encoder),
}

impl Encoder {
    fn event(&mut self, event: &Event, out: &mut Vec<u8>) {
        match self {
            Encoder::OpenAi(e) => e.event(event, out),
            Encoder::Anthropic(e) => e.event(event, out),
            Encoder::Gemini(e) => e.event(event, out),
        }
    }

    fn end(&mut self, out: &mut Vec<u8>) {
        if let Encoder::Gemini(e) = self {
            e.close(out);
        }
    }
}

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
    content_events: i64,
    events: Vec<Event>,
}

impl StreamTransform {
    pub fn new(format: Format, mode: Mode, inbound: &Inbound) -> Self {
        let encoder = (mode == Mode::Translate).then(|| match inbound.dialect {
            Dialect::OpenAiChat => Encoder::OpenAi(openai_chat::stream::Encoder::new(
                &inbound.model,
                chrono::Utc::now().timestamp(),
                inbound.client_wants_usage,
            )),
            Dialect::Anthropic => Encoder::Anthropic(Default::default()),
            Dialect::Gemini => Encoder::Gemini(gemini::stream::Encoder::new(
                &inbound.model,
                inbound.gemini_sse,
            )),
        });
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
        match self.mode {
            Mode::Passthrough => self.pass(&data, event.clone(), out),
            Mode::Translate => {
                self.decoder.event(&data, &mut self.events);
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
            Some(encoder @ Encoder::Gemini(_)) => {
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
