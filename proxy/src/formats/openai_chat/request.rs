//! OpenAI Chat Completions requests ↔ canonical requests.

use serde_json::{Map, Value, json};

use super::wire::{ChatMessage, ChatRequest, ContentPart, MessageContent, Stop};
use crate::canonical::{Effort, Media, Message, Part, Reasoning, Request, Role, Tool, ToolChoice};
use crate::formats::InvalidRequest;

pub fn to_canonical(req: ChatRequest) -> Result<Request, InvalidRequest> {
    let mut system = Vec::new();
    let mut messages: Vec<Message> = Vec::new();
    for message in req.messages {
        match message {
            ChatMessage::System { content } | ChatMessage::Developer { content } => {
                system.push(content_text(content));
            }
            ChatMessage::User { content } => {
                push(&mut messages, Role::User, content_parts(content))
            }
            ChatMessage::Assistant {
                content,
                tool_calls,
                reasoning_content,
            } => {
                let mut parts = Vec::new();
                if let Some(text) = reasoning_content.filter(|t| !t.is_empty()) {
                    parts.push(Part::Thinking {
                        text,
                        signature: None,
                    });
                }
                parts.extend(content.map(content_parts).unwrap_or_default());
                parts.extend(
                    tool_calls
                        .unwrap_or_default()
                        .into_iter()
                        .map(|c| Part::ToolCall {
                            id: c.id,
                            name: c.function.name,
                            arguments: c.function.arguments,
                        }),
                );
                push(&mut messages, Role::Assistant, parts);
            }
            // Tool results travel in the user turn, as in the canonical (Anthropic) model.
            ChatMessage::Tool {
                tool_call_id,
                content,
            } => push(
                &mut messages,
                Role::User,
                vec![Part::ToolResult {
                    call_id: tool_call_id,
                    content: content.map(content_parts).unwrap_or_default(),
                    is_error: false,
                }],
            ),
            ChatMessage::Unknown => {}
        }
    }
    let tools = req
        .tools
        .unwrap_or_default()
        .into_iter()
        .filter_map(|t| t.function)
        .map(|f| Tool {
            name: f.name,
            description: f.description,
            parameters: f
                .parameters
                .unwrap_or_else(|| json!({"type": "object", "properties": {}})),
        })
        .collect();
    Ok(Request {
        model: req.model,
        system,
        messages,
        tools,
        tool_choice: req.tool_choice.as_ref().and_then(choice_to_canonical),
        max_tokens: req.max_completion_tokens.or(req.max_tokens),
        temperature: req.temperature,
        top_p: req.top_p,
        top_k: None,
        stop: match req.stop {
            Some(Stop::One(s)) => vec![s],
            Some(Stop::Many(v)) => v,
            None => Vec::new(),
        },
        stream: req.stream.unwrap_or(false),
        reasoning: req
            .reasoning_effort
            .as_deref()
            .and_then(Effort::parse)
            .map(|e| Reasoning {
                effort: Some(e),
                budget_tokens: None,
            }),
        parallel_tool_calls: req.parallel_tool_calls,
        user: req.user,
    })
}

fn push(messages: &mut Vec<Message>, role: Role, parts: Vec<Part>) {
    match messages.last_mut() {
        Some(last) if last.role == role && role == Role::User => last.parts.extend(parts),
        _ => messages.push(Message { role, parts }),
    }
}

fn content_text(content: MessageContent) -> String {
    match content {
        MessageContent::Text(text) => text,
        MessageContent::Parts(parts) => parts
            .into_iter()
            .filter_map(|p| match p {
                ContentPart::Text { text } => Some(text),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn content_parts(content: MessageContent) -> Vec<Part> {
    match content {
        MessageContent::Text(text) => vec![Part::Text(text)],
        MessageContent::Parts(parts) => parts
            .into_iter()
            .filter_map(|p| match p {
                ContentPart::Text { text } => Some(Part::Text(text)),
                ContentPart::ImageUrl { image_url } => {
                    Some(Part::Image(Media::from_url(&image_url.url)))
                }
                ContentPart::File { file } => {
                    file.file_data.map(|d| Part::Document(Media::from_url(&d)))
                }
                ContentPart::Unknown => None,
            })
            .collect(),
    }
}

fn choice_to_canonical(choice: &Value) -> Option<ToolChoice> {
    match choice {
        Value::String(s) => match s.as_str() {
            "auto" => Some(ToolChoice::Auto),
            "none" => Some(ToolChoice::None),
            "required" => Some(ToolChoice::Required),
            _ => None,
        },
        Value::Object(o) => o
            .get("function")
            .and_then(|f| f.get("name"))
            .and_then(Value::as_str)
            .map(|n| ToolChoice::Tool(n.to_owned())),
        _ => None,
    }
}

/// How the upstream names the output limit: OpenAI's own API wants `max_completion_tokens`
/// (reasoning models reject `max_tokens`); other OpenAI-compatible servers know `max_tokens`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaxTokensField {
    MaxCompletionTokens,
    MaxTokens,
}

/// The OpenAI chat body for a canonical request (reasoning text is not sent back: the API has
/// no field for it).
pub fn from_canonical(req: &Request, max_field: MaxTokensField) -> Value {
    let mut messages = Vec::new();
    if !req.system.is_empty() {
        messages.push(json!({"role": "system", "content": req.system.join("\n\n")}));
    }
    for message in &req.messages {
        match message.role {
            Role::User => user_messages(&message.parts, &mut messages),
            Role::Assistant => messages.push(assistant_message(&message.parts)),
            Role::System => {
                let text = message.text();
                if !text.is_empty() {
                    messages.push(json!({"role": "system", "content": text}));
                }
            }
        }
    }
    let mut body = Map::new();
    body.insert("model".into(), json!(req.model));
    body.insert("messages".into(), Value::Array(messages));
    body.insert("stream".into(), json!(req.stream));
    if req.stream {
        body.insert("stream_options".into(), json!({"include_usage": true}));
    }
    if let Some(max) = req.max_tokens {
        let key = match max_field {
            MaxTokensField::MaxCompletionTokens => "max_completion_tokens",
            MaxTokensField::MaxTokens => "max_tokens",
        };
        body.insert(key.into(), json!(max));
    }
    let mut optional = |key: &str, value: Option<Value>| {
        if let Some(v) = value {
            body.insert(key.to_owned(), v);
        }
    };
    optional("temperature", req.temperature.map(|v| json!(v)));
    optional("top_p", req.top_p.map(|v| json!(v)));
    optional("stop", (!req.stop.is_empty()).then(|| json!(req.stop)));
    optional("user", req.user.as_ref().map(|u| json!(u)));
    optional(
        "reasoning_effort",
        req.reasoning.map(|r| json!(r.effort().as_str())),
    );
    if !req.tools.is_empty() {
        optional(
            "tools",
            Some(Value::Array(req.tools.iter().map(tool_json).collect())),
        );
        optional("tool_choice", req.tool_choice.as_ref().map(choice_json));
        optional(
            "parallel_tool_calls",
            req.parallel_tool_calls.map(|p| json!(p)),
        );
    }
    Value::Object(body)
}

/// Tool results become `tool` messages (first, right after the assistant turn that called
/// them); the rest of the turn becomes one user message.
fn user_messages(parts: &[Part], out: &mut Vec<Value>) {
    let mut content = Vec::new();
    for part in parts {
        match part {
            Part::ToolResult {
                call_id,
                content: result,
                is_error,
            } => {
                // Images in tool results have no OpenAI equivalent.
                let mut text = crate::canonical::text_lines(result);
                if *is_error && !text.starts_with("Error") {
                    text = format!("Error: {text}");
                }
                out.push(json!({"role": "tool", "tool_call_id": call_id, "content": text}));
            }
            other => content.extend(content_part_json(other)),
        }
    }
    if content.is_empty() {
        return;
    }
    let only_text = content.iter().all(|c| c["type"] == "text");
    let content = if only_text {
        json!(
            content
                .iter()
                .filter_map(|c| c["text"].as_str())
                .collect::<Vec<_>>()
                .join("\n")
        )
    } else {
        Value::Array(content)
    };
    out.push(json!({"role": "user", "content": content}));
}

fn assistant_message(parts: &[Part]) -> Value {
    let text: String = parts
        .iter()
        .filter_map(|p| match p {
            Part::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    let calls: Vec<Value> = parts
        .iter()
        .filter_map(|p| match p {
            Part::ToolCall {
                id,
                name,
                arguments,
            } => Some(json!({
                "id": id, "type": "function", "function": {"name": name, "arguments": arguments}})),
            _ => None,
        })
        .collect();
    let mut message = json!({"role": "assistant", "content": if text.is_empty() { Value::Null } else { json!(text) }});
    if !calls.is_empty() {
        message["tool_calls"] = Value::Array(calls);
    }
    message
}

fn content_part_json(part: &Part) -> Option<Value> {
    Some(match part {
        Part::Text(text) => json!({"type": "text", "text": text}),
        Part::Image(media) => json!({"type": "image_url", "image_url": {"url": media.to_url()}}),
        Part::Document(media) => {
            json!({"type": "file", "file": {"filename": "document.pdf", "file_data": media.to_url()}})
        }
        _ => return None,
    })
}

fn tool_json(tool: &Tool) -> Value {
    let mut function = json!({"name": tool.name, "parameters": tool.parameters});
    if let Some(d) = &tool.description {
        function["description"] = json!(d);
    }
    json!({"type": "function", "function": function})
}

fn choice_json(choice: &ToolChoice) -> Value {
    match choice {
        ToolChoice::Auto => json!("auto"),
        ToolChoice::None => json!("none"),
        ToolChoice::Required => json!("required"),
        ToolChoice::Tool(name) => json!({"type": "function", "function": {"name": name}}),
    }
}
