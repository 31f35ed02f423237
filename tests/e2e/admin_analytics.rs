//! The admin panel's Analytics, from seeded sign-ups, connections, requests and a payment:
//! the funnel, weekly cohorts and popularity match the figures worked out by hand.

use chrono::{Duration, Utc};
use entities::Provider;
use entities::admin_analytics::week_start;
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use serde_json::json;
use uuid::Uuid;

use crate::admin::{as_user, person};
use crate::admin_health::request;
use crate::billing::{app, paid_order};
use crate::on_both_backends;
use crate::support::mock_midtrans::MockMidtrans;
use crate::support::{Backend, TestApp};

on_both_backends!(analytics_match_hand_counts);

/// A request by `user` at `ago`, on `provider` and `model`.
async fn used(app: &TestApp, user: Uuid, provider: &str, model: &str, ago: Duration) {
    let mut row = request(provider, 200, 100, ago);
    row.user_id = user;
    row.model = model.to_owned();
    entities::usage_events::record_batch(&app.db, &[row], &[])
        .await
        .unwrap();
}

/// By hand: this month five people signed up (the operator too); three connected, two of
/// those sent requests, one of them paid. One more signed up two weeks ago (outside the 7-day
/// funnel) and was active in their first and third week. Requests: openai 3, anthropic 1.
async fn analytics_match_hand_counts(backend: Backend) {
    let midtrans = MockMidtrans::start().await;
    let app = app(backend, &midtrans, "http://127.0.0.1:9").await;
    let (payer, _) = paid_order(&app, &midtrans, "starter").await;
    let requester = app.create_caller().await;
    let connected = app.create_caller().await;
    let _idle = person(&app, None).await;
    for caller in [&payer, &requester, &connected] {
        app.add_account(
            caller,
            Provider::OpenAi,
            "sk-up",
            Some("http://127.0.0.1:9"),
            &[],
        )
        .await;
    }
    used(
        &app,
        payer.user_id,
        "openai",
        "gpt-4o-mini",
        Duration::minutes(5),
    )
    .await;
    used(
        &app,
        requester.user_id,
        "openai",
        "gpt-4o-mini",
        Duration::minutes(5),
    )
    .await;
    used(
        &app,
        requester.user_id,
        "anthropic",
        "claude-sonnet-4-5",
        Duration::minutes(4),
    )
    .await;

    let earlier = person(&app, None).await;
    let two_weeks_ago = week_start(Utc::now()) - Duration::weeks(2) + Duration::hours(30);
    entities::users::ActiveModel {
        id: Set(earlier.id),
        created_at: Set(two_weeks_ago),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
    let since_signup = Utc::now() - two_weeks_ago;
    used(
        &app,
        earlier.id,
        "openai",
        "gpt-4o",
        since_signup - Duration::hours(1),
    )
    .await;
    used(&app, earlier.id, "openai", "gpt-4o", Duration::minutes(1)).await;

    let root = person(&app, Some("super_admin")).await;
    let mut gql = as_user(&app, &root).await;
    let answer = gql
        .run(
            "{ adminAnalytics(days: 7, weeks: 3) { funnel { signedUp connected requested paid } cohorts { users activeByWeek } providers { name requests } models { name requests } } }",
            json!({}),
        )
        .await;
    let a = &answer.data()["adminAnalytics"];
    assert_eq!(
        a["funnel"],
        json!({ "signedUp": 5, "connected": 3, "requested": 2, "paid": 1 })
    );
    assert_eq!(
        a["cohorts"][0],
        json!({ "users": 1, "activeByWeek": [1, 0, 1] })
    );
    assert_eq!(a["cohorts"][2]["users"], 5);
    assert_eq!(a["cohorts"][2]["activeByWeek"], json!([2]));
    assert_eq!(
        a["providers"],
        json!([{ "name": "openai", "requests": 3 }, { "name": "anthropic", "requests": 1 }])
    );
    assert_eq!(
        a["models"][0],
        json!({ "name": "gpt-4o-mini", "requests": 2 })
    );
    app.stop().await;
}
