//! Parallel tool calls from every upstream kind into every tool-capable dialect.

use serde_json::{Value, json};

use super::*;
use crate::support::{Backend, TestApp};

/// A tool-calling request in each dialect's own shape.
fn tool_request(
    app: &TestApp,
    dialect: Dialect,
    key: &str,
    model: &str,
    stream: bool,
) -> reqwest::RequestBuilder {
    let schema = json!({"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]});
    let prompt = "Weather in Jakarta and Bandung?";
    let (path, body) = match dialect {
        Dialect::Chat => (
            "/v1/chat/completions".to_owned(),
            json!({"model": model, "stream": stream,
            "messages": [{"role": "user", "content": prompt}],
            "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": schema}}]}),
        ),
        Dialect::Responses => (
            "/v1/responses".to_owned(),
            json!({"model": model, "stream": stream, "input": prompt,
            "tools": [{"type": "function", "name": "get_weather", "parameters": schema}]}),
        ),
        Dialect::Messages => (
            "/v1/messages".to_owned(),
            json!({"model": model, "stream": stream, "max_tokens": 512,
            "messages": [{"role": "user", "content": prompt}], "tools": [{"name": "get_weather", "input_schema": schema}]}),
        ),
        Dialect::Gemini => {
            let action = if stream {
                "streamGenerateContent?alt=sse"
            } else {
                "generateContent"
            };
            (
                format!("/v1beta/models/{model}:{action}"),
                json!({"contents": [{"role": "user", "parts": [{"text": prompt}]}],
                "tools": [{"functionDeclarations": [{"name": "get_weather", "parametersJsonSchema": schema}]}]}),
            )
        }
        Dialect::Completions => unreachable!("the legacy API has no tools"),
    };
    app.http
        .post(app.url(&path))
        .header("x-api-key", key)
        .header("anthropic-version", "2023-06-01")
        .json(&body)
}

/// The tool calls a client of `dialect` reads: (name, arguments).
fn calls_of(dialect: Dialect, stream: bool, body: &str) -> Vec<(String, Value)> {
    let parse =
        |args: &str| serde_json::from_str::<Value>(args).unwrap_or_else(|e| panic!("{e}: {args}"));
    if !stream {
        let v: Value = serde_json::from_str(body).unwrap();
        return match dialect {
            Dialect::Chat => v["choices"][0]["message"]["tool_calls"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    (
                        c["function"]["name"].as_str().unwrap().to_owned(),
                        parse(c["function"]["arguments"].as_str().unwrap()),
                    )
                })
                .collect(),
            Dialect::Responses => v["output"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| i["type"] == "function_call")
                .map(|c| {
                    (
                        c["name"].as_str().unwrap().to_owned(),
                        parse(c["arguments"].as_str().unwrap()),
                    )
                })
                .collect(),
            Dialect::Messages => v["content"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|b| b["type"] == "tool_use")
                .map(|b| (b["name"].as_str().unwrap().to_owned(), b["input"].clone()))
                .collect(),
            Dialect::Gemini => gemini_calls(&v),
            Dialect::Completions => Vec::new(),
        };
    }
    let events = data_events(body);
    match dialect {
        Dialect::Chat => {
            let mut calls: Vec<(String, String)> = Vec::new();
            for delta in events.iter().flat_map(|e| {
                e["choices"][0]["delta"]["tool_calls"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            }) {
                let i = delta["index"].as_u64().unwrap() as usize;
                if calls.len() <= i {
                    calls.push((
                        delta["function"]["name"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned(),
                        String::new(),
                    ));
                }
                calls[i]
                    .1
                    .push_str(delta["function"]["arguments"].as_str().unwrap_or_default());
            }
            calls.into_iter().map(|(n, a)| (n, parse(&a))).collect()
        }
        Dialect::Responses => {
            let done = events
                .iter()
                .find(|e| e["type"] == "response.completed")
                .unwrap();
            calls_of(Dialect::Responses, false, &done["response"].to_string())
        }
        Dialect::Messages => {
            let mut calls: Vec<(usize, String, String)> = Vec::new();
            for e in &events {
                if e["type"] == "content_block_start" && e["content_block"]["type"] == "tool_use" {
                    calls.push((
                        e["index"].as_u64().unwrap() as usize,
                        e["content_block"]["name"].as_str().unwrap().to_owned(),
                        String::new(),
                    ));
                }
                if e["delta"]["type"] == "input_json_delta"
                    && let Some(c) = calls
                        .iter_mut()
                        .find(|c| c.0 == e["index"].as_u64().unwrap() as usize)
                {
                    c.2.push_str(e["delta"]["partial_json"].as_str().unwrap());
                }
            }
            calls.into_iter().map(|(_, n, a)| (n, parse(&a))).collect()
        }
        Dialect::Gemini => events.iter().flat_map(gemini_calls).collect(),
        Dialect::Completions => Vec::new(),
    }
}

fn gemini_calls(chunk: &Value) -> Vec<(String, Value)> {
    chunk["candidates"][0]["content"]["parts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| {
            Some((
                p["functionCall"]["name"].as_str()?.to_owned(),
                p["functionCall"]["args"].clone(),
            ))
        })
        .collect()
}

/// Parallel tool calls from every kind of upstream reach every dialect whole and in order.
pub(super) async fn parallel_tool_calls_cross_every_dialect(backend: Backend) {
    let (up, app) = setup(backend).await;
    let expected = vec![
        ("get_weather".to_owned(), json!({"location": "Jakarta"})),
        ("get_weather".to_owned(), json!({"location": "Bandung"})),
    ];
    let mut checked = 0;
    for (label, model) in KINDS {
        let caller = app.create_caller().await;
        connect(&app, &caller, &up, label).await;
        for dialect in [
            Dialect::Chat,
            Dialect::Responses,
            Dialect::Messages,
            Dialect::Gemini,
        ] {
            for stream in [true, false] {
                up.script(label, Script::Tools);
                let response = tool_request(&app, dialect, &caller.key, model, stream)
                    .send()
                    .await
                    .unwrap();
                let status = response.status();
                let body = response.text().await.unwrap();
                assert_eq!(
                    status, 200,
                    "{dialect:?} → {label} (stream {stream}): {body}"
                );
                assert_eq!(
                    calls_of(dialect, stream, &body),
                    expected,
                    "{dialect:?} → {label} (stream {stream})"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 64);
    app.stop().await;
}
