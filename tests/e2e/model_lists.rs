//! Models kept current: the worker asks each new connection's provider for its model list
//! (OpenAI's `/models`, the Codex backend's own list, Gemini's `models`, Code Assist's quota
//! buckets), and `/v1/models`, GraphQL and routing follow it; one replica asks, however many
//! run; a failed check keeps routing on the catalog and says why.

use std::time::Duration;

use entities::provider_accounts::{self, Credentials};
use entities::{Provider, model_catalog};
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::on_both_backends;
use crate::support::mock_gemini::MockGemini;
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, TestApp, chat_body, spawn_app};

on_both_backends!(
    a_new_connection_serves_what_its_provider_lists,
    subscriptions_are_asked_for_their_own_lists,
    a_failed_check_is_recorded_and_routing_keeps_the_catalog,
);

const REFRESH_ON: [(&str, &str); 2] = [
    ("SATU__MODELS__REFRESH", "true"),
    ("SATU__MODELS__SCAN_INTERVAL_SECS", "1"),
];

/// Waits until the worker has checked the connection's models; returns the stored row.
pub async fn checked(app: &TestApp, account: Uuid) -> provider_accounts::Model {
    for _ in 0..100 {
        let row = provider_accounts::Entity::find_by_id(account)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        if row.models_refreshed_at.is_some() || row.models_error.is_some() {
            return row;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the model list of {account} was never checked");
}

fn ids(listing: &Value) -> Vec<&str> {
    listing["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect()
}

async fn a_new_connection_serves_what_its_provider_lists(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &REFRESH_ON).await;
    let caller = app.create_caller().await;
    let models = || async {
        let r = app
            .http
            .get(app.url("/v1/models"))
            .bearer_auth(&caller.key)
            .send()
            .await
            .unwrap();
        r.json::<Value>().await.unwrap()
    };
    let account = app
        .add_account(&caller, Provider::OpenAi, "sk-listed", None, &[])
        .await;

    let row = checked(&app, account).await;
    assert_eq!(row.models_error, None);
    let listed = row.reachable_models.unwrap().0;
    assert_eq!(
        listed,
        ["gpt-4o", "gpt-4o-mini"],
        "as the provider listed them"
    );
    // The directory hears of the new list at once, not after its cache expires.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(ids(&models().await), ["gpt-4o", "gpt-4o-mini"]);

    let served = app
        .chat(&caller.key, chat_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    assert_eq!(served.status(), 200);
    // GPT-4.1 is in the catalog, but this key's provider does not list it.
    let refused = app
        .chat(&caller.key, chat_body("gpt-4.1", false))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 404);
    let error: Value = refused.json().await.unwrap();
    assert_eq!(error["error"]["code"], "model_not_found");
    let message = error["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("gpt-4.1") && message.contains("does not list"),
        "{message}"
    );
    assert_eq!(
        upstream.received().len(),
        1,
        "the refused request went nowhere"
    );
    assert_eq!(upstream.models_asked(), 1, "asked once, not at every scan");
    app.stop().await;
}

async fn subscriptions_are_asked_for_their_own_lists(backend: Backend) {
    let openai = MockUpstream::start().await;
    let gemini = MockGemini::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &REFRESH_ON).await;
    let caller = app.create_caller().await;
    let token = |access: &str| Credentials {
        access_token: Some(access.to_owned()),
        refresh_token: Some("rt".to_owned()),
        expires_at: Some(4_102_444_800),
        ..Default::default()
    };
    let chatgpt = Credentials {
        account_id: Some("acct-42".into()),
        ..token("eyJ-chatgpt")
    };
    let codex = app
        .add_oauth_account(&caller, Provider::OpenAi, chatgpt, Some(&openai.base_url))
        .await;
    let code_assist = Credentials {
        project_id: Some("proj-7".into()),
        ..token("ya29-gemini")
    };
    let gemini_cli = app
        .add_oauth_account(
            &caller,
            Provider::Gemini,
            code_assist,
            Some(&gemini.code_assist_url),
        )
        .await;
    let gemini_key = app
        .add_account(
            &caller,
            Provider::Gemini,
            "AIza-key",
            Some(&gemini.base_url),
            &[],
        )
        .await;

    let codex_models = checked(&app, codex).await.reachable_models.unwrap().0;
    assert_eq!(
        codex_models,
        ["gpt-5-codex", "gpt-5.1-codex"],
        "the backend's own list"
    );
    let quota_models = checked(&app, gemini_cli).await.reachable_models.unwrap().0;
    assert_eq!(
        quota_models,
        ["gemini-2.5-pro", "gemini-2.5-flash"],
        "one per bucket model"
    );
    let key_models = checked(&app, gemini_key).await.reachable_models.unwrap().0;
    assert_eq!(
        key_models,
        ["gemini-2.5-pro", "gemini-2.5-flash"],
        "no embedding model"
    );

    let asked = gemini.received();
    let quota = asked
        .iter()
        .find(|r| r.path == "v1internal:retrieveUserQuota")
        .unwrap();
    assert_eq!(quota.body, json!({"project": "proj-7"}));
    assert_eq!(quota.headers["authorization"], "Bearer ya29-gemini");
    let listing = asked.iter().find(|r| r.path == "models").unwrap();
    assert_eq!(listing.headers["x-goog-api-key"], "AIza-key");

    // Routing follows: the subscription serves its listed model.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let r = app
        .http
        .post(app.url("/v1/responses"))
        .bearer_auth(&caller.key)
        .json(&json!({"model": "gpt-5.1-codex", "stream": true, "input": "hi"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("response.completed"));
    assert_eq!(openai.received()[0].body["model"], "gpt-5.1-codex");
    app.stop().await;
}

async fn a_failed_check_is_recorded_and_routing_keeps_the_catalog(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &REFRESH_ON).await;
    let caller = app.create_caller().await;
    let account = app
        .add_account(&caller, Provider::OpenAi, "sk-wrong", None, &[])
        .await;
    let row = checked(&app, account).await;
    let error = row.models_error.unwrap();
    assert!(error.starts_with("openai answered 401"), "{error}");
    assert!(
        !error.contains("sk-wrong"),
        "no secret in what the dashboard shows"
    );
    assert_eq!(row.reachable_models, None);
    // Without a list, the catalog decides, as before.
    let r = app
        .chat(&caller.key, chat_body("gpt-4.1", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // Retired models have left the listing; the catalog still knows them.
    let listing: Value = app
        .http
        .get(app.url("/v1/models"))
        .bearer_auth(&caller.key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(ids(&listing).contains(&"gpt-4.1"));
    assert!(!ids(&listing).contains(&"gpt-4.5-preview"));
    let retired = model_catalog::Entity::find_by_id("gpt-4.5-preview".to_owned())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(retired.replaced_by.as_deref(), Some("gpt-4.1"));
    app.stop().await;
}

/// Two more worker processes on the same database: each new connection is still asked once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_workers_ask_each_connection_once() {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(Backend::Postgres, &upstream.base_url, &REFRESH_ON).await;
    let mut workers = Vec::new();
    for _ in 0..2 {
        let worker = satu::app::build(&app.config, satu::cli::Role::Worker)
            .await
            .unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let shutdown = worker.shutdown_token();
        workers.push((
            shutdown,
            tokio::spawn(worker.serve(listener, std::future::pending())),
        ));
    }
    let caller = app.create_caller().await;
    let mut accounts = Vec::new();
    for i in 0..12 {
        let key = format!("sk-{i}");
        accounts.push(
            app.add_account(&caller, Provider::OpenAi, &key, None, &[])
                .await,
        );
    }
    for account in accounts {
        assert!(checked(&app, account).await.reachable_models.is_some());
    }
    // Three more scans of every worker: nothing is due again.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(upstream.models_asked(), 12);
    for (shutdown, server) in workers {
        shutdown.cancel();
        server.await.unwrap().unwrap();
    }
    app.stop().await;
}
