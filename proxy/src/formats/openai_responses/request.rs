//! OpenAI Responses API requests ↔ canonical requests. Items are read from JSON directly: the
//! input is a list of typed items with many optional shapes, most of which Satu only passes on.

use serde_json::{Map, Value, json};

use crate::canonical::{Effort, Media, Message, Part, Reasoning, Request, Role, Tool, ToolChoice};
use crate::formats::InvalidRequest;

pub fn to_canonical(body: &Map<String, Value>) -> Result<Request, InvalidRequest> {
    let model = body
        .get("model")
        .and_then(Value::as_str)
        .ok_or("model is required")?
        .to_owned();
    let mut system: Vec<String> = body
        .get("instructions")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .into_iter()
        .collect();
    let mut messages: Vec<Message> = Vec::new();
    match body.get("input") {
        Some(Value::String(text)) => {
            push(&mut messages, Role::User, vec![Part::Text(text.clone())])
        }
        Some(Value::Array(items)) => {
            for item in items {
                read_item(item, &mut system, &mut messages);
            }
        }
        _ => return Err("input is required".into()),
    }
    let tools = body
        .get("tools")
        .and_then(Value::as_array)
        .map(|tools| {
            tools
                .iter()
                .filter(|t| t["type"] == "function")
                .filter_map(|t| {
                    Some(Tool {
                        name: t["name"].as_str()?.to_owned(),
                        description: t["description"].as_str().map(str::to_owned),
                        parameters: t
                            .get("parameters")
                            .cloned()
                            .unwrap_or_else(|| json!({"type": "object", "properties": {}})),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Request {
        model,
        system,
        messages,
        tools,
        tool_choice: body.get("tool_choice").and_then(choice_to_canonical),
        max_tokens: body.get("max_output_tokens").and_then(Value::as_u64),
        temperature: body.get("temperature").and_then(Value::as_f64),
        top_p: body.get("top_p").and_then(Value::as_f64),
        top_k: None,
        stop: Vec::new(),
        stream: body.get("stream").and_then(Value::as_bool).unwrap_or(false),
        reasoning: body
            .get("reasoning")
            .and_then(|r| r.get("effort"))
            .and_then(Value::as_str)
            .and_then(Effort::parse)
            .map(|e| Reasoning {
                effort: Some(e),
                budget_tokens: None,
            }),
        parallel_tool_calls: body.get("parallel_tool_calls").and_then(Value::as_bool),
        user: body.get("user").and_then(Value::as_str).map(str::to_owned),
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

fn read_item(item: &Value, system: &mut Vec<String>, messages: &mut Vec<Message>) {
    let kind = item["type"].as_str().unwrap_or("message");
    match kind {
        "message" => match item["role"].as_str().unwrap_or("user") {
            "system" | "developer" => system.push(
                content_parts(&item["content"])
                    .iter()
                    .filter_map(text_of)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            "assistant" => push(messages, Role::Assistant, content_parts(&item["content"])),
            _ => push(messages, Role::User, content_parts(&item["content"])),
        },
        "function_call" => push(
            messages,
            Role::Assistant,
            vec![Part::ToolCall {
                id: item["call_id"].as_str().unwrap_or_default().to_owned(),
                name: item["name"].as_str().unwrap_or_default().to_owned(),
                arguments: item["arguments"].as_str().unwrap_or("{}").to_owned(),
            }],
        ),
        "function_call_output" => {
            let output = match &item["output"] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            push(
                messages,
                Role::User,
                vec![Part::ToolResult {
                    call_id: item["call_id"].as_str().unwrap_or_default().to_owned(),
                    content: vec![Part::Text(output)],
                    is_error: false,
                }],
            );
        }
        "reasoning" => {
            let text = item["summary"]
                .as_array()
                .map(|s| {
                    s.iter()
                        .filter_map(|p| p["text"].as_str())
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default();
            let signature = item["encrypted_content"].as_str().map(str::to_owned);
            push(
                messages,
                Role::Assistant,
                vec![Part::Thinking { text, signature }],
            );
        }
        _ => {}
    }
}

fn text_of(part: &Part) -> Option<&str> {
    match part {
        Part::Text(t) => Some(t),
        _ => None,
    }
}

fn content_parts(content: &Value) -> Vec<Part> {
    match content {
        Value::String(s) => vec![Part::Text(s.clone())],
        Value::Array(parts) => parts
            .iter()
            .filter_map(|p| match p["type"].as_str()? {
                "input_text" | "output_text" | "text" => {
                    Some(Part::Text(p["text"].as_str()?.to_owned()))
                }
                "input_image" => Some(Part::Image(Media::from_url(p["image_url"].as_str()?))),
                "input_file" => Some(Part::Document(Media::from_url(p["file_data"].as_str()?))),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn choice_to_canonical(choice: &Value) -> Option<ToolChoice> {
    match choice {
        Value::String(s) => match s.as_str() {
            "none" => Some(ToolChoice::None),
            "required" => Some(ToolChoice::Required),
            _ => Some(ToolChoice::Auto),
        },
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|n| ToolChoice::Tool(n.to_owned())),
        _ => None,
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
