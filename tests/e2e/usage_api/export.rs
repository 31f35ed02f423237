//! The streamed CSV and JSON export: the same rows as the logs, and its refusals.

use super::*;
use crate::on_both_backends;

on_both_backends!(
    export_streams_the_logs_as_csv_and_json,
    export_needs_a_session_and_valid_input,
);

/// The GraphQL log item as the CSV export writes it.
fn as_csv(item: &Value) -> Vec<String> {
    let text = |v: &Value| v.as_str().map(str::to_owned).unwrap_or_default();
    let num = |v: &Value| v.as_i64().map(|n| n.to_string()).unwrap_or_default();
    let nanos = item["costNanos"].as_i64().unwrap();
    vec![
        parse(item["createdAt"].as_str().unwrap()).to_rfc3339(),
        text(&item["id"]),
        text(&item["model"]),
        text(&item["provider"]),
        text(&item["apiKeyId"]),
        text(&item["accountId"]),
        text(&item["endpoint"]),
        item["stream"].to_string(),
        num(&item["statusCode"]),
        text(&item["errorKind"]),
        num(&item["promptTokens"]),
        num(&item["completionTokens"]),
        num(&item["cachedTokens"]),
        num(&item["reasoningTokens"]),
        format!("{}.{:09}", nanos / 1_000_000_000, nanos % 1_000_000_000),
        num(&item["latencyMs"]),
        num(&item["ttftMs"]),
        text(&item["memberId"]),
    ]
}

async fn export_streams_the_logs_as_csv_and_json(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    // More rows than one read (500), with ties, so the export pages like the API does.
    record(&app, &u, &many(&u, 1_201)).await;
    let logs = all_logs(&mut u, Value::Null, 200).await;
    assert_eq!(logs.len(), 1_201);

    let response = export(&app, &u.token, &[("format", "csv")]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let disposition = response.headers()["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"satu-usage-")
            && disposition.ends_with(".csv\""),
        "{disposition}"
    );
    let csv = response.text().await.unwrap();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("created_at,request_id,model,provider")
    );
    let rows: Vec<Vec<String>> = lines
        .map(|l| {
            let mut cells: Vec<String> = l.split(',').map(str::to_owned).collect();
            cells[0] = parse(&cells[0]).to_rfc3339();
            cells
        })
        .collect();
    let want: Vec<Vec<String>> = logs.iter().map(as_csv).collect();
    assert_eq!(rows, want);

    // JSON, this time with the session in the cookie the browser sends.
    let response = app
        .http
        .get(app.url("/api/usage/export?format=json"))
        .header("cookie", format!("satu_session={}", u.token))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let exported: Vec<Value> = response.json().await.unwrap();
    assert_eq!(exported.len(), logs.len());
    for (got, want) in exported.iter().zip(&logs) {
        let mut got = got.clone();
        let mut want = want.clone();
        for v in [&mut got, &mut want] {
            let at = parse(v["createdAt"].as_str().unwrap());
            v["createdAt"] = json!(at.to_rfc3339());
        }
        assert_eq!(got, want);
    }

    // The same filters as requestLogs.
    let filter = json!({"model": "claude-haiku", "status": "ERROR"});
    let filtered_logs = all_logs(&mut u, filter, 200).await;
    let params = [
        ("format", "json"),
        ("model", "claude-haiku"),
        ("status", "error"),
    ];
    let filtered: Vec<Value> = export(&app, &u.token, &params).await.json().await.unwrap();
    assert!(!filtered.is_empty());
    assert_eq!(ids(&filtered), ids(&filtered_logs));

    // Nothing to export is still a valid file.
    let params = [("format", "json"), ("model", "none")];
    let empty: Vec<Value> = export(&app, &u.token, &params).await.json().await.unwrap();
    assert!(empty.is_empty());
    app.stop().await;
}

async fn export_needs_a_session_and_valid_input(backend: Backend) {
    let app = app(backend).await;
    let u = user(&app).await;
    let anonymous = app
        .http
        .get(app.url("/api/usage/export?format=csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    let body: Value = anonymous.json().await.unwrap();
    assert_eq!(body["error"]["code"], "UNAUTHENTICATED");
    let stale = export(&app, "satu_sess_not-a-session", &[]).await;
    assert_eq!(stale.status(), 401);

    let b = base().to_rfc3339();
    let bad = [
        vec![("format", "xml")],
        vec![("from", "yesterday")],
        vec![("from", b.as_str()), ("to", b.as_str())],
        vec![("status", "maybe")],
        vec![("apiKeyId", "not-a-uuid")],
        vec![("unknown", "1")],
    ];
    for params in bad {
        let response = export(&app, &u.token, &params).await;
        assert_eq!(response.status(), 400, "{params:?}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "BAD_USER_INPUT", "{params:?}");
    }
    app.stop().await;
}
