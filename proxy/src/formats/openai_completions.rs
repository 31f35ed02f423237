//! The legacy OpenAI Completions API (`POST /v1/completions`), served through chat: the prompt
//! becomes one user message, and answers are written back as `text_completion` objects. Never a
//! passthrough: no provider is reached through this format.

use serde_json::{Map, Value, json};

use super::openai_chat::response::{stop_from_canonical, usage_json};
use crate::canonical::{Event, Message, Part, Request, Response, Role};
use crate::formats::InvalidRequest;
use crate::formats::StreamEncoder;

pub fn to_canonical(body: &Map<String, Value>) -> Result<Request, InvalidRequest> {
    let model = body
        .get("model")
        .and_then(Value::as_str)
        .ok_or("model is required")?
        .to_owned();
    let prompt = match body.get("prompt") {
        Some(Value::String(p)) => p.clone(),
        Some(Value::Array(items)) if items.len() == 1 => {
            items[0].as_str().ok_or("prompt must be text")?.to_owned()
        }
        Some(Value::Array(_)) => return Err("Satu serves one prompt per request".into()),
        _ => return Err("prompt is required".into()),
    };
    Ok(Request {
        model,
        messages: vec![Message {
            role: Role::User,
            parts: vec![Part::Text(prompt)],
        }],
        max_tokens: body.get("max_tokens").and_then(Value::as_u64),
        temperature: body.get("temperature").and_then(Value::as_f64),
        top_p: body.get("top_p").and_then(Value::as_f64),
        stop: match body.get("stop") {
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(v)) => v
                .iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        },
        stream: body.get("stream").and_then(Value::as_bool).unwrap_or(false),
        user: body.get("user").and_then(Value::as_str).map(str::to_owned),
        ..Default::default()
    })
}

fn text_of(parts: &[Part]) -> String {
    parts
        .iter()
        .filter_map(|p| match p {
            Part::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect()
}

pub fn from_canonical(resp: &Response, created: i64) -> Value {
    json!({
        "id": format!("cmpl-{}", resp.id),
        "object": "text_completion",
        "created": created,
        "model": resp.model,
        "choices": [{"text": text_of(&resp.parts), "index": 0, "logprobs": null, "finish_reason": stop_from_canonical(resp.stop)}],
        "usage": usage_json(&resp.usage),
    })
}

/// Writes canonical events as `text_completion` chunks (text only).
pub struct Encoder {
    id: String,
    model: String,
    created: i64,
    include_usage: bool,
}

impl Encoder {
    pub fn new(model: &str, created: i64, include_usage: bool) -> Self {
        Self {
            id: String::new(),
            model: model.to_owned(),
            created,
            include_usage,
        }
    }

    fn chunk(&self, choices: Value, usage: Option<Value>, out: &mut Vec<u8>) {
        let mut body = json!({"id": self.id, "object": "text_completion", "created": self.created, "model": self.model, "choices": choices});
        if let Some(u) = usage {
            body["usage"] = u;
        }
        out.extend_from_slice(format!("data: {body}\n\n").as_bytes());
    }
}

impl StreamEncoder for Encoder {
    fn event(&mut self, event: &Event, out: &mut Vec<u8>) {
        match event {
            Event::Start { id, .. } => self.id = format!("cmpl-{id}"),
            Event::TextDelta { text, .. } => self.chunk(
                json!([{"text": text, "index": 0, "logprobs": null, "finish_reason": null}]),
                None,
                out,
            ),
            Event::Finish { stop, usage } => {
                let choice = json!([{"text": "", "index": 0, "logprobs": null, "finish_reason": stop_from_canonical(*stop)}]);
                self.chunk(choice, None, out);
                if self.include_usage {
                    self.chunk(json!([]), Some(usage_json(usage)), out);
                }
                out.extend_from_slice(b"data: [DONE]\n\n");
            }
            Event::Error { message } => {
                let body = json!({"error": {"message": message, "type": "api_error", "param": null, "code": "upstream_error"}});
                out.extend_from_slice(format!("data: {body}\n\n").as_bytes());
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canonical::{StopReason, Usage};

    #[test]
    fn prompts_become_one_user_message_and_answers_text_completions() {
        let body = json!({"model": "gpt-4o-mini", "prompt": "Say this is a test", "max_tokens": 7, "stop": "\n"});
        let req = to_canonical(body.as_object().unwrap()).unwrap();
        assert_eq!(
            req.messages[0].parts,
            vec![Part::Text("Say this is a test".into())]
        );
        assert_eq!(
            (req.max_tokens, req.stop.clone()),
            (Some(7), vec!["\n".to_owned()])
        );
        let resp = Response {
            id: "x".into(),
            model: "gpt-4o-mini".into(),
            parts: vec![Part::Text("This is a test.".into())],
            stop: StopReason::MaxTokens,
            usage: Usage {
                input: 5,
                output: 7,
                ..Default::default()
            },
        };
        let out = from_canonical(&resp, 1);
        assert_eq!(out["object"], "text_completion");
        assert_eq!(out["choices"][0]["text"], "This is a test.");
        assert_eq!(out["choices"][0]["finish_reason"], "length");
        assert!(to_canonical(json!({"model": "m"}).as_object().unwrap()).is_err());
    }
}
