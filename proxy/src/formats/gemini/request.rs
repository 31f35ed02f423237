//! Gemini `generateContent` requests ↔ canonical requests.

use std::collections::{HashMap, VecDeque};

use serde_json::{Map, Value, json};

use super::wire::{
    Blob, Content, FileData, FunctionCall, FunctionCallingConfig, FunctionDeclaration,
    FunctionResponse, GenerateRequest, GenerationConfig, ThinkingConfig, ToolConfig, ToolSet,
    WirePart,
};
use crate::canonical::{Effort, Media, Message, Part, Reasoning, Request, Role, Tool, ToolChoice};
use crate::formats::InvalidRequest;

pub fn to_canonical(
    req: GenerateRequest,
    model: &str,
    stream: bool,
) -> Result<Request, InvalidRequest> {
    if req.contents.is_empty() {
        return Err("contents is not specified".into());
    }
    let mut ids = CallIds::default();
    let messages = req
        .contents
        .into_iter()
        .map(|c| Message {
            role: if c.role.as_deref() == Some("model") {
                Role::Assistant
            } else {
                Role::User
            },
            parts: c
                .parts
                .into_iter()
                .filter_map(|p| part_to_canonical(p, &mut ids))
                .collect(),
        })
        .collect();
    let config = req.generation_config.unwrap_or_default();
    let tools: Vec<Tool> = req
        .tools
        .into_iter()
        .flat_map(|t| t.function_declarations)
        .map(|f| Tool {
            name: f.name,
            description: f.description,
            parameters: f
                .parameters_json_schema
                .or(f.parameters.map(lowercase_types))
                .unwrap_or_else(|| json!({"type": "object", "properties": {}})),
        })
        .collect();
    Ok(Request {
        model: model.to_owned(),
        system: req
            .system_instruction
            .map(|s| s.parts.into_iter().filter_map(|p| p.text).collect())
            .unwrap_or_default(),
        messages,
        tools,
        tool_choice: req
            .tool_config
            .and_then(|t| t.function_calling_config)
            .and_then(choice_to_canonical),
        max_tokens: config.max_output_tokens,
        temperature: config.temperature,
        top_p: config.top_p,
        top_k: config.top_k,
        stop: config.stop_sequences.unwrap_or_default(),
        stream,
        reasoning: config
            .thinking_config
            .and_then(|t| match t.thinking_budget {
                Some(0) => None,
                Some(b) if b > 0 => Some(Reasoning {
                    effort: None,
                    budget_tokens: Some(b as u64),
                }),
                _ if t.include_thoughts == Some(true) || t.thinking_budget == Some(-1) => {
                    Some(Reasoning {
                        effort: Some(Effort::Medium),
                        budget_tokens: None,
                    })
                }
                _ => None,
            }),
        parallel_tool_calls: None,
        user: None,
    })
}

/// Gemini may omit call ids; calls and responses then pair up by name, in order.
#[derive(Default)]
struct CallIds {
    pending: HashMap<String, VecDeque<String>>,
    count: usize,
}

impl CallIds {
    fn call(&mut self, id: Option<String>, name: &str) -> String {
        let id = id.unwrap_or_else(|| {
            self.count += 1;
            format!("call_{}_{}", name, self.count)
        });
        self.pending
            .entry(name.to_owned())
            .or_default()
            .push_back(id.clone());
        id
    }

    fn response(&mut self, id: Option<String>, name: &str) -> String {
        let queued = self.pending.get_mut(name).and_then(VecDeque::pop_front);
        id.or(queued).unwrap_or_else(|| format!("call_{name}"))
    }
}

fn part_to_canonical(part: WirePart, ids: &mut CallIds) -> Option<Part> {
    if let Some(call) = part.function_call {
        return Some(Part::ToolCall {
            id: ids.call(call.id, &call.name),
            arguments: if call.args.is_null() {
                "{}".to_owned()
            } else {
                call.args.to_string()
            },
            name: call.name,
        });
    }
    if let Some(response) = part.function_response {
        let is_error =
            response.response.get("error").is_some() && response.response.get("output").is_none();
        return Some(Part::ToolResult {
            call_id: ids.response(response.id, &response.name),
            content: vec![Part::Text(response_text(&response.response))],
            is_error,
        });
    }
    if let Some(blob) = part.inline_data {
        let media = Media::Base64 {
            media_type: blob.mime_type.clone(),
            data: blob.data,
        };
        return Some(if blob.mime_type.starts_with("image/") {
            Part::Image(media)
        } else {
            Part::Document(media)
        });
    }
    if let Some(file) = part.file_data {
        let is_image = file
            .mime_type
            .as_deref()
            .is_some_and(|m| m.starts_with("image/"));
        let media = Media::Url(file.file_uri);
        return Some(if is_image {
            Part::Image(media)
        } else {
            Part::Document(media)
        });
    }
    let text = part.text?;
    Some(if part.thought == Some(true) {
        Part::Thinking {
            text,
            signature: part.thought_signature,
        }
    } else {
        Part::Text(text)
    })
}

/// A function response as text for providers that take text: the `output` field when that is
/// all there is, else the JSON.
fn response_text(response: &Value) -> String {
    match response.get("output").or_else(|| response.get("result")) {
        Some(Value::String(s)) if response.as_object().is_some_and(|o| o.len() == 1) => s.clone(),
        _ => response.to_string(),
    }
}

/// Gemini's OpenAPI-style schemas spell types in capitals (`OBJECT`); JSON Schema wants lower case.
pub fn lowercase_types(mut schema: Value) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for (k, child) in map.iter_mut() {
                    if k == "type"
                        && let Value::String(s) = child
                    {
                        *s = s.to_lowercase();
                    }
                    walk(child);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut schema);
    schema
}

fn choice_to_canonical(config: FunctionCallingConfig) -> Option<ToolChoice> {
    match config.mode.as_deref()? {
        "ANY" => Some(match config.allowed_function_names.as_deref() {
            Some([one]) => ToolChoice::Tool(one.clone()),
            _ => ToolChoice::Required,
        }),
        "NONE" => Some(ToolChoice::None),
        _ => Some(ToolChoice::Auto),
    }
}

/// The Gemini request for a canonical one. Reasoning text is not sent back (Gemini does not
/// need it as input); the model goes in the URL.
pub fn from_canonical(req: &Request) -> GenerateRequest {
    let names: HashMap<&str, &str> = req
        .messages
        .iter()
        .flat_map(|m| &m.parts)
        .filter_map(|p| match p {
            Part::ToolCall { id, name, .. } => Some((id.as_str(), name.as_str())),
            _ => None,
        })
        .collect();
    let mut contents: Vec<Content> = Vec::new();
    // System turns go into `systemInstruction` (Gemini's turns are only user and model).
    for message in req.messages.iter().filter(|m| m.role != Role::System) {
        let parts: Vec<WirePart> = message
            .parts
            .iter()
            .filter_map(|p| part_from_canonical(p, &names))
            .collect();
        if parts.is_empty() {
            continue;
        }
        let role = match message.role {
            Role::Assistant => "model",
            Role::User | Role::System => "user",
        };
        match contents.last_mut() {
            Some(last) if last.role.as_deref() == Some(role) => last.parts.extend(parts),
            _ => contents.push(Content {
                role: Some(role.to_owned()),
                parts,
            }),
        }
    }
    let system = req.hoisted_system();
    GenerateRequest {
        contents,
        system_instruction: (!system.is_empty()).then(|| Content {
            role: None,
            parts: vec![WirePart {
                text: Some(system.join("\n\n")),
                ..Default::default()
            }],
        }),
        tools: if req.tools.is_empty() {
            Vec::new()
        } else {
            vec![ToolSet {
                function_declarations: req
                    .tools
                    .iter()
                    .map(|t| FunctionDeclaration {
                        name: t.name.clone(),
                        description: t.description.clone(),
                        parameters: None,
                        parameters_json_schema: Some(t.parameters.clone()),
                    })
                    .collect(),
            }]
        },
        tool_config: req.tool_choice.as_ref().map(|c| ToolConfig {
            function_calling_config: Some(match c {
                ToolChoice::Auto => FunctionCallingConfig {
                    mode: Some("AUTO".into()),
                    allowed_function_names: None,
                },
                ToolChoice::Required => FunctionCallingConfig {
                    mode: Some("ANY".into()),
                    allowed_function_names: None,
                },
                ToolChoice::None => FunctionCallingConfig {
                    mode: Some("NONE".into()),
                    allowed_function_names: None,
                },
                ToolChoice::Tool(name) => FunctionCallingConfig {
                    mode: Some("ANY".into()),
                    allowed_function_names: Some(vec![name.clone()]),
                },
            }),
        }),
        generation_config: Some(GenerationConfig {
            temperature: req.temperature,
            top_p: req.top_p,
            top_k: req.top_k,
            max_output_tokens: req.max_tokens,
            stop_sequences: (!req.stop.is_empty()).then(|| req.stop.clone()),
            thinking_config: req.reasoning.map(|r| ThinkingConfig {
                thinking_budget: Some(i64::try_from(r.budget()).unwrap_or(i64::MAX)),
                include_thoughts: Some(true),
            }),
        }),
    }
}

fn part_from_canonical(part: &Part, names: &HashMap<&str, &str>) -> Option<WirePart> {
    Some(match part {
        Part::Text(text) if text.is_empty() => return None,
        Part::Text(text) => WirePart {
            text: Some(text.clone()),
            ..Default::default()
        },
        Part::Image(media) | Part::Document(media) => match media {
            Media::Base64 { media_type, data } => WirePart {
                inline_data: Some(Blob {
                    mime_type: media_type.clone(),
                    data: data.clone(),
                }),
                ..Default::default()
            },
            Media::Url(url) => WirePart {
                file_data: Some(FileData {
                    mime_type: None,
                    file_uri: url.clone(),
                }),
                ..Default::default()
            },
        },
        Part::ToolCall {
            name, arguments, ..
        } => WirePart {
            function_call: Some(FunctionCall {
                id: None,
                name: name.clone(),
                args: serde_json::from_str(arguments).unwrap_or_else(|_| json!({})),
            }),
            ..Default::default()
        },
        Part::ToolResult {
            call_id,
            content,
            is_error,
        } => {
            let text: String = content
                .iter()
                .filter_map(|p| match p {
                    Part::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("\n");
            let response = match serde_json::from_str::<Value>(&text) {
                Ok(Value::Object(map)) => Value::Object(map),
                _ => {
                    let mut map = Map::new();
                    map.insert(
                        (if *is_error { "error" } else { "output" }).to_owned(),
                        Value::String(text),
                    );
                    Value::Object(map)
                }
            };
            WirePart {
                function_response: Some(FunctionResponse {
                    id: None,
                    name: names
                        .get(call_id.as_str())
                        .map_or_else(|| call_id.clone(), |n| (*n).to_owned()),
                    response,
                }),
                ..Default::default()
            }
        }
        Part::Thinking { .. } | Part::RedactedThinking { .. } => return None,
    })
}
