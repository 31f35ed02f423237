//! Builds a whole canonical response from a stream of events (for upstreams that always stream
//! answering clients that did not ask to).

use std::collections::HashMap;

use super::{BlockKind, Event, Part, Response};

#[derive(Default)]
pub struct Collector {
    response: Response,
    blocks: HashMap<usize, usize>,
    error: Option<String>,
    finished: bool,
}

impl Collector {
    pub fn event(&mut self, event: Event) {
        let parts = &mut self.response.parts;
        match event {
            Event::Start { id, model, usage } => {
                self.response.id = id;
                self.response.model = model;
                self.response.usage = usage;
            }
            Event::BlockStart { index, kind } => {
                self.blocks.insert(index, parts.len());
                parts.push(match kind {
                    BlockKind::Text => Part::Text(String::new()),
                    BlockKind::ToolCall { id, name } => Part::ToolCall {
                        id,
                        name,
                        arguments: String::new(),
                    },
                    BlockKind::Thinking => Part::Thinking {
                        text: String::new(),
                        signature: None,
                    },
                    BlockKind::RedactedThinking { data } => Part::RedactedThinking { data },
                });
            }
            Event::TextDelta { index, text: more } | Event::ThinkingDelta { index, text: more } => {
                match self.blocks.get(&index).and_then(|&at| parts.get_mut(at)) {
                    Some(Part::Text(text)) | Some(Part::Thinking { text, .. }) => {
                        text.push_str(&more)
                    }
                    _ => {}
                }
            }
            Event::ToolArgsDelta { index, json } => {
                if let Some(Part::ToolCall { arguments, .. }) =
                    self.blocks.get(&index).and_then(|&at| parts.get_mut(at))
                {
                    arguments.push_str(&json);
                }
            }
            Event::SignatureDelta {
                index,
                signature: sig,
            } => {
                if let Some(Part::Thinking { signature, .. }) =
                    self.blocks.get(&index).and_then(|&at| parts.get_mut(at))
                {
                    signature.get_or_insert_with(String::new).push_str(&sig);
                }
            }
            Event::BlockStop { .. } => {}
            Event::Finish { stop, usage } => {
                self.response.stop = stop;
                self.response.usage = usage;
                self.finished = true;
            }
            Event::Error { message } => self.error = Some(message),
        }
    }

    /// The response, or why there is none (an error event, or a stream that never finished).
    pub fn finish(self) -> Result<Response, String> {
        match (self.error, self.finished) {
            (Some(e), _) => Err(e),
            (None, false) => {
                Err("the upstream stream ended before the response was complete".to_owned())
            }
            (None, true) => Ok(self.response),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canonical::{StopReason, Usage};

    #[test]
    fn events_collect_into_a_response() {
        let mut c = Collector::default();
        for e in [
            Event::Start {
                id: "r".into(),
                model: "m".into(),
                usage: Usage::default(),
            },
            Event::BlockStart {
                index: 0,
                kind: BlockKind::Text,
            },
            Event::TextDelta {
                index: 0,
                text: "Hel".into(),
            },
            Event::TextDelta {
                index: 0,
                text: "lo".into(),
            },
            Event::BlockStop { index: 0 },
            Event::BlockStart {
                index: 1,
                kind: BlockKind::ToolCall {
                    id: "c".into(),
                    name: "f".into(),
                },
            },
            Event::ToolArgsDelta {
                index: 1,
                json: "{}".into(),
            },
            Event::Finish {
                stop: StopReason::ToolUse,
                usage: Usage {
                    input: 3,
                    output: 2,
                    ..Default::default()
                },
            },
        ] {
            c.event(e);
        }
        let r = c.finish().unwrap();
        assert_eq!(
            r.parts,
            vec![
                Part::Text("Hello".into()),
                Part::ToolCall {
                    id: "c".into(),
                    name: "f".into(),
                    arguments: "{}".into()
                }
            ]
        );
        assert_eq!((r.stop, r.usage.input), (StopReason::ToolUse, 3));
        assert!(Collector::default().finish().is_err());
    }
}
