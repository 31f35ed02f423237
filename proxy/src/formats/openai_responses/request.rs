//! OpenAI Responses API requests ↔ canonical requests.

use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::wire::{
    Content, ContentPart, Input, InputItem, Item, ResponsesRequest, Tool as WireTool,
    ToolChoice as WireToolChoice, ToolOutput,
};
use crate::canonical::{Effort, Media, Message, Part, Reasoning, Request, Role, Tool, ToolChoice};
use crate::formats::InvalidRequest;

/// The body as the inbound parse keeps it (whole, for a passthrough), read through the wire
/// types.
pub fn to_canonical(body: &Map<String, Value>) -> Result<Request, InvalidRequest> {
    let wire = ResponsesRequest::deserialize(body)
        .map_err(|e| InvalidRequest(format!("Invalid request: {e}")))?;
    wire_to_canonical(wire)
}

pub fn wire_to_canonical(req: ResponsesRequest) -> Result<Request, InvalidRequest> {
    let model = req.model.ok_or("model is required")?;
    let mut system: Vec<String> = req.instructions.into_iter().collect();
    let mut messages: Vec<Message> = Vec::new();
    match req.input.ok_or("input is required")? {
        Input::Text(text) => push(&mut messages, Role::User, vec![Part::Text(text)]),
        Input::Items(items) => {
            for item in items {
                read_item(item, &mut system, &mut messages);
            }
        }
    }
    let tools = req
        .tools
        .unwrap_or_default()
        .into_iter()
        .filter_map(|t| match t {
            WireTool::Function {
                name: Some(name),
                description,
                parameters,
                ..
            } => Some(Tool {
                name,
                description,
                parameters,
            }),
            _ => None,
        })
        .collect();
    Ok(Request {
        model,
        system,
        messages,
        tools,
        tool_choice: req.tool_choice.and_then(choice_to_canonical),
        max_tokens: req.max_output_tokens,
        temperature: req.temperature,
        top_p: req.top_p,
        top_k: None,
        stop: Vec::new(),
        stream: req.stream.unwrap_or(false),
        reasoning: req
            .reasoning
            .and_then(|r| r.effort)
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
    if parts.is_empty() {
        return;
    }
    match messages.last_mut() {
        Some(last) if last.role == role => last.parts.extend(parts),
        _ => messages.push(Message { role, parts }),
    }
}

fn read_item(item: InputItem, system: &mut Vec<String>, messages: &mut Vec<Message>) {
    let item = match item {
        InputItem::Typed(item) => item,
        InputItem::Message(m) => {
            return read_message(Some(&m.role), Some(m.content), system, messages);
        }
    };
    match item {
        Item::Message(m) => read_message(m.role.as_deref(), m.content, system, messages),
        Item::FunctionCall {
            call_id,
            name,
            arguments,
        } => push(
            messages,
            Role::Assistant,
            vec![Part::ToolCall {
                id: call_id,
                name,
                arguments: arguments.unwrap_or_else(|| "{}".to_owned()),
            }],
        ),
        Item::FunctionCallOutput { call_id, output } => {
            let output = match output {
                ToolOutput::Text(s) => s,
                ToolOutput::Json(other) => other.to_string(),
            };
            push(
                messages,
                Role::User,
                vec![Part::ToolResult {
                    call_id,
                    content: vec![Part::Text(output)],
                    is_error: false,
                }],
            );
        }
        Item::Reasoning {
            summary,
            encrypted_content,
        } => {
            let text = summary
                .into_iter()
                .filter_map(|s| s.text)
                .collect::<Vec<_>>()
                .join("\n");
            push(
                messages,
                Role::Assistant,
                vec![Part::Thinking {
                    text,
                    signature: encrypted_content,
                }],
            );
        }
        Item::Unknown => {}
    }
}

fn read_message(
    role: Option<&str>,
    content: Option<Content>,
    system: &mut Vec<String>,
    messages: &mut Vec<Message>,
) {
    let parts = content.map(content_parts).unwrap_or_default();
    match role.unwrap_or("user") {
        "system" | "developer" => system.push(
            parts
                .iter()
                .filter_map(text_of)
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        "assistant" => push(messages, Role::Assistant, parts),
        _ => push(messages, Role::User, parts),
    }
}

fn text_of(part: &Part) -> Option<&str> {
    match part {
        Part::Text(t) => Some(t),
        _ => None,
    }
}

fn content_parts(content: Content) -> Vec<Part> {
    match content {
        Content::Text(s) => vec![Part::Text(s)],
        Content::Parts(parts) => parts
            .into_iter()
            .filter_map(|p| match p {
                ContentPart::InputText { text }
                | ContentPart::OutputText { text }
                | ContentPart::Text { text } => text.map(Part::Text),
                ContentPart::InputImage { image_url } => {
                    image_url.map(|u| Part::Image(Media::from_url(&u)))
                }
                ContentPart::InputFile { file_data } => {
                    file_data.map(|d| Part::Document(Media::from_url(&d)))
                }
                ContentPart::Unknown => None,
            })
            .collect(),
    }
}

fn choice_to_canonical(choice: WireToolChoice) -> Option<ToolChoice> {
    match choice {
        WireToolChoice::Mode(mode) => Some(match mode.as_str() {
            "none" => ToolChoice::None,
            "required" => ToolChoice::Required,
            _ => ToolChoice::Auto,
        }),
        WireToolChoice::Named(named) => named.name.map(ToolChoice::Tool),
    }
}

/// The Responses body for a canonical request. Reasoning items are not rebuilt (they need
/// OpenAI's own encrypted content, which only a passthrough carries).
pub fn from_canonical(req: &Request) -> Value {
    let mut input = Vec::new();
    for message in &req.messages {
        for part in &message.parts {
            if let Some(item) = item_from_part(message.role, part) {
                input.push(item);
            }
        }
    }
    let mut body = json!({
        "model": req.model,
        "instructions": req.system.join("\n\n"),
        "input": input,
        "stream": req.stream,
        "store": false,
    });
    if !req.tools.is_empty() {
        body["tools"] = Value::Array(
            req.tools
                .iter()
                .map(|t| json!({"type": "function", "name": t.name, "description": t.description, "parameters": t.parameters, "strict": false}))
                .collect(),
        );
        if let Some(choice) = &req.tool_choice {
            body["tool_choice"] = match choice {
                ToolChoice::Auto => json!("auto"),
                ToolChoice::None => json!("none"),
                ToolChoice::Required => json!("required"),
                ToolChoice::Tool(name) => json!({"type": "function", "name": name}),
            };
        }
        if let Some(p) = req.parallel_tool_calls {
            body["parallel_tool_calls"] = json!(p);
        }
    }
    if let Some(r) = req.reasoning {
        body["reasoning"] = json!({"effort": r.effort().as_str(), "summary": "auto"});
    }
    if let Some(max) = req.max_tokens {
        body["max_output_tokens"] = json!(max);
    }
    if let Some(t) = req.temperature {
        body["temperature"] = json!(t);
    }
    if let Some(p) = req.top_p {
        body["top_p"] = json!(p);
    }
    body
}

fn item_from_part(role: Role, part: &Part) -> Option<Value> {
    Some(match (role, part) {
        (
            _,
            Part::ToolCall {
                id,
                name,
                arguments,
            },
        ) => {
            json!({"type": "function_call", "call_id": id, "name": name, "arguments": arguments})
        }
        (
            _,
            Part::ToolResult {
                call_id, content, ..
            },
        ) => {
            let text: Vec<&str> = content.iter().filter_map(text_of).collect();
            json!({"type": "function_call_output", "call_id": call_id, "output": text.join("\n")})
        }
        (Role::Assistant, Part::Text(text)) => {
            json!({"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": text}]})
        }
        (Role::User, Part::Text(text)) => {
            json!({"type": "message", "role": "user", "content": [{"type": "input_text", "text": text}]})
        }
        // The Responses API's in-place system turn is a developer message.
        (Role::System, Part::Text(text)) => {
            json!({"type": "message", "role": "developer", "content": [{"type": "input_text", "text": text}]})
        }
        (Role::User, Part::Image(media)) => {
            json!({"type": "message", "role": "user", "content": [{"type": "input_image", "image_url": media.to_url()}]})
        }
        (Role::User, Part::Document(media)) => json!({"type": "message", "role": "user",
            "content": [{"type": "input_file", "filename": "document.pdf", "file_data": media.to_url()}]}),
        _ => return None,
    })
}
