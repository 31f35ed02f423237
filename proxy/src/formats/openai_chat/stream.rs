//! OpenAI chat SSE chunks ↔ canonical events.
//!
//! Decoding: text and reasoning stream live; tool-call arguments are accumulated per tool index
//! and emitted in index order when the message ends, because OpenAI-compatible servers may
//! interleave parallel calls while the canonical stream has one block open at a time.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Value, json};

use super::response::{stop_from_canonical, stop_to_canonical, usage_json, usage_to_canonical};
use super::wire::Chunk;
use crate::canonical::{BlockKind, Event, StopReason, Usage};
use crate::formats::{StreamDecoder, StreamEncoder};

#[derive(Default)]
struct ToolCallAcc {
    id: String,
    name: String,
    arguments: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Text,
    Thinking,
}

#[derive(Default)]
pub struct Decoder {
    started: bool,
    next_index: usize,
    open: Option<(usize, Open)>,
    tools: BTreeMap<usize, ToolCallAcc>,
    stop: Option<StopReason>,
    usage: Usage,
    finished: bool,
}

impl Decoder {
    fn ensure_open(&mut self, kind: Open, out: &mut Vec<Event>) -> usize {
        match self.open {
            Some((index, open)) if open == kind => index,
            _ => {
                self.close_open(out);
                let index = self.next_index;
                self.next_index += 1;
                self.open = Some((index, kind));
                let kind = match kind {
                    Open::Text => BlockKind::Text,
                    Open::Thinking => BlockKind::Thinking,
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
}

impl StreamDecoder for Decoder {
    fn event(&mut self, data: &[u8], out: &mut Vec<Event>) {
        if data == b"[DONE]" {
            return self.end(out);
        }
        let chunk: Chunk = match serde_json::from_slice(data) {
            Ok(c) => c,
            Err(e) => {
                tracing::debug!(error = %e, "skipping unreadable OpenAI stream chunk");
                return;
            }
        };
        if let Some(error) = chunk.error {
            out.push(Event::Error {
                message: error.message,
            });
            return;
        }
        if !self.started {
            self.started = true;
            out.push(Event::Start {
                id: chunk.id.clone(),
                model: chunk.model.clone(),
                usage: Usage::default(),
            });
        }
        if let Some(usage) = &chunk.usage {
            self.usage = usage_to_canonical(usage);
        }
        let Some(choice) = chunk.choices.into_iter().next() else {
            return;
        };
        if let Some(text) = choice.delta.reasoning_content.filter(|t| !t.is_empty()) {
            let index = self.ensure_open(Open::Thinking, out);
            out.push(Event::ThinkingDelta { index, text });
        }
        if let Some(text) = choice.delta.content.filter(|t| !t.is_empty()) {
            let index = self.ensure_open(Open::Text, out);
            out.push(Event::TextDelta { index, text });
        }
        for call in choice.delta.tool_calls.unwrap_or_default() {
            let acc = self.tools.entry(call.index).or_default();
            if let Some(id) = call.id.filter(|i| !i.is_empty()) {
                acc.id = id;
            }
            if let Some(f) = call.function {
                if let Some(name) = f.name.filter(|n| !n.is_empty()) {
                    acc.name = name;
                }
                if let Some(args) = f.arguments {
                    acc.arguments.push_str(&args);
                }
            }
        }
        if let Some(reason) = choice.finish_reason {
            self.stop = Some(stop_to_canonical(&reason));
        }
    }

    /// Ends the message: at `[DONE]`, or when the upstream closes without it.
    fn end(&mut self, out: &mut Vec<Event>) {
        if self.finished || !self.started {
            return;
        }
        self.finished = true;
        self.close_open(out);
        let has_tools = !self.tools.is_empty();
        for (n, call) in std::mem::take(&mut self.tools) {
            let index = self.next_index;
            self.next_index += 1;
            let id = if call.id.is_empty() {
                format!("call_{n}")
            } else {
                call.id
            };
            out.push(Event::BlockStart {
                index,
                kind: BlockKind::ToolCall {
                    id,
                    name: call.name,
                },
            });
            if !call.arguments.is_empty() {
                out.push(Event::ToolArgsDelta {
                    index,
                    json: call.arguments,
                });
            }
            out.push(Event::BlockStop { index });
        }
        let stop = match self.stop {
            Some(StopReason::EndTurn) | None if has_tools => StopReason::ToolUse,
            Some(stop) => stop,
            None => StopReason::EndTurn,
        };
        out.push(Event::Finish {
            stop,
            usage: self.usage,
        });
    }

    fn finished(&self) -> bool {
        self.finished
    }

    fn usage(&self) -> Usage {
        self.usage
    }
}

/// Writes canonical events as OpenAI chat chunks.
pub struct Encoder {
    id: String,
    model: String,
    created: i64,
    include_usage: bool,
    tool_index: HashMap<usize, usize>,
}

impl Encoder {
    pub fn new(model: &str, created: i64, include_usage: bool) -> Self {
        Self {
            id: String::new(),
            model: model.to_owned(),
            created,
            include_usage,
            tool_index: HashMap::new(),
        }
    }

    fn chunk(&self, delta: Value, finish: Option<&str>, out: &mut Vec<u8>) {
        let body = json!({"id": self.id, "object": "chat.completion.chunk", "created": self.created, "model": self.model,
            "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}]});
        data(out, &body);
    }
}

impl StreamEncoder for Encoder {
    fn event(&mut self, event: &Event, out: &mut Vec<u8>) {
        match event {
            Event::Start { id, .. } => {
                self.id = if id.starts_with("chatcmpl-") {
                    id.clone()
                } else {
                    format!("chatcmpl-{id}")
                };
                self.chunk(json!({"role": "assistant", "content": ""}), None, out);
            }
            Event::BlockStart {
                index,
                kind: BlockKind::ToolCall { id, name },
            } => {
                let n = self.tool_index.len();
                self.tool_index.insert(*index, n);
                let call = json!({"index": n, "id": id, "type": "function", "function": {"name": name, "arguments": ""}});
                self.chunk(json!({"tool_calls": [call]}), None, out);
            }
            Event::TextDelta { text, .. } => self.chunk(json!({"content": text}), None, out),
            Event::ThinkingDelta { text, .. } => {
                self.chunk(json!({"reasoning_content": text}), None, out)
            }
            Event::ToolArgsDelta { index, json: args } => {
                if let Some(n) = self.tool_index.get(index) {
                    let call = json!({"index": n, "function": {"arguments": args}});
                    self.chunk(json!({"tool_calls": [call]}), None, out);
                }
            }
            Event::Finish { stop, usage } => {
                self.chunk(json!({}), Some(stop_from_canonical(*stop)), out);
                if self.include_usage {
                    let body = json!({"id": self.id, "object": "chat.completion.chunk", "created": self.created,
                        "model": self.model, "choices": [], "usage": usage_json(usage)});
                    data(out, &body);
                }
                out.extend_from_slice(b"data: [DONE]\n\n");
            }
            Event::Error { message } => {
                data(
                    out,
                    &json!({"error": {"message": message, "type": "api_error", "param": null, "code": "upstream_error"}}),
                );
            }
            Event::BlockStart { .. } | Event::SignatureDelta { .. } | Event::BlockStop { .. } => {}
        }
    }
}

fn data(out: &mut Vec<u8>, body: &Value) {
    out.extend_from_slice(b"data: ");
    if serde_json::to_writer(&mut *out, body).is_err() {
        out.extend_from_slice(b"{}");
    }
    out.extend_from_slice(b"\n\n");
}
