//! Gemini streamed `GenerateContentResponse` chunks ↔ canonical events. Gemini sends each
//! function call whole, so a call becomes start, arguments and stop at once.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::response::{
    stop_from_canonical, stop_to_canonical, usage_from_canonical, usage_to_canonical,
};
use super::wire::GenerateResponse;
use crate::canonical::{BlockKind, Event, StopReason, Usage};
use crate::formats::{StreamDecoder, StreamEncoder};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Text,
    Thinking,
}

#[derive(Default)]
pub struct Decoder {
    started: bool,
    open: Option<(usize, Open)>,
    next_index: usize,
    calls: usize,
    usage: Usage,
    finished: bool,
}

impl Decoder {
    fn take_index(&mut self) -> usize {
        let index = self.next_index;
        self.next_index += 1;
        index
    }

    fn ensure_open(&mut self, kind: Open, out: &mut Vec<Event>) -> usize {
        match self.open {
            Some((index, open)) if open == kind => index,
            _ => {
                self.close_open(out);
                let index = self.take_index();
                self.open = Some((index, kind));
                let kind = if kind == Open::Text {
                    BlockKind::Text
                } else {
                    BlockKind::Thinking
                };
                out.push(Event::BlockStart { index, kind });
                index
            }
        }
    }

    fn close_open(&mut self, out: &mut Vec<Event>) {
        if let Some((index, _)) = self.open.take() {
            out.push(Event::BlockStop { index });
        }
    }

    fn finish_with(&mut self, stop: StopReason, out: &mut Vec<Event>) {
        if self.finished {
            return;
        }
        self.finished = true;
        self.close_open(out);
        out.push(Event::Finish {
            stop,
            usage: self.usage,
        });
    }
}

impl StreamDecoder for Decoder {
    fn event(&mut self, data: &[u8], out: &mut Vec<Event>) {
        let chunk: GenerateResponse = match serde_json::from_slice(data) {
            Ok(c) => c,
            Err(e) => {
                if let Ok(value) = serde_json::from_slice::<Value>(data)
                    && let Some(message) = value["error"]["message"].as_str()
                {
                    out.push(Event::Error {
                        message: message.to_owned(),
                    });
                } else {
                    tracing::debug!(error = %e, "skipping unreadable Gemini stream chunk");
                }
                return;
            }
        };
        if !self.started {
            self.started = true;
            out.push(Event::Start {
                id: chunk.response_id.clone().unwrap_or_default(),
                model: chunk.model_version.clone().unwrap_or_default(),
                usage: Usage::default(),
            });
        }
        if let Some(usage) = &chunk.usage_metadata {
            self.usage = usage_to_canonical(usage);
        }
        let Some(candidate) = chunk.candidates.into_iter().next() else {
            return;
        };
        for part in candidate.content.parts {
            if let Some(call) = part.function_call {
                self.close_open(out);
                self.calls += 1;
                let index = self.take_index();
                let id = call
                    .id
                    .unwrap_or_else(|| format!("call_{}_{}", call.name, self.calls));
                out.push(Event::BlockStart {
                    index,
                    kind: BlockKind::ToolCall {
                        id,
                        name: call.name,
                    },
                });
                out.push(Event::ToolArgsDelta {
                    index,
                    json: if call.args.is_null() {
                        "{}".into()
                    } else {
                        call.args.to_string()
                    },
                });
                out.push(Event::BlockStop { index });
            } else if let Some(text) = part.text {
                let thinking = part.thought == Some(true);
                let index =
                    self.ensure_open(if thinking { Open::Thinking } else { Open::Text }, out);
                if !text.is_empty() {
                    out.push(if thinking {
                        Event::ThinkingDelta { index, text }
                    } else {
                        Event::TextDelta { index, text }
                    });
                }
                if let Some(signature) = part.thought_signature.filter(|_| thinking) {
                    out.push(Event::SignatureDelta { index, signature });
                }
            }
        }
        if let Some(reason) = candidate.finish_reason {
            let mut stop = stop_to_canonical(&reason);
            if stop == StopReason::EndTurn && self.calls > 0 {
                stop = StopReason::ToolUse;
            }
            self.finish_with(stop, out);
        }
    }

    /// The stream ended; Gemini always sends a finish reason, so this only matters when it broke.
    fn end(&mut self, out: &mut Vec<Event>) {
        if self.started && !self.finished {
            self.close_open(out);
        }
    }

    fn finished(&self) -> bool {
        self.finished
    }

    fn usage(&self) -> Usage {
        self.usage
    }
}

/// Writes canonical events as Gemini chunks: SSE (`alt=sse`) or one JSON array.
pub struct Encoder {
    sse: bool,
    model: String,
    id: String,
    wrote_any: bool,
    calls: HashMap<usize, (String, String, String)>,
    closed: bool,
}

impl Encoder {
    pub fn new(model: &str, sse: bool) -> Self {
        Self {
            sse,
            model: model.to_owned(),
            id: String::new(),
            wrote_any: false,
            calls: HashMap::new(),
            closed: false,
        }
    }

    fn chunk(
        &mut self,
        parts: Value,
        finish: Option<&str>,
        usage: Option<&Usage>,
        out: &mut Vec<u8>,
    ) {
        let mut candidate = json!({"content": {"role": "model", "parts": parts}, "index": 0});
        if let Some(f) = finish {
            candidate["finishReason"] = json!(f);
        }
        let mut body =
            json!({"candidates": [candidate], "modelVersion": self.model, "responseId": self.id});
        if let Some(u) = usage {
            body["usageMetadata"] =
                serde_json::to_value(usage_from_canonical(u)).unwrap_or(Value::Null);
        }
        self.write(&body, out);
    }

    fn write(&mut self, body: &Value, out: &mut Vec<u8>) {
        if self.closed {
            return;
        }
        if self.sse {
            out.extend_from_slice(b"data: ");
        } else {
            out.extend_from_slice(if self.wrote_any { b",\r\n" } else { b"[" });
        }
        self.wrote_any = true;
        if serde_json::to_writer(&mut *out, body).is_err() {
            out.extend_from_slice(b"{}");
        }
        if self.sse {
            out.extend_from_slice(b"\r\n\r\n");
        }
    }
}

impl StreamEncoder for Encoder {
    fn event(&mut self, event: &Event, out: &mut Vec<u8>) {
        match event {
            Event::Start { id, .. } => self.id = id.clone(),
            Event::BlockStart {
                index,
                kind: BlockKind::ToolCall { id, name },
            } => {
                self.calls
                    .insert(*index, (id.clone(), name.clone(), String::new()));
            }
            Event::ToolArgsDelta { index, json: args } => {
                if let Some(call) = self.calls.get_mut(index) {
                    call.2.push_str(args);
                }
            }
            Event::BlockStop { index } => {
                if let Some((id, name, args)) = self.calls.remove(index) {
                    let args: Value = serde_json::from_str(&args).unwrap_or_else(|_| json!({}));
                    self.chunk(
                        json!([{"functionCall": {"id": id, "name": name, "args": args}}]),
                        None,
                        None,
                        out,
                    );
                }
            }
            Event::TextDelta { text, .. } => self.chunk(json!([{"text": text}]), None, None, out),
            Event::ThinkingDelta { text, .. } => {
                self.chunk(json!([{"text": text, "thought": true}]), None, None, out)
            }
            Event::Finish { stop, usage } => {
                self.chunk(
                    json!([{"text": ""}]),
                    Some(stop_from_canonical(*stop)),
                    Some(usage),
                    out,
                );
                self.end(out);
            }
            Event::Error { message } => {
                let error =
                    json!({"error": {"code": 502, "message": message, "status": "UNAVAILABLE"}});
                self.write(&error, out);
                self.end(out);
            }
            Event::BlockStart { .. } | Event::SignatureDelta { .. } => {}
        }
    }

    /// Ends a JSON-array stream (SSE needs no terminator).
    fn end(&mut self, out: &mut Vec<u8>) {
        if !self.sse && !self.closed {
            if !self.wrote_any {
                out.push(b'[');
            }
            out.push(b']');
        }
        self.closed = true;
    }
}
