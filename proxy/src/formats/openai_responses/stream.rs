//! OpenAI Responses stream events ↔ canonical events.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::response::{response_object, stop_of, usage_to_canonical};
use super::wire::{Delta, OutputItem, ResponseObject, StreamEvent};
use crate::canonical::{BlockKind, Event, Part, StopReason, Usage};
use crate::formats::{StreamDecoder, StreamEncoder};

#[derive(Default)]
pub struct Decoder {
    indices: HashMap<u64, usize>,
    next_index: usize,
    usage: Usage,
    finished: bool,
}

impl Decoder {
    fn item_added(&mut self, output_index: Option<u64>, item: OutputItem, out: &mut Vec<Event>) {
        let kind = match item {
            OutputItem::Message { .. } => BlockKind::Text,
            OutputItem::Reasoning { .. } => BlockKind::Thinking,
            OutputItem::FunctionCall { call_id, name, .. } => {
                BlockKind::ToolCall { id: call_id, name }
            }
            OutputItem::Unknown => return,
        };
        let index = self.next_index;
        self.next_index += 1;
        self.indices
            .insert(output_index.unwrap_or(index as u64), index);
        out.push(Event::BlockStart { index, kind });
    }

    fn item_done(&self, output_index: Option<u64>, item: OutputItem, out: &mut Vec<Event>) {
        let Some(&index) = output_index.and_then(|o| self.indices.get(&o)) else {
            return;
        };
        if let OutputItem::Reasoning {
            encrypted_content: Some(signature),
            ..
        } = item
        {
            out.push(Event::SignatureDelta { index, signature });
        }
        out.push(Event::BlockStop { index });
    }

    fn delta(&self, delta: Delta, out: &mut Vec<Event>, make: impl Fn(usize, String) -> Event) {
        if let (Some(&index), Some(text)) = (
            delta.output_index.and_then(|o| self.indices.get(&o)),
            delta.delta,
        ) && !text.is_empty()
        {
            out.push(make(index, text));
        }
    }

    fn finish(&mut self, response: &ResponseObject, out: &mut Vec<Event>) {
        self.usage = response
            .usage
            .as_ref()
            .map(usage_to_canonical)
            .unwrap_or_default();
        self.finished = true;
        out.push(Event::Finish {
            stop: stop_of(response),
            usage: self.usage,
        });
    }
}

impl StreamDecoder for Decoder {
    fn event(&mut self, data: &[u8], out: &mut Vec<Event>) {
        let event: StreamEvent = match serde_json::from_slice(data) {
            Ok(e) => e,
            Err(e) => {
                tracing::debug!(error = %e, "skipping unreadable Responses stream event");
                return;
            }
        };
        match event {
            StreamEvent::Created { response } => out.push(Event::Start {
                id: response.id,
                model: response.model,
                usage: Usage::default(),
            }),
            StreamEvent::OutputItemAdded { output_index, item } => {
                self.item_added(output_index, item, out)
            }
            StreamEvent::OutputTextDelta(d) => {
                self.delta(d, out, |index, text| Event::TextDelta { index, text })
            }
            StreamEvent::FunctionCallArgumentsDelta(d) => {
                self.delta(d, out, |index, json| Event::ToolArgsDelta { index, json })
            }
            StreamEvent::ReasoningSummaryTextDelta(d) | StreamEvent::ReasoningTextDelta(d) => {
                self.delta(d, out, |index, text| Event::ThinkingDelta { index, text })
            }
            StreamEvent::OutputItemDone { output_index, item } => {
                self.item_done(output_index, item, out)
            }
            StreamEvent::Completed { response } | StreamEvent::Incomplete { response } => {
                self.finish(&response, out)
            }
            StreamEvent::Failed { response, message } => out.push(Event::Error {
                message: response
                    .error
                    .and_then(|e| e.message)
                    .or(message)
                    .unwrap_or_else(|| "upstream error".to_owned()),
            }),
            StreamEvent::Error { message, .. } => out.push(Event::Error {
                message: message.unwrap_or_else(|| "upstream error".to_owned()),
            }),
            StreamEvent::ContentPartAdded { .. }
            | StreamEvent::ContentPartDone { .. }
            | StreamEvent::OutputTextDone { .. }
            | StreamEvent::FunctionCallArgumentsDone { .. }
            | StreamEvent::Unknown => {}
        }
    }

    fn finished(&self) -> bool {
        self.finished
    }

    fn usage(&self) -> Usage {
        self.usage
    }
}

/// Writes canonical events as a Responses stream, keeping the output items it announced so the
/// final `response.completed` carries them whole.
pub struct Encoder {
    id: String,
    model: String,
    created: i64,
    sequence: u64,
    open: HashMap<usize, (usize, Part)>,
    output: Vec<Value>,
}

impl Encoder {
    pub fn new(model: &str, created: i64) -> Self {
        Self {
            id: String::new(),
            model: model.to_owned(),
            created,
            sequence: 0,
            open: HashMap::new(),
            output: Vec::new(),
        }
    }

    fn response(&self, output: Vec<Value>, stop: StopReason, usage: &Usage, status: &str) -> Value {
        let mut r = response_object(&self.id, &self.model, self.created, output, stop, usage);
        if !status.is_empty() {
            r["status"] = json!(status);
        }
        r
    }

    fn start(&mut self, index: usize, kind: &BlockKind, out: &mut Vec<u8>) {
        let output_index = self.output.len() + self.open.len();
        let (item, part) = match kind {
            BlockKind::Text => (
                json!({"type": "message", "id": format!("msg_{index}"), "status": "in_progress", "role": "assistant", "content": []}),
                Part::Text(String::new()),
            ),
            BlockKind::ToolCall { id, name } => (
                json!({"type": "function_call", "id": format!("fc_{index}"), "call_id": id, "name": name, "arguments": "", "status": "in_progress"}),
                Part::ToolCall {
                    id: id.clone(),
                    name: name.clone(),
                    arguments: String::new(),
                },
            ),
            BlockKind::Thinking => (
                json!({"type": "reasoning", "id": format!("rs_{index}"), "summary": []}),
                Part::Thinking {
                    text: String::new(),
                    signature: None,
                },
            ),
            BlockKind::RedactedThinking { .. } => return,
        };
        self.write(
            out,
            "response.output_item.added",
            json!({"output_index": output_index, "item": item}),
        );
        match &part {
            Part::Text(_) => self.write(out, "response.content_part.added", json!({"item_id": format!("msg_{index}"), "output_index": output_index,
                "content_index": 0, "part": {"type": "output_text", "text": "", "annotations": []}})),
            Part::Thinking { .. } => self.write(out, "response.reasoning_summary_part.added", json!({"item_id": format!("rs_{index}"),
                "output_index": output_index, "summary_index": 0, "part": {"type": "summary_text", "text": ""}})),
            _ => {}
        }
        self.open.insert(index, (output_index, part));
    }

    fn delta(&mut self, index: usize, text: &str, name: &str, out: &mut Vec<u8>) {
        let Some((output_index, part)) = self.open.get_mut(&index) else {
            return;
        };
        let output_index = *output_index;
        let item_id = match part {
            Part::Text(t) => {
                t.push_str(text);
                format!("msg_{index}")
            }
            Part::ToolCall { arguments, .. } => {
                arguments.push_str(text);
                format!("fc_{index}")
            }
            Part::Thinking { text: t, .. } => {
                t.push_str(text);
                format!("rs_{index}")
            }
            _ => return,
        };
        self.write(out, name, json!({"item_id": item_id, "output_index": output_index, "content_index": 0, "summary_index": 0, "delta": text}));
    }

    fn stop(&mut self, index: usize, out: &mut Vec<u8>) {
        let Some((output_index, part)) = self.open.remove(&index) else {
            return;
        };
        let Some(mut item) = super::response::output_items(std::slice::from_ref(&part)).pop()
        else {
            return;
        };
        let prefix = match &part {
            Part::Text(text) => {
                self.write(out, "response.output_text.done", json!({"item_id": format!("msg_{index}"), "output_index": output_index, "content_index": 0, "text": text}));
                "msg"
            }
            Part::ToolCall { arguments, .. } => {
                self.write(out, "response.function_call_arguments.done", json!({"item_id": format!("fc_{index}"), "output_index": output_index, "arguments": arguments}));
                "fc"
            }
            _ => "rs",
        };
        item["id"] = json!(format!("{prefix}_{index}"));
        self.write(
            out,
            "response.output_item.done",
            json!({"output_index": output_index, "item": item}),
        );
        self.output.push(item);
    }

    fn write(&mut self, out: &mut Vec<u8>, name: &str, mut body: Value) {
        body["type"] = json!(name);
        body["sequence_number"] = json!(self.sequence);
        self.sequence += 1;
        out.extend_from_slice(b"event: ");
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b"\ndata: ");
        if serde_json::to_writer(&mut *out, &body).is_err() {
            out.extend_from_slice(b"{}");
        }
        out.extend_from_slice(b"\n\n");
    }
}

impl StreamEncoder for Encoder {
    fn event(&mut self, event: &Event, out: &mut Vec<u8>) {
        match event {
            Event::Start { id, .. } => {
                self.id = if id.starts_with("resp_") {
                    id.clone()
                } else {
                    format!("resp_{id}")
                };
                let response = self.response(
                    Vec::new(),
                    StopReason::EndTurn,
                    &Usage::default(),
                    "in_progress",
                );
                self.write(out, "response.created", json!({"response": response}));
                self.write(out, "response.in_progress", json!({"response": response}));
            }
            Event::BlockStart { index, kind } => self.start(*index, kind, out),
            Event::TextDelta { index, text } => {
                self.delta(*index, text, "response.output_text.delta", out)
            }
            Event::ToolArgsDelta { index, json: args } => {
                self.delta(*index, args, "response.function_call_arguments.delta", out)
            }
            Event::ThinkingDelta { index, text } => {
                self.delta(*index, text, "response.reasoning_summary_text.delta", out)
            }
            Event::BlockStop { index } => self.stop(*index, out),
            Event::Finish { stop, usage } => {
                let output = std::mem::take(&mut self.output);
                let response = self.response(output, *stop, usage, "");
                let name = if response["status"] == "incomplete" {
                    "response.incomplete"
                } else {
                    "response.completed"
                };
                self.write(out, name, json!({"response": response}));
            }
            Event::Error { message } => {
                let mut response =
                    self.response(Vec::new(), StopReason::EndTurn, &Usage::default(), "failed");
                response["error"] = json!({"code": "server_error", "message": message});
                self.write(out, "response.failed", json!({"response": response}));
            }
            Event::SignatureDelta { .. } => {}
        }
    }
}
