//! Connections, routing and models through GraphQL: API keys checked on add, sign-in flows,
//! imports, changes that reach the router at once, plan caps, and every id-taking operation
//! tried with another user's id.

use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::graphql::Gql;
use crate::support::mock_oauth::{self, MockOAuth};
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, TestApp, chat_body, spawn_app};

on_both_backends!(
    api_key_connections_are_checked_and_reach_the_router_at_once,
    connection_changes_are_validated_and_applied,
    sign_in_flows_and_imports_through_the_api,
    another_users_ids_are_not_found,
    routing_and_models,
    plan_caps_answer_with_their_reason,
);

const ADD_KEY: &str = "mutation($p: ProviderName!, $k: String!, $b: String, $skip: Boolean! = false) { addApiKeyConnection(provider: $p, apiKey: $k, baseUrl: $b, skipCheck: $skip) { id provider kind status label } }";

async fn setup(backend: Backend) -> (MockUpstream, TestApp) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    (upstream, app)
}

fn email() -> String {
    format!("{}@example.com", uuid::Uuid::new_v4().simple())
}

/// A signed-in dashboard user on `plan` with a Satu API key for proxied requests.
async fn user_on(app: &TestApp, plan: &str) -> (Gql, String) {
    let mut gql = Gql::new(&app.url(""));
    let address = email();
    let user = gql.sign_up(app, &address).await;
    let id: uuid::Uuid = user["user"]["id"].as_str().unwrap().parse().unwrap();
    if plan != "free" {
        app.set_plan(id, plan).await;
    }
    let key = gql
        .run(
            "mutation { createApiKey(name: \"k\") { secret } }",
            json!({}),
        )
        .await;
    let key = key.data()["createApiKey"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    (gql, key)
}

async fn chat_status(app: &TestApp, key: &str) -> u16 {
    app.chat(key, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// The proxy's status for a chat, polled until it is `expected` or a second has passed: the
/// router learns of a change through the bus, not synchronously with the mutation.
async fn status_soon(app: &TestApp, key: &str, expected: u16) -> u16 {
    let since = std::time::Instant::now();
    loop {
        let status = chat_status(app, key).await;
        if status == expected || since.elapsed() > std::time::Duration::from_secs(1) {
            return status;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

async fn api_key_connections_are_checked_and_reach_the_router_at_once(backend: Backend) {
    let (upstream, app) = setup(backend).await;
    let (mut gql, key) = user_on(&app, "pro").await;
    // The router has now cached "no connections" for this user: no account serves the model.
    assert_eq!(chat_status(&app, &key).await, 404);

    let wrong = gql
        .run(
            ADD_KEY,
            json!({"p": "OPENAI", "k": "sk-wrong", "b": upstream.base_url}),
        )
        .await;
    assert_eq!(wrong.code(), "BAD_USER_INPUT");
    assert!(
        wrong.message().contains("rejected the API key (401)"),
        "{}",
        wrong.message()
    );
    assert!(
        !wrong.message().contains("sk-wrong"),
        "the key is not echoed"
    );
    let private = gql
        .run(
            ADD_KEY,
            json!({"p": "OPENAI", "k": "sk-fine", "b": "not a url"}),
        )
        .await;
    assert_eq!(private.code(), "BAD_USER_INPUT", "{}", private.body);

    let added = gql
        .run(
            ADD_KEY,
            json!({"p": "OPENAI", "k": "sk-right", "b": upstream.base_url}),
        )
        .await;
    let connection = &added.data()["addApiKeyConnection"];
    assert_eq!(connection["kind"], "API_KEY");
    assert_eq!(connection["status"], "ACTIVE");
    // No waiting out the router's 10 s cache: the change is announced (within a second).
    assert_eq!(status_soon(&app, &key, 200).await, 200);

    let listed = gql.run("{ connections { id provider cooldowns { model } } connectionLimits { providersUsed providersMax oauthAccountsUsed } }", json!({})).await;
    let data = listed.data();
    assert_eq!(data["connections"].as_array().unwrap().len(), 1);
    assert_eq!(
        data["connectionLimits"],
        json!({"providersUsed": 1, "providersMax": null, "oauthAccountsUsed": 0})
    );

    let id = connection["id"].as_str().unwrap();
    let refreshed = gql
        .run(
            "mutation($id: UUID!) { refreshConnection(id: $id) { status } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(
        refreshed.data()["refreshConnection"]["status"],
        "ACTIVE",
        "key checked again"
    );
    let removed = gql
        .run(
            "mutation($id: UUID!) { removeConnection(id: $id) }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(removed.data()["removeConnection"], true);
    assert_eq!(
        gql.run("{ connections { id } }", json!({})).await.data()["connections"],
        json!([])
    );
    assert_eq!(status_soon(&app, &key, 404).await, 404, "removed");
    app.stop().await;
}

async fn connection_changes_are_validated_and_applied(backend: Backend) {
    let (upstream, app) = setup(backend).await;
    let (mut gql, key) = user_on(&app, "pro").await;
    let added = gql
        .run(
            ADD_KEY,
            json!({"p": "OPENAI", "k": "sk-right", "b": upstream.base_url}),
        )
        .await;
    let id = added.data()["addApiKeyConnection"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let update = "mutation($id: UUID!, $c: ConnectionChanges!) { updateConnection(id: $id, changes: $c) { label weight priority status models } }";
    for bad in [
        json!({"weight": 0}),
        json!({"label": "  "}),
        json!({"models": ["a b"]}),
        json!({"priority": 5000}),
    ] {
        let answer = gql.run(update, json!({"id": id, "c": bad})).await;
        assert_eq!(answer.code(), "BAD_USER_INPUT", "{bad}");
    }
    let unchanged = gql
        .run(
            "query($id: UUID!) { connection(id: $id) { label weight } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(
        unchanged.data()["connection"]["weight"],
        1,
        "refusals changed nothing"
    );

    let changed = gql
        .run(update, json!({"id": id, "c": {"label": "Work key", "weight": 3, "priority": 2, "models": ["gpt-4o-mini", "gpt-4o-mini"]}}))
        .await;
    assert_eq!(
        changed.data()["updateConnection"],
        json!({"label": "Work key", "weight": 3, "priority": 2, "status": "ACTIVE", "models": ["gpt-4o-mini"]})
    );
    let disabled = gql
        .run(update, json!({"id": id, "c": {"enabled": false}}))
        .await;
    assert_eq!(disabled.data()["updateConnection"]["status"], "DISABLED");
    assert_eq!(
        status_soon(&app, &key, 404).await,
        404,
        "a disabled connection serves nothing"
    );
    let enabled = gql
        .run(update, json!({"id": id, "c": {"enabled": true}}))
        .await;
    assert_eq!(enabled.data()["updateConnection"]["status"], "ACTIVE");
    assert_eq!(status_soon(&app, &key, 200).await, 200);
    app.stop().await;
}

async fn sign_in_flows_and_imports_through_the_api(backend: Backend) {
    let oauth = MockOAuth::start().await;
    let env: Vec<(String, String)> = oauth.env();
    let extra: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let app = spawn_app(backend, "http://127.0.0.1:9", &extra).await;
    let (mut gql, _) = user_on(&app, "pro").await;

    let start = "mutation($p: ProviderName!, $d: Boolean!) { startOAuthConnection(provider: $p, device: $d) { flowId authorizeUrl userCode verificationUri intervalSecs } }";
    let started = gql.run(start, json!({"p": "ANTHROPIC", "d": false})).await;
    let flow = started.data()["startOAuthConnection"].clone();
    let landed = oauth.sign_in(flow["authorizeUrl"].as_str().unwrap()).await;
    let complete = "mutation($f: UUID!, $p: String!) { completeOAuthConnection(flowId: $f, pasted: $p) { provider kind identityEmail planType status } }";
    let wrong = gql
        .run(
            complete,
            json!({"f": flow["flowId"], "p": "not-a-code#bad-state"}),
        )
        .await;
    assert_eq!(wrong.code(), "BAD_USER_INPUT", "{}", wrong.body);
    let connected = gql
        .run(complete, json!({"f": flow["flowId"], "p": landed}))
        .await;
    assert_eq!(
        connected.data()["completeOAuthConnection"],
        json!({"provider": "ANTHROPIC", "kind": "OAUTH", "identityEmail": mock_oauth::CLAUDE_EMAIL, "planType": "max", "status": "ACTIVE"})
    );
    let again = gql
        .run(complete, json!({"f": flow["flowId"], "p": landed}))
        .await;
    assert_eq!(again.code(), "NOT_FOUND", "a flow is used once");

    let device = gql.run(start, json!({"p": "QWEN", "d": true})).await;
    let device = device.data()["startOAuthConnection"].clone();
    assert!(device["userCode"].is_string() && device["intervalSecs"].as_i64().unwrap() > 0);
    let poll = "mutation($f: UUID!) { pollOAuthConnection(flowId: $f) { connected intervalSecs connection { provider } } }";
    let polled = gql.run(poll, json!({"f": device["flowId"]})).await;
    let polled = polled.data()["pollOAuthConnection"].clone();
    let connected = polled["connected"].as_bool().unwrap();
    if connected {
        assert_eq!(polled["connection"]["provider"], "QWEN");
    } else {
        assert!(polled["intervalSecs"].as_i64().unwrap() > 0);
    }

    let import = "mutation($p: ProviderName!, $c: String!) { importCredentials(provider: $p, contents: $c) { provider kind } }";
    let bad = gql
        .run(import, json!({"p": "OPENAI", "c": "{\"not\": \"codex\"}"}))
        .await;
    assert_eq!(bad.code(), "BAD_USER_INPUT");
    let listed = gql
        .run("{ connections { provider kind } }", json!({}))
        .await;
    let expected = 1 + usize::from(connected);
    let count = listed.data()["connections"].as_array().unwrap().len();
    assert_eq!(count, expected, "the bad import wrote nothing");
    app.stop().await;
}

/// Every operation that takes a connection or flow id answers "not found" for another user's.
async fn another_users_ids_are_not_found(backend: Backend) {
    let oauth = MockOAuth::start().await;
    let upstream = MockUpstream::start().await;
    let env: Vec<(String, String)> = oauth.env();
    let extra: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let app = spawn_app(backend, &upstream.base_url, &extra).await;
    let (mut ana, _) = user_on(&app, "pro").await;
    let (mut budi, _) = user_on(&app, "pro").await;
    let added = ana
        .run(
            ADD_KEY,
            json!({"p": "OPENAI", "k": "sk-right", "b": upstream.base_url}),
        )
        .await;
    let id = added.data()["addApiKeyConnection"]["id"].clone();
    let flow = ana
        .run(
            "mutation { startOAuthConnection(provider: ANTHROPIC) { flowId authorizeUrl } }",
            json!({}),
        )
        .await;
    let flow = flow.data()["startOAuthConnection"].clone();
    let landed = oauth.sign_in(flow["authorizeUrl"].as_str().unwrap()).await;

    let by_id: [(&str, Value); 7] = [
        (
            "query($id: UUID!) { connection(id: $id) { id } }",
            json!({"id": id}),
        ),
        (
            "mutation($id: UUID!) { updateConnection(id: $id, changes: {label: \"mine\"}) { id } }",
            json!({"id": id}),
        ),
        (
            "mutation($id: UUID!) { refreshConnection(id: $id) { id } }",
            json!({"id": id}),
        ),
        (
            "mutation($id: UUID!) { removeConnection(id: $id) }",
            json!({"id": id}),
        ),
        (
            "mutation($id: UUID!) { setRouting(routing: {strategy: ROUND_ROBIN, sessionAffinity: false, rules: [{pattern: \"*\", targets: [{model: \"gpt-4o\", account: $id}]}]}) { strategy } }",
            json!({"id": id}),
        ),
        (
            "mutation($f: UUID!, $p: String!) { completeOAuthConnection(flowId: $f, pasted: $p) { id } }",
            json!({"f": flow["flowId"], "p": landed}),
        ),
        (
            "mutation($f: UUID!) { pollOAuthConnection(flowId: $f) { connected } }",
            json!({"f": flow["flowId"]}),
        ),
    ];
    for (operation, variables) in by_id {
        let answer = budi.run(operation, variables).await;
        assert_eq!(answer.code(), "NOT_FOUND", "{operation}: {}", answer.body);
    }
    // Nothing of Ana's changed, and her flow still completes.
    let mine = ana
        .run(
            "query($id: UUID!) { connection(id: $id) { label status } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(mine.data()["connection"]["status"], "ACTIVE");
    assert_ne!(mine.data()["connection"]["label"], "mine");
    let completed = ana
        .run("mutation($f: UUID!, $p: String!) { completeOAuthConnection(flowId: $f, pasted: $p) { kind } }", json!({"f": flow["flowId"], "p": landed}))
        .await;
    assert_eq!(completed.data()["completeOAuthConnection"]["kind"], "OAUTH");
    app.stop().await;
}

async fn routing_and_models(backend: Backend) {
    let (upstream, app) = setup(backend).await;
    let (mut gql, _) = user_on(&app, "pro").await;
    let defaults = gql
        .run(
            "{ routing { strategy sessionAffinity rules { pattern } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        defaults.data()["routing"],
        json!({"strategy": "ROUND_ROBIN", "sessionAffinity": false, "rules": []})
    );
    let set = "mutation($r: RoutingInput!) { setRouting(routing: $r) { strategy sessionAffinity rules { pattern targets { provider model } } } }";
    let empty = gql
        .run(set, json!({"r": {"strategy": "CHEAPEST", "sessionAffinity": true, "rules": [{"pattern": "smart", "targets": []}]}}))
        .await;
    assert_eq!(empty.code(), "BAD_USER_INPUT");
    let routing = json!({"strategy": "CHEAPEST", "sessionAffinity": true, "rules": [{"pattern": "smart", "targets": [{"provider": "openai", "model": "gpt-4o-mini"}]}]});
    let saved = gql.run(set, json!({"r": routing})).await;
    assert_eq!(
        saved.data()["setRouting"]["rules"][0]["targets"][0]["model"],
        "gpt-4o-mini"
    );
    let read = gql
        .run("{ routing { strategy sessionAffinity } }", json!({}))
        .await;
    assert_eq!(
        read.data()["routing"],
        json!({"strategy": "CHEAPEST", "sessionAffinity": true})
    );

    assert_eq!(
        gql.run("{ models { id } }", json!({})).await.data()["models"],
        json!([])
    );
    gql.run(
        ADD_KEY,
        json!({"p": "OPENAI", "k": "sk-right", "b": upstream.base_url}),
    )
    .await
    .data();
    let models = gql
        .run(
            "{ models { id provider inputPriceMicros connections } }",
            json!({}),
        )
        .await;
    let models = models.data()["models"].as_array().unwrap().clone();
    let mini = models.iter().find(|m| m["id"] == "gpt-4o-mini").unwrap();
    assert_eq!(mini["provider"], "openai");
    assert!(mini["inputPriceMicros"].as_i64().unwrap() > 0);
    assert_eq!(mini["connections"], 1);
    app.stop().await;
}

async fn plan_caps_answer_with_their_reason(backend: Backend) {
    let (upstream, app) = setup(backend).await;
    let (mut gql, _) = user_on(&app, "free").await;
    gql.run(
        ADD_KEY,
        json!({"p": "OPENAI", "k": "sk-right", "b": upstream.base_url}),
    )
    .await
    .data();
    let second = gql
        .run(
            ADD_KEY,
            json!({"p": "ANTHROPIC", "k": "sk-ant-x", "skip": true}),
        )
        .await;
    assert_eq!(second.code(), "PLAN_LIMIT");
    assert_eq!(second.message(), "Free allows 1 provider; you have openai");
    // What the dashboard needs to say the same in the user's language.
    let ext = &second.body["errors"][0]["extensions"];
    assert_eq!(
        (&ext["reason"], &ext["plan"], &ext["limit"]),
        (&json!("plan_providers"), &json!("Free"), &json!(1))
    );
    let limits = gql
        .run(
            "{ connectionLimits { providersUsed providersMax } }",
            json!({}),
        )
        .await;
    assert_eq!(
        limits.data()["connectionLimits"],
        json!({"providersUsed": 1, "providersMax": 1})
    );
    app.stop().await;
}
