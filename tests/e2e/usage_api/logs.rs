//! Request logs: proxied requests, pagination without gaps or duplicates, filters.

use super::*;
use crate::on_both_backends;

on_both_backends!(
    proxied_requests_reach_summary_and_logs,
    logs_paginate_without_gaps_or_duplicates,
    logs_filters_match_the_rows,
);

async fn proxied_requests_reach_summary_and_logs(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let mut u = user(&app).await;
    let (_, secret) = api_keys::create(&app.db, u.id, "proxy").await.unwrap();
    for _ in 0..2 {
        let response = app
            .chat(&secret, chat_body("gpt-4o-mini", false))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    let caller = Caller {
        user_id: u.id,
        key_id: u.key1,
        email: String::new(),
        key: secret,
    };
    let rows = app.usage_rows(&caller, 2).await;
    let s = summary(
        &mut u,
        json!({"preset": "LAST_24H"}),
        json!("MODEL"),
        Value::Null,
    )
    .await;
    let t = &s["totals"];
    assert_eq!(t["requests"], 2);
    // The mock answers 12 prompt (4 cached), 5 completion (2 reasoning) tokens: 4 500 nano-USD.
    assert_eq!(
        (&t["promptTokens"], &t["cachedTokens"], &t["costNanos"]),
        (&json!(24), &json!(8), &json!(9_000))
    );
    assert_eq!(groups(&s), vec![(json!("gpt-4o-mini"), 2)]);

    let logs = all_logs(&mut u, Value::Null, 50).await;
    assert_eq!(logs.len(), 2);
    let newest = rows.iter().max_by_key(|r| (r.created_at, r.id)).unwrap();
    let item = &logs[0];
    assert_eq!(item["id"], json!(newest.request_id.to_string()));
    assert_eq!(item["provider"], "openai");
    assert_eq!(item["statusCode"], 200);
    assert_eq!(item["completionTokens"], 5);
    assert_eq!(item["latencyMs"], json!(newest.latency_ms));
    assert_eq!(
        item["accountId"],
        json!(newest.account_id.unwrap().to_string())
    );

    let one = u
        .gql
        .run(
            "query($id: UUID!) { requestLog(id: $id) { id costNanos } }",
            json!({"id": newest.request_id}),
        )
        .await;
    assert_eq!(one.data()["requestLog"]["costNanos"], 4_500);
    app.stop().await;
}

async fn logs_paginate_without_gaps_or_duplicates(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    record(&app, &u, &many(&u, 130)).await;
    let stored = usage_events::Entity::find()
        .filter(usage_events::Column::UserId.eq(u.id))
        .order_by_desc(usage_events::Column::CreatedAt)
        .order_by_desc(usage_events::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    let expected: Vec<String> = stored.iter().map(|r| r.request_id.to_string()).collect();

    for first in [1, 25, 130, 200] {
        let got = all_logs(&mut u, Value::Null, first).await;
        assert_eq!(ids(&got), expected, "pages of {first}");
    }

    // Rows arriving between pages (newer ones) neither shift nor repeat the pages being read.
    let vars = json!({"n": 40});
    let page = u.gql.run(LOGS, vars).await.data()["requestLogs"].clone();
    let mut seen = ids(page["items"].as_array().unwrap());
    let later = Ev {
        at: base() + TimeDelta::hours(5),
        ..many(&u, 1).remove(0)
    };
    record(&app, &u, &[later]).await;
    let mut after = page["nextCursor"].clone();
    while !after.is_null() {
        let vars = json!({"n": 40, "a": after});
        let page = u.gql.run(LOGS, vars).await.data()["requestLogs"].clone();
        seen.extend(ids(page["items"].as_array().unwrap()));
        after = page["nextCursor"].clone();
    }
    assert_eq!(seen, expected);
    app.stop().await;
}

async fn logs_filters_match_the_rows(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    let rows = record(&app, &u, &many(&u, 130)).await;
    let (key2, anthropic) = (u.key2, u.anthropic);
    let t20 = base() + TimeDelta::minutes(20);
    let t30 = base() + TimeDelta::minutes(30);
    type Pick = Box<dyn Fn(&NewUsage) -> bool>;
    let cases: Vec<(Value, Pick)> = vec![
        (
            json!({"model": "gpt-4o"}),
            Box::new(|r| r.model == "gpt-4o"),
        ),
        (
            json!({"provider": "anthropic"}),
            Box::new(|r| r.provider.as_deref() == Some("anthropic")),
        ),
        (
            json!({"apiKeyId": key2}),
            Box::new(move |r| r.api_key_id == key2),
        ),
        (
            json!({"accountId": anthropic, "status": "OK"}),
            Box::new(move |r| r.account_id == Some(anthropic) && r.status_code < 400),
        ),
        (json!({"status": "ERROR"}), Box::new(|r| r.is_error())),
        (
            json!({"from": t20.to_rfc3339(), "to": t30.to_rfc3339(), "model": "claude-haiku"}),
            Box::new(move |r| {
                r.created_at >= t20 && r.created_at < t30 && r.model == "claude-haiku"
            }),
        ),
    ];
    for (filter, pick) in cases {
        let got = all_logs(&mut u, filter.clone(), 7).await;
        let mut got_ids = ids(&got);
        let mut want: Vec<String> = rows
            .iter()
            .filter(|r| pick(r))
            .map(|r| r.request_id.to_string())
            .collect();
        assert!(!want.is_empty(), "{filter}");
        got_ids.sort();
        want.sort();
        assert_eq!(got_ids, want, "{filter}");
        let times: Vec<&str> = got
            .iter()
            .map(|i| i["createdAt"].as_str().unwrap())
            .collect();
        assert!(
            times.windows(2).all(|w| parse(w[0]) >= parse(w[1])),
            "{filter}"
        );
    }
    app.stop().await;
}
