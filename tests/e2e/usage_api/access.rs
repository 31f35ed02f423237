//! Bad input answers with codes; another user's ids are "not found".

use super::*;
use crate::on_both_backends;

on_both_backends!(
    bad_input_is_refused_with_codes,
    other_users_ids_are_not_found,
);

async fn bad_input_is_refused_with_codes(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    let b = base();
    let bad_ranges = [
        json!({}),
        json!({"preset": "LAST_24H", "from": b.to_rfc3339(), "to": (b + TimeDelta::hours(1)).to_rfc3339()}),
        json!({"from": b.to_rfc3339()}),
        custom(b, b),
        custom(b + TimeDelta::hours(1), b),
        custom(b, b + TimeDelta::days(401)),
    ];
    for range in bad_ranges {
        let answer = u
            .gql
            .run(&summary_query(), json!({"r": range.clone()}))
            .await;
        assert_eq!(answer.code(), "BAD_USER_INPUT", "{range}");
        let series = u
            .gql
            .run(SERIES, json!({"r": range.clone(), "b": "DAY"}))
            .await;
        assert_eq!(series.code(), "BAD_USER_INPUT", "{range}");
    }
    let series_cases = [
        (custom(b, b + TimeDelta::days(32)), "HOUR", 0),
        (custom(b, b + TimeDelta::days(2)), "DAY", 30),
        (custom(b, b + TimeDelta::days(2)), "DAY", 15 * 60),
    ];
    for (range, bucket, offset) in series_cases {
        let vars = json!({"r": range, "b": bucket, "o": offset});
        let answer = u.gql.run(SERIES, vars).await;
        assert_eq!(answer.code(), "BAD_USER_INPUT", "{bucket} {offset}");
    }
    let log_cases = [
        json!({"n": 0}),
        json!({"n": 201}),
        json!({"a": "not-a-cursor"}),
        json!({"f": {"from": b.to_rfc3339(), "to": b.to_rfc3339()}}),
    ];
    for vars in log_cases {
        let answer = u.gql.run(LOGS, vars.clone()).await;
        assert_eq!(answer.code(), "BAD_USER_INPUT", "{vars}");
    }
    // Not a value of the enum: refused before any resolver runs.
    let answer = u
        .gql
        .run(SERIES, json!({"r": {"preset": "LAST_YEAR"}, "b": "DAY"}))
        .await;
    assert_eq!(answer.code(), "GRAPHQL_VALIDATION_FAILED");
    let answer = u
        .gql
        .run(
            "query($id: UUID!) { requestLog(id: $id) { id } }",
            json!({"id": Uuid::new_v4()}),
        )
        .await;
    assert_eq!(answer.code(), "NOT_FOUND");

    let mut anonymous = Gql::new(&app.url(""));
    for (query, vars) in [
        (summary_query(), json!({"r": {"preset": "LAST_24H"}})),
        (
            SERIES.to_owned(),
            json!({"r": {"preset": "LAST_24H"}, "b": "DAY"}),
        ),
        (LOGS.to_owned(), json!({})),
    ] {
        let answer = anonymous.run(&query, vars).await;
        assert_eq!(answer.code(), "UNAUTHENTICATED");
    }
    app.stop().await;
}

async fn other_users_ids_are_not_found(backend: Backend) {
    let app = app(backend).await;
    let mut ana = user(&app).await;
    let budi = user(&app).await;
    record(&app, &ana, &scenario(&ana)).await;
    let budi_rows = record(&app, &budi, &scenario(&budi)).await;
    let range = custom(base(), base() + TimeDelta::hours(48));
    let foreign = [
        json!({"apiKeyId": budi.key1}),
        json!({"accountId": budi.openai}),
        json!({"apiKeyId": ana.key1, "accountId": budi.anthropic}),
    ];
    for filter in &foreign {
        let vars = json!({"r": range, "f": filter});
        let answer = ana.gql.run(&summary_query(), vars).await;
        assert_eq!(answer.code(), "NOT_FOUND", "{filter}");
        let series = "query($r: UsageRange!, $f: UsageFilter) { usageSeries(range: $r, bucket: DAY, filter: $f) { from } }";
        let answer = ana.gql.run(series, json!({"r": range, "f": filter})).await;
        assert_eq!(answer.code(), "NOT_FOUND", "{filter}");
        let answer = ana.gql.run(LOGS, json!({"f": filter})).await;
        assert_eq!(answer.code(), "NOT_FOUND", "{filter}");
    }
    let answer = ana
        .gql
        .run(
            "query($id: UUID!) { requestLog(id: $id) { id } }",
            json!({"id": budi_rows[0].request_id}),
        )
        .await;
    assert_eq!(answer.code(), "NOT_FOUND");
    let foreign_key = budi.key1.to_string();
    let export = export(&app, &ana.token, &[("apiKeyId", foreign_key.as_str())]).await;
    assert_eq!(export.status(), 404);
    let body: Value = export.json().await.unwrap();
    assert_eq!(body["error"]["code"], "NOT_FOUND");

    // Ana sees her six requests in range, never Budi's.
    let s = summary(&mut ana, range, Value::Null, Value::Null).await;
    assert_eq!(s["totals"]["requests"], 6);
    let logs = all_logs(&mut ana, Value::Null, 200).await;
    assert_eq!(logs.len(), 7);
    let theirs: Vec<String> = budi_rows.iter().map(|r| r.request_id.to_string()).collect();
    assert!(ids(&logs).iter().all(|id| !theirs.contains(id)));
    app.stop().await;
}
