//! A `system` turn among the messages (what Claude Code 2.x sends for a model it does not
//! know) reaches every kind of upstream in that upstream's own form: in place as a system or
//! developer message where the API has one, in `systemInstruction` for Gemini, and untouched
//! to Anthropic.

use super::*;
use crate::support::Backend;

const TURN: &str = "Answer in Bahasa Indonesia.";

pub(super) async fn system_turns_reach_every_upstream_in_its_form(backend: Backend) {
    let (up, app) = setup(backend).await;
    for (label, model) in KINDS {
        let caller = app.create_caller().await;
        connect(&app, &caller, &up, label).await;
        for stream in [true, false] {
            let body = json!({
                "model": model,
                "stream": stream,
                "max_tokens": 256,
                "messages": [
                    {"role": "user", "content": "Say hello"},
                    {"role": "system", "content": TURN},
                ],
            });
            let response = app.messages(&caller.key, body).send().await.unwrap();
            let status = response.status();
            let text = response.text().await.unwrap();
            assert_eq!(status, 200, "{label} (stream {stream}): {text}");
            assert!(
                !text_of(Dialect::Messages, stream, &text).is_empty(),
                "{label}: {text}"
            );
            assert_upstream_got_the_turn(&up, label);
        }
        let rows = app.usage_rows(&caller, 2).await;
        assert!(
            rows.iter()
                .all(|r| r.status_code == 200 && r.error_kind.is_none()),
            "{label}: {rows:?}"
        );
    }
    app.stop().await;
}

fn assert_upstream_got_the_turn(up: &Upstreams, label: &str) {
    match label {
        "anthropic-key" | "claude-oauth" => {
            let sent = up.anthropic.received().pop().unwrap().body;
            assert_eq!(
                sent["messages"][1],
                json!({"role": "system", "content": TURN}),
                "{label}: forwarded untouched"
            );
        }
        "gemini-key" | "code-assist-oauth" => {
            let sent = up.gemini.received().pop().unwrap().body;
            let request = if label == "code-assist-oauth" {
                &sent["request"]
            } else {
                &sent
            };
            assert_eq!(
                request["systemInstruction"]["parts"][0]["text"], TURN,
                "{label}"
            );
            let roles: Vec<&Value> = request["contents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| &c["role"])
                .collect();
            assert_eq!(roles, [&json!("user")], "{label}");
        }
        "codex-oauth" => {
            let sent = up.openai.received().pop().unwrap().body;
            let input = sent["input"].as_array().unwrap();
            assert_eq!(input.len(), 2, "{label}: {sent}");
            assert_eq!(input[1]["role"], "developer", "{label}");
            assert_eq!(input[1]["content"][0]["text"], TURN, "{label}");
        }
        _ => {
            let sent = up.openai.received().pop().unwrap().body;
            assert_eq!(
                sent["messages"],
                json!([
                    {"role": "user", "content": "Say hello"},
                    {"role": "system", "content": TURN},
                ]),
                "{label}: in place"
            );
        }
    }
}
