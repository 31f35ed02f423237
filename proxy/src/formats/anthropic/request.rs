//! Anthropic Messages requests ↔ canonical requests.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::json;

use super::wire::{self, Block, Content, MessagesRequest, Source};
use crate::canonical::{Media, Message, Part, Reasoning, Request, Role, Tool, ToolChoice};
use crate::formats::InvalidRequest;

/// Used when a request translated to Anthropic carries no `max_tokens` (which Anthropic requires).
pub const DEFAULT_MAX_TOKENS: u64 = 8_192;

pub fn to_canonical(req: MessagesRequest) -> Result<Request, InvalidRequest> {
    let max_tokens = req.max_tokens.ok_or("max_tokens: Field required")?;
    let messages = req
        .messages
        .into_iter()
        .map(message_to_canonical)
        .collect::<Result<Vec<_>, _>>()?;
    let (tool_choice, parallel_tool_calls) = match req.tool_choice {
        Some(choice) => choice_to_canonical(choice),
        None => (None, None),
    };
    Ok(Request {
        model: req.model,
        system: match req.system {
            Some(wire::System::Text(text)) => vec![text],
            Some(wire::System::Blocks(blocks)) => blocks.into_iter().map(|b| b.text).collect(),
            None => Vec::new(),
        },
        messages,
        tools: req
            .tools
            .unwrap_or_default()
            .into_iter()
            .filter(|t| t.kind.as_deref().is_none_or(|k| k == "custom"))
            .map(|t| Tool {
                name: t.name,
                description: t.description,
                parameters: t.input_schema,
            })
            .collect(),
        tool_choice,
        max_tokens: Some(max_tokens),
        temperature: req.temperature,
        top_p: req.top_p,
        top_k: req.top_k,
        stop: req.stop_sequences.unwrap_or_default(),
        stream: req.stream.unwrap_or(false),
        reasoning: req
            .thinking
            .filter(|t| t.kind == "enabled")
            .map(|t| Reasoning {
                effort: None,
                budget_tokens: t.budget_tokens,
            }),
        parallel_tool_calls,
        user: req.metadata.and_then(|m| m.user_id),
    })
}

fn message_to_canonical(message: wire::Message) -> Result<Message, InvalidRequest> {
    let role = match message.role.as_str() {
        "user" => Role::User,
        "assistant" => Role::Assistant,
        // Not Anthropic's own API, but Claude Code sends it for models it does not know.
        "system" => Role::System,
        other => return Err(format!("messages: unexpected role \"{other}\"").into()),
    };
    Ok(Message {
        role,
        parts: content_to_parts(message.content),
    })
}

pub fn content_to_parts(content: Content) -> Vec<Part> {
    match content {
        Content::Text(text) => vec![Part::Text(text)],
        Content::Blocks(blocks) => blocks.into_iter().filter_map(block_to_part).collect(),
    }
}

pub fn block_to_part(block: Block) -> Option<Part> {
    Some(match block {
        Block::Text { text } => Part::Text(text),
        Block::Image { source } => Part::Image(source_to_media(source)?),
        Block::Document { source } => Part::Document(source_to_media(source)?),
        Block::ToolUse { id, name, input } => Part::ToolCall {
            id,
            name,
            arguments: if input.is_null() {
                "{}".to_owned()
            } else {
                input.to_string()
            },
        },
        Block::ToolResult {
            tool_use_id,
            content,
            is_error,
        } => Part::ToolResult {
            call_id: tool_use_id,
            content: content.map(content_to_parts).unwrap_or_default(),
            is_error,
        },
        Block::Thinking {
            thinking,
            signature,
        } => Part::Thinking {
            text: thinking,
            signature,
        },
        Block::RedactedThinking { data } => Part::RedactedThinking { data },
        Block::Unknown => return None,
    })
}

fn source_to_media(source: Source) -> Option<Media> {
    match source {
        Source::Base64 { media_type, data } => Some(Media::Base64 { media_type, data }),
        Source::Url { url } => Some(Media::Url(url)),
        // Plain-text documents travel as base64 text so every provider can take them.
        Source::Text { media_type, data } => Some(Media::Base64 {
            media_type,
            data: STANDARD.encode(data.as_bytes()),
        }),
        Source::Unknown => None,
    }
}

fn choice_to_canonical(choice: wire::ToolChoice) -> (Option<ToolChoice>, Option<bool>) {
    let no_parallel = |d: Option<bool>| d.filter(|d| *d).map(|_| false);
    match choice {
        wire::ToolChoice::Auto {
            disable_parallel_tool_use,
        } => (
            Some(ToolChoice::Auto),
            no_parallel(disable_parallel_tool_use),
        ),
        wire::ToolChoice::Any {
            disable_parallel_tool_use,
        } => (
            Some(ToolChoice::Required),
            no_parallel(disable_parallel_tool_use),
        ),
        wire::ToolChoice::Tool {
            name,
            disable_parallel_tool_use,
        } => (
            Some(ToolChoice::Tool(name)),
            no_parallel(disable_parallel_tool_use),
        ),
        wire::ToolChoice::None => (Some(ToolChoice::None), None),
    }
}

/// The Anthropic request for a canonical one (thinking signatures are assumed to be
/// Anthropic's own; callers drop foreign ones first).
pub fn from_canonical(req: &Request) -> MessagesRequest {
    let thinking = req.reasoning.map(|r| r.budget().max(1_024));
    let mut max_tokens = req.max_tokens.unwrap_or(DEFAULT_MAX_TOKENS);
    if let Some(budget) = thinking
        && max_tokens <= budget
    {
        max_tokens = budget + DEFAULT_MAX_TOKENS;
    }
    let sampling = |v: Option<f64>| if thinking.is_some() { None } else { v };
    MessagesRequest {
        model: req.model.clone(),
        messages: messages_from_canonical(&req.messages),
        system: Some(req.hoisted_system())
            .filter(|s| !s.is_empty())
            .map(|s| wire::System::Text(s.join("\n\n"))),
        max_tokens: Some(max_tokens),
        metadata: req
            .user
            .clone()
            .map(|u| wire::Metadata { user_id: Some(u) }),
        stop_sequences: (!req.stop.is_empty()).then(|| req.stop.clone()),
        stream: Some(req.stream),
        temperature: sampling(req.temperature),
        top_p: sampling(req.top_p),
        top_k: if thinking.is_some() { None } else { req.top_k },
        tools: (!req.tools.is_empty()).then(|| req.tools.iter().map(tool_from_canonical).collect()),
        tool_choice: choice_from_canonical(req),
        thinking: thinking.map(|budget| wire::Thinking {
            kind: "enabled".to_owned(),
            budget_tokens: Some(budget),
        }),
    }
}

/// Consecutive messages of one role are merged: Anthropic wants roles to alternate.
fn messages_from_canonical(messages: &[Message]) -> Vec<wire::Message> {
    let mut out: Vec<(Role, Vec<Block>)> = Vec::new();
    // System turns went into `system` (Anthropic has no system role among messages).
    for message in messages.iter().filter(|m| m.role != Role::System) {
        let blocks: Vec<Block> = message.parts.iter().filter_map(part_to_block).collect();
        if blocks.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some((role, existing)) if *role == message.role => existing.extend(blocks),
            _ => out.push((message.role, blocks)),
        }
    }
    out.into_iter()
        .map(|(role, blocks)| wire::Message {
            role: match role {
                Role::Assistant => "assistant",
                Role::User | Role::System => "user",
            }
            .to_owned(),
            content: Content::Blocks(blocks),
        })
        .collect()
}

fn part_to_block(part: &Part) -> Option<Block> {
    Some(match part {
        Part::Text(text) if text.is_empty() => return None,
        Part::Text(text) => Block::Text { text: text.clone() },
        Part::Image(media) => Block::Image {
            source: media_to_source(media),
        },
        Part::Document(media) => Block::Document {
            source: media_to_source(media),
        },
        Part::ToolCall {
            id,
            name,
            arguments,
        } => Block::ToolUse {
            id: id.clone(),
            name: name.clone(),
            input: serde_json::from_str(arguments).unwrap_or_else(|_| json!({})),
        },
        Part::ToolResult {
            call_id,
            content,
            is_error,
        } => Block::ToolResult {
            tool_use_id: call_id.clone(),
            content: Some(Content::Blocks(
                content.iter().filter_map(part_to_block).collect(),
            )),
            is_error: *is_error,
        },
        // Anthropic rejects thinking without its signature.
        Part::Thinking {
            text,
            signature: Some(signature),
        } => Block::Thinking {
            thinking: text.clone(),
            signature: Some(signature.clone()),
        },
        Part::Thinking {
            signature: None, ..
        } => return None,
        Part::RedactedThinking { data } => Block::RedactedThinking { data: data.clone() },
    })
}

fn media_to_source(media: &Media) -> Source {
    match media {
        Media::Base64 { media_type, data } => Source::Base64 {
            media_type: media_type.clone(),
            data: data.clone(),
        },
        Media::Url(url) => Source::Url { url: url.clone() },
    }
}

fn tool_from_canonical(tool: &Tool) -> wire::Tool {
    wire::Tool {
        kind: None,
        name: tool.name.clone(),
        description: tool.description.clone(),
        input_schema: if tool.parameters.is_object() {
            tool.parameters.clone()
        } else {
            json!({"type": "object", "properties": {}})
        },
    }
}

fn choice_from_canonical(req: &Request) -> Option<wire::ToolChoice> {
    let disable = (req.parallel_tool_calls == Some(false)).then_some(true);
    match (&req.tool_choice, disable) {
        (None, None) => None,
        (None | Some(ToolChoice::Auto), d) => Some(wire::ToolChoice::Auto {
            disable_parallel_tool_use: d,
        }),
        (Some(ToolChoice::Required), d) => Some(wire::ToolChoice::Any {
            disable_parallel_tool_use: d,
        }),
        (Some(ToolChoice::Tool(name)), d) => Some(wire::ToolChoice::Tool {
            name: name.clone(),
            disable_parallel_tool_use: d,
        }),
        (Some(ToolChoice::None), _) => Some(wire::ToolChoice::None),
    }
}
