//! Anthropic Messages SSE ↔ canonical events, one event at a time.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::json;

use super::response::{
    stop_from_canonical, stop_to_canonical, usage_from_canonical, usage_to_canonical,
};
use super::wire::{Block, Delta, StreamEvent};
use crate::canonical::{BlockKind, Event, StopReason, Usage};
use crate::formats::{StreamDecoder, StreamEncoder};

/// Turns an upstream Anthropic stream into canonical events. Blocks Satu cannot represent
/// (server tool results, …) are skipped and the remaining ones renumbered.
#[derive(Default)]
pub struct Decoder {
    usage: Usage,
    indices: HashMap<usize, usize>,
    next_index: usize,
    finished: bool,
}

impl Decoder {
    fn block_start(&mut self, upstream_index: usize, block: Block, out: &mut Vec<Event>) {
        let (kind, initial) = match block {
            Block::Text { text } => (BlockKind::Text, Some(text)),
            Block::ToolUse { id, name, .. } => (BlockKind::ToolCall { id, name }, None),
            Block::Thinking { thinking, .. } => (BlockKind::Thinking, Some(thinking)),
            Block::RedactedThinking { data } => (BlockKind::RedactedThinking { data }, None),
            _ => return,
        };
        let index = self.next_index;
        self.next_index += 1;
        self.indices.insert(upstream_index, index);
        let thinking = matches!(kind, BlockKind::Thinking);
        out.push(Event::BlockStart { index, kind });
        if let Some(text) = initial.filter(|t| !t.is_empty()) {
            out.push(if thinking {
                Event::ThinkingDelta { index, text }
            } else {
                Event::TextDelta { index, text }
            });
        }
    }
}

impl StreamDecoder for Decoder {
    /// Decodes one SSE `data:` payload.
    fn event(&mut self, data: &[u8], out: &mut Vec<Event>) {
        let event: StreamEvent = match serde_json::from_slice(data) {
            Ok(e) => e,
            Err(e) => {
                tracing::debug!(error = %e, "skipping unreadable Anthropic stream event");
                return;
            }
        };
        match event {
            StreamEvent::MessageStart { message } => {
                // Only the input side is known at the start.
                self.usage = Usage {
                    output: 0,
                    ..usage_to_canonical(&message.usage)
                };
                out.push(Event::Start {
                    id: message.id,
                    model: message.model,
                    usage: self.usage,
                });
            }
            StreamEvent::ContentBlockStart {
                index,
                content_block,
            } => self.block_start(index, content_block, out),
            StreamEvent::ContentBlockDelta { index, delta } => {
                if let Some(&index) = self.indices.get(&index) {
                    out.extend(delta_event(index, delta));
                }
            }
            StreamEvent::ContentBlockStop { index } => {
                if let Some(index) = self.indices.remove(&index) {
                    out.push(Event::BlockStop { index });
                }
            }
            StreamEvent::MessageDelta { delta, usage } => {
                // message_delta usage is cumulative; newer API versions repeat the input side.
                let latest = usage_to_canonical(&usage);
                self.usage.output = latest.output;
                if latest.input > 0 {
                    self.usage.input = latest.input;
                    self.usage.cached_input = latest.cached_input;
                    self.usage.cache_creation = latest.cache_creation;
                }
                self.finished = true;
                out.push(Event::Finish {
                    stop: stop_to_canonical(delta.stop_reason.as_deref()),
                    usage: self.usage,
                });
            }
            StreamEvent::Error { error } => out.push(Event::Error {
                message: error.message,
            }),
            StreamEvent::MessageStop | StreamEvent::Ping | StreamEvent::Unknown => {}
        }
    }

    /// Whether the upstream finished the message (else the stream was cut).
    fn finished(&self) -> bool {
        self.finished
    }

    fn usage(&self) -> Usage {
        self.usage
    }
}

fn delta_event(index: usize, delta: Delta) -> Option<Event> {
    Some(match delta {
        Delta::TextDelta { text } => Event::TextDelta { index, text },
        Delta::InputJsonDelta { partial_json } => Event::ToolArgsDelta {
            index,
            json: partial_json,
        },
        Delta::ThinkingDelta { thinking } => Event::ThinkingDelta {
            index,
            text: thinking,
        },
        Delta::SignatureDelta { signature } => Event::SignatureDelta { index, signature },
        Delta::Unknown => return None,
    })
}

/// Writes canonical events as an Anthropic Messages SSE stream.
#[derive(Default)]
pub struct Encoder {
    started: bool,
}

impl Encoder {
    fn finish(&mut self, stop: StopReason, usage: &Usage, out: &mut Vec<u8>) {
        write(
            out,
            "message_delta",
            &json!({"type": "message_delta",
            "delta": {"stop_reason": stop_from_canonical(stop), "stop_sequence": null},
            "usage": usage_from_canonical(usage)}),
        );
        write(out, "message_stop", &json!({"type": "message_stop"}));
    }
}

impl StreamEncoder for Encoder {
    fn event(&mut self, event: &Event, out: &mut Vec<u8>) {
        match event {
            Event::Start { id, model, usage } => {
                self.started = true;
                let u = usage_from_canonical(usage);
                write(
                    out,
                    "message_start",
                    &json!({"type": "message_start", "message": {
                    "id": id, "type": "message", "role": "assistant", "model": model, "content": [],
                    "stop_reason": null, "stop_sequence": null, "usage": u}}),
                );
            }
            Event::BlockStart { index, kind } => {
                let block = match kind {
                    BlockKind::Text => json!({"type": "text", "text": ""}),
                    BlockKind::ToolCall { id, name } => {
                        json!({"type": "tool_use", "id": id, "name": name, "input": {}})
                    }
                    BlockKind::Thinking => {
                        json!({"type": "thinking", "thinking": "", "signature": ""})
                    }
                    BlockKind::RedactedThinking { data } => {
                        json!({"type": "redacted_thinking", "data": data})
                    }
                };
                write(
                    out,
                    "content_block_start",
                    &json!({"type": "content_block_start", "index": index, "content_block": block}),
                );
            }
            Event::TextDelta { index, text } => {
                delta(out, *index, json!({"type": "text_delta", "text": text}))
            }
            Event::ToolArgsDelta { index, json: args } => delta(
                out,
                *index,
                json!({"type": "input_json_delta", "partial_json": args}),
            ),
            Event::ThinkingDelta { index, text } => delta(
                out,
                *index,
                json!({"type": "thinking_delta", "thinking": text}),
            ),
            Event::SignatureDelta { index, signature } => delta(
                out,
                *index,
                json!({"type": "signature_delta", "signature": signature}),
            ),
            Event::BlockStop { index } => write(
                out,
                "content_block_stop",
                &json!({"type": "content_block_stop", "index": index}),
            ),
            Event::Finish { stop, usage } => self.finish(*stop, usage, out),
            Event::Error { message } => write(
                out,
                "error",
                &json!({"type": "error",
                "error": {"type": "api_error", "message": message}}),
            ),
        }
    }
}

fn delta(out: &mut Vec<u8>, index: usize, delta: serde_json::Value) {
    write(
        out,
        "content_block_delta",
        &json!({"type": "content_block_delta", "index": index, "delta": delta}),
    );
}

fn write(out: &mut Vec<u8>, name: &str, payload: &impl Serialize) {
    out.extend_from_slice(b"event: ");
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\ndata: ");
    if serde_json::to_writer(&mut *out, payload).is_err() {
        out.extend_from_slice(b"{}");
    }
    out.extend_from_slice(b"\n\n");
}
