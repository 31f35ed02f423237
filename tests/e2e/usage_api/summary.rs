//! Totals, groups, percentiles, presets and series, from the rollups.

use super::*;
use crate::on_both_backends;

on_both_backends!(
    summary_totals_groups_and_percentiles_are_exact,
    presets_cover_the_last_hours,
    series_have_a_point_per_bucket,
);

async fn summary_totals_groups_and_percentiles_are_exact(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    record(&app, &u, &scenario(&u)).await;
    let range = custom(base(), base() + TimeDelta::hours(48));

    let s = summary(&mut u, range.clone(), Value::Null, Value::Null).await;
    let t = &s["totals"];
    assert_eq!(t["requests"], 6);
    assert_eq!(t["errors"], 2);
    assert_eq!(t["promptTokens"], 660);
    assert_eq!(t["completionTokens"], 50 + 100 + 25 + 150 + 5);
    assert_eq!(t["cachedTokens"], 10 + 20 + 5 + 30 + 1);
    assert_eq!(t["reasoningTokens"], 5 + 10 + 2 + 15);
    assert_eq!(t["costNanos"], 660_000);
    assert_eq!(t["costUsd"], 0.00066);
    assert_eq!(t["latencyMsAvg"], 3351.0 / 6.0);
    // Latencies 1, 100, 150, 300, 800, 2000: the 3rd and the 95th-percentile 6th.
    assert!(in_bucket_of(&t["latencyMsP50"], 150), "{t}");
    assert!(in_bucket_of(&t["latencyMsP95"], 2000), "{t}");
    assert!(s["groups"].as_array().unwrap().is_empty());
    assert_eq!(s["from"].as_str().unwrap(), base().to_rfc3339());

    let by_model = summary(&mut u, range.clone(), json!("MODEL"), Value::Null).await;
    assert_eq!(
        groups(&by_model),
        vec![(json!("gpt-4o-mini"), 4), (json!("claude-sonnet-4"), 2)]
    );
    let claude = &by_model["groups"][1]["totals"];
    assert_eq!(
        (&claude["errors"], &claude["promptTokens"]),
        (&json!(1), &json!(350))
    );
    assert!(in_bucket_of(&claude["latencyMsP95"], 2000), "{claude}");

    let by_provider = summary(&mut u, range.clone(), json!("PROVIDER"), Value::Null).await;
    assert_eq!(
        groups(&by_provider),
        vec![
            (json!("openai"), 3),
            (json!("anthropic"), 2),
            (Value::Null, 1)
        ]
    );

    let by_key = summary(&mut u, range.clone(), json!("API_KEY"), Value::Null).await;
    assert_eq!(
        groups(&by_key),
        vec![
            (json!(u.key1.to_string()), 4),
            (json!(u.key2.to_string()), 2)
        ]
    );
    assert_eq!(by_key["groups"][0]["label"], "laptop");
    assert_eq!(by_key["groups"][1]["label"], "ci");
    assert_eq!(by_key["groups"][1]["totals"]["costNanos"], 200_000);

    let by_account = summary(&mut u, range.clone(), json!("ACCOUNT"), Value::Null).await;
    assert_eq!(
        groups(&by_account),
        vec![
            (json!(u.openai.to_string()), 3),
            (json!(u.anthropic.to_string()), 2),
            (Value::Null, 1)
        ]
    );
    let label = provider_accounts::find(&app.db, u.openai)
        .await
        .unwrap()
        .label;
    assert_eq!(by_account["groups"][0]["label"], json!(label));

    // A filter narrows every figure; grouping inside it still works.
    let key1 = u.key1;
    let filtered = summary(
        &mut u,
        range.clone(),
        json!("MODEL"),
        json!({"apiKeyId": key1, "provider": "anthropic"}),
    )
    .await;
    assert_eq!(filtered["totals"]["requests"], 2);
    assert_eq!(groups(&filtered), vec![(json!("claude-sonnet-4"), 2)]);

    // The hour before the range holds the 7th request.
    let wider = summary(
        &mut u,
        custom(base() - TimeDelta::hours(1), base() + TimeDelta::hours(48)),
        Value::Null,
        Value::Null,
    )
    .await;
    assert_eq!(wider["totals"]["requests"], 7);
    // Custom bounds round out to whole hours.
    let rounded = summary(
        &mut u,
        custom(
            base() + TimeDelta::minutes(30),
            base() + TimeDelta::minutes(61),
        ),
        Value::Null,
        Value::Null,
    )
    .await;
    assert_eq!(rounded["totals"]["requests"], 3);
    assert_eq!(
        rounded["to"].as_str().unwrap(),
        (base() + TimeDelta::hours(2)).to_rfc3339()
    );
    app.stop().await;
}

async fn presets_cover_the_last_hours(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    let now = Utc::now();
    let oa = Some((u.openai, "openai"));
    let ev = |ago: TimeDelta| Ev {
        at: now - ago,
        model: "gpt-4o",
        key: u.key1,
        account: oa,
        status: 200,
        latency: 10,
        n: 1,
    };
    let events = [
        ev(TimeDelta::minutes(1)),
        ev(TimeDelta::hours(5)),
        ev(TimeDelta::days(3)),
        ev(TimeDelta::days(10)),
        ev(TimeDelta::days(40)),
    ];
    record(&app, &u, &events).await;
    for (preset, expected) in [("LAST_24H", 2), ("LAST_7D", 3), ("LAST_30D", 4)] {
        let s = summary(&mut u, json!({"preset": preset}), Value::Null, Value::Null).await;
        assert_eq!(s["totals"]["requests"], expected, "{preset}");
    }
    let empty = summary(
        &mut u,
        custom(base() - TimeDelta::days(300), base() - TimeDelta::days(299)),
        json!("MODEL"),
        Value::Null,
    )
    .await;
    assert_eq!(empty["totals"]["requests"], 0);
    assert!(empty["totals"]["latencyMsP50"].is_null());
    assert!(empty["groups"].as_array().unwrap().is_empty());
    app.stop().await;
}

/// `(at, requests)` of each point of the `i`-th series.
fn points(series: &Value, i: usize) -> Vec<(DateTime<Utc>, i64)> {
    series["series"][i]["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let at = DateTime::parse_from_rfc3339(p["at"].as_str().unwrap()).unwrap();
            (
                at.with_timezone(&Utc),
                p["totals"]["requests"].as_i64().unwrap(),
            )
        })
        .collect()
}

async fn series_have_a_point_per_bucket(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    record(&app, &u, &scenario(&u)).await;
    let b = base();
    let h = |n: i64| b + TimeDelta::hours(n);
    let mut run = async |range: Value, bucket: &str, group: Value, offset: i32| {
        let vars = json!({"r": range, "b": bucket, "g": group, "o": offset});
        u.gql.run(SERIES, vars).await.data()["usageSeries"].clone()
    };

    let hourly = run(custom(b, h(6)), "HOUR", Value::Null, 0).await;
    assert_eq!(hourly["series"].as_array().unwrap().len(), 1);
    let expected: Vec<_> = [2, 1, 0, 2, 0, 0]
        .iter()
        .enumerate()
        .map(|(i, n)| (h(i as i64), *n))
        .collect();
    assert_eq!(points(&hourly, 0), expected);
    assert_eq!(hourly["series"][0]["points"][1]["totals"]["errors"], 1);
    assert!(hourly["series"][0]["points"][2]["totals"]["latencyMsP50"].is_null());

    let daily = run(custom(b, h(48)), "DAY", Value::Null, 0).await;
    assert_eq!(points(&daily, 0), vec![(b, 5), (h(24), 1)]);
    assert_eq!(daily["bucket"], "DAY");

    // Days in UTC+7 start at 17:00 UTC.
    let wib = run(custom(b, h(48)), "DAY", Value::Null, 420).await;
    assert_eq!(points(&wib, 0), vec![(h(-7), 5), (h(17), 1), (h(41), 0)]);

    let by_model = run(custom(b, h(48)), "DAY", json!("MODEL"), 0).await;
    assert_eq!(by_model["series"][0]["group"], "gpt-4o-mini");
    assert_eq!(points(&by_model, 0), vec![(b, 3), (h(24), 1)]);
    assert_eq!(by_model["series"][1]["group"], "claude-sonnet-4");
    assert_eq!(points(&by_model, 1), vec![(b, 2), (h(24), 0)]);

    let by_key = run(custom(b, h(4)), "HOUR", json!("API_KEY"), 0).await;
    assert_eq!(by_key["series"][0]["label"], "laptop");
    assert_eq!(
        points(&by_key, 0),
        vec![(b, 1), (h(1), 1), (h(2), 0), (h(3), 1)]
    );

    let nothing = run(custom(h(100), h(110)), "HOUR", Value::Null, 0).await;
    assert!(nothing["series"].as_array().unwrap().is_empty());

    // A request at 20:00 UTC on the first day is in that UTC day but on the next day in UTC+7
    // (whose days the daily rollups do not follow): it moves there exactly, percentiles too.
    let late = Ev {
        at: h(20),
        model: "gpt-4o-mini",
        key: u.key1,
        account: Some((u.openai, "openai")),
        status: 200,
        latency: 5000,
        n: 7,
    };
    record(&app, &u, &[late]).await;
    let vars = |o: i32| json!({"r": custom(b, h(48)), "b": "DAY", "o": o});
    let utc = u.gql.run(SERIES, vars(0)).await.data()["usageSeries"].clone();
    assert_eq!(points(&utc, 0), vec![(b, 6), (h(24), 1)]);
    let wib = u.gql.run(SERIES, vars(420)).await.data()["usageSeries"].clone();
    assert_eq!(points(&wib, 0), vec![(h(-7), 5), (h(17), 2), (h(41), 0)]);
    let moved = &wib["series"][0]["points"][1]["totals"];
    assert_eq!(moved["promptTokens"], 10 + 7);
    assert!(in_bucket_of(&moved["latencyMsP50"], 150), "{moved}");
    let stayed = &wib["series"][0]["points"][0]["totals"];
    assert!(in_bucket_of(&stayed["latencyMsP95"], 2000), "{stayed}");
    // UTC−5: the first five hours of each UTC day belong to the local day before.
    let est = u.gql.run(SERIES, vars(-300)).await.data()["usageSeries"].clone();
    assert_eq!(points(&est, 0), vec![(h(-19), 5), (h(5), 2), (h(29), 0)]);
    app.stop().await;
}
