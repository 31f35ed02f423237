//! The super admin's saved queries (read-only, capped, timed out, audited), the overview's
//! live counters over a websocket, and the replicas on the health page.

use std::time::{Duration, Instant};

use entities::admin_queries::{self, Draft};
use entities::{admin_audit, users};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::admin::{as_user, person};
use crate::on_both_backends;
use crate::support::graphql::{Gql, GqlAnswer};
use crate::support::ws::Subscription;
use crate::support::{Backend, TestApp, spawn_app};

on_both_backends!(
    saved_queries_read_and_never_write,
    a_slow_query_is_stopped_at_the_timeout,
    live_counters_follow_the_platform,
    every_replica_reports_its_usage_queue,
);

const SAVE: &str = "mutation($input: SavedQueryInput!) { adminSaveQuery(input: $input) { id name sql updatedBy } }";
const RUN: &str = "mutation($id: UUID!) { adminRunQuery(id: $id) { query { name } columns rows truncated elapsedMs csv } }";

async fn save(gql: &mut Gql, name: &str, sql: &str) -> GqlAnswer {
    gql.run(
        SAVE,
        json!({ "input": { "name": name, "description": "test", "sql": sql } }),
    )
    .await
}

fn reason(answer: &GqlAnswer) -> &str {
    answer.body["errors"][0]["extensions"]["reason"]
        .as_str()
        .unwrap_or_else(|| panic!("expected a refusal: {}", answer.body))
}

async fn users_count(app: &TestApp) -> u64 {
    users::Entity::find().count(&app.db).await.unwrap()
}

async fn saved_queries_read_and_never_write(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let admin = person(&app, Some("super_admin")).await;
    person(&app, None).await;
    let mut gql = as_user(&app, &admin).await;
    let before = users_count(&app).await;

    // A good query: saved, then run as a table and as CSV.
    let saved = save(
        &mut gql,
        "Users by plan",
        "SELECT plan_id, count(*) AS users, NULL AS note FROM users GROUP BY plan_id ORDER BY plan_id;",
    )
    .await;
    let saved = saved.data()["adminSaveQuery"].clone();
    assert_eq!(saved["updatedBy"], admin.email);
    let id = saved["id"].clone();
    let ran = gql.run(RUN, json!({ "id": id })).await;
    let result = &ran.data()["adminRunQuery"];
    assert_eq!(result["columns"], json!(["plan_id", "users", "note"]));
    assert_eq!(
        result["rows"],
        json!([["free", before.to_string(), Value::Null]])
    );
    assert_eq!(result["truncated"], false);
    assert_eq!(
        result["csv"],
        format!("plan_id,users,note\r\nfree,{before},\r\n")
    );

    // Writes of every shape are refused, and none is saved.
    for sql in [
        "DELETE FROM users",
        "SELECT 1; DELETE FROM users",
        "SELECT 1 -- c\n; UPDATE users SET plan_id = 'pro'",
        "WITH gone AS (DELETE FROM users RETURNING id) SELECT * FROM gone",
        "SELECT id FROM users FOR UPDATE",
        "SELECT nope FROM nowhere",
    ] {
        let refused = save(&mut gql, "Harmful", sql).await;
        assert_eq!(reason(&refused), "query_failed", "{sql}: {}", refused.body);
    }
    // A query saved around the check (straight into the table) still cannot write.
    let sneaked = admin_queries::insert(
        &app.db,
        &Draft {
            name: "Sneaked",
            description: "",
            sql: "SELECT 1 AS x) AS q; DELETE FROM users; SELECT * FROM (SELECT 1",
        },
        "someone",
    )
    .await
    .unwrap();
    let refused = gql.run(RUN, json!({ "id": sneaked.id })).await;
    assert_eq!(reason(&refused), "query_failed", "{}", refused.body);
    if backend == Backend::Postgres {
        let direct = admin_queries::insert(
            &app.db,
            &Draft {
                name: "Sequence",
                description: "",
                sql: "SELECT set_config('transaction_read_only', 'off', true), nextval(pg_get_serial_sequence('admin_audit', 'id'))",
            },
            "someone",
        )
        .await
        .unwrap();
        let refused = gql.run(RUN, json!({ "id": direct.id })).await;
        assert_eq!(reason(&refused), "query_failed", "{}", refused.body);
    }
    assert_eq!(users_count(&app).await, before);

    // The row cap: 1,000 rows of 1,500, marked as cut.
    let many = save(
        &mut gql,
        "Many",
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) SELECT i FROM n",
    )
    .await;
    let many_id = many.data()["adminSaveQuery"]["id"].clone();
    let ran = gql.run(RUN, json!({ "id": many_id })).await;
    let result = &ran.data()["adminRunQuery"];
    assert_eq!(result["rows"].as_array().unwrap().len(), 1_000);
    assert_eq!(result["rows"][999], json!(["1000"]));
    assert_eq!(result["truncated"], true);

    // Names are unique; a query is edited and deleted.
    let taken = save(&mut gql, "Many", "SELECT 1").await;
    assert_eq!(reason(&taken), "query_name_taken");
    let edited = gql
        .run(
            SAVE,
            json!({ "input": { "id": id, "name": "Users", "sql": "SELECT count(*) AS n FROM users" } }),
        )
        .await;
    assert_eq!(edited.data()["adminSaveQuery"]["name"], "Users");
    let deleted = gql
        .run(
            "mutation($id: UUID!) { adminDeleteQuery(id: $id) }",
            json!({ "id": many_id }),
        )
        .await;
    assert_eq!(deleted.data()["adminDeleteQuery"], true);
    let listed = gql.run("{ adminSavedQueries { name } }", json!({})).await;
    assert_eq!(
        listed.data()["adminSavedQueries"],
        json!([{ "name": "Sequence" }, { "name": "Sneaked" }, { "name": "Users" }])
            .as_array()
            .unwrap()
            .iter()
            .filter(|q| backend == Backend::Postgres || q["name"] != "Sequence")
            .cloned()
            .collect::<Value>()
    );

    // Each save, run and delete is in the trail with the SQL it concerned.
    let trail = admin_audit::page(&app.db, &Default::default(), None, 100)
        .await
        .unwrap();
    let count = |action: &str| trail.iter().filter(|e| e.action == action).count();
    assert_eq!(count(admin_audit::action::QUERY_SAVED), 3);
    assert_eq!(count(admin_audit::action::QUERY_DELETED), 1);
    assert!(count(admin_audit::action::QUERY_RAN) >= 3);
    let run_entry = trail
        .iter()
        .find(|e| {
            e.action == admin_audit::action::QUERY_RAN && e.target_label.as_deref() == Some("Many")
        })
        .unwrap();
    assert_eq!(
        run_entry.after,
        Some(json!({ "rows": 1000, "truncated": true }))
    );
    assert_eq!(run_entry.actor_email, admin.email);

    // Support and finance have no saved queries.
    for role in ["support", "finance"] {
        let operator = person(&app, Some(role)).await;
        let mut theirs = as_user(&app, &operator).await;
        let refused = theirs.run(RUN, json!({ "id": id })).await;
        assert_eq!(refused.code(), "FORBIDDEN", "{role}");
    }
    app.stop().await;
}

/// A query that would run forever is stopped after five seconds, and the app goes on.
async fn a_slow_query_is_stopped_at_the_timeout(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let admin = person(&app, Some("super_admin")).await;
    let mut gql = as_user(&app, &admin).await;
    let endless = admin_queries::insert(
        &app.db,
        &Draft {
            name: "Endless",
            description: "",
            sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
        },
        "someone",
    )
    .await
    .unwrap();
    let started = Instant::now();
    let refused = gql.run(RUN, json!({ "id": endless.id })).await;
    let took = started.elapsed();
    assert_eq!(reason(&refused), "query_timed_out", "{}", refused.body);
    assert!(
        took >= Duration::from_secs(5) && took < Duration::from_secs(15),
        "{took:?}"
    );
    // The connection went back to the pool as it came: writes still work.
    let saved = save(&mut gql, "After", "SELECT 1 AS one").await;
    assert_eq!(saved.data()["adminSaveQuery"]["name"], "After");
    app.stop().await;
}

async fn live_counters_follow_the_platform(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let admin = person(&app, Some("finance")).await;
    let addr = app.addr.to_string();
    let query = "subscription { adminLiveCounters { users signUps24h activeSubscriptions mrrIdr requests24h at } }";
    let token = app.bearer(admin.id).await;
    let mut live = Subscription::start(
        &addr,
        &[],
        json!({ "authorization": format!("Bearer {token}") }),
        query,
    )
    .await;
    let first = live.next_payload().await;
    let counters = &first["data"]["adminLiveCounters"];
    let users_now = users_count(&app).await;
    assert_eq!(counters["users"], users_now, "{first}");
    assert_eq!(counters["signUps24h"], users_now);

    // A sign-up shows within a round or two.
    person(&app, None).await;
    let next = live.next_payload().await;
    assert_eq!(
        next["data"]["adminLiveCounters"]["users"],
        users_now + 1,
        "{next}"
    );

    // A normal user is told the field does not exist for them; support that it is not theirs.
    for (role, code) in [(None, "NOT_FOUND"), (Some("support"), "FORBIDDEN")] {
        let someone = person(&app, role).await;
        let token = app.bearer(someone.id).await;
        let mut refused = Subscription::start(
            &addr,
            &[],
            json!({ "authorization": format!("Bearer {token}") }),
            query,
        )
        .await;
        let answer = refused.next_payload().await;
        assert_eq!(answer["errors"][0]["extensions"]["code"], code, "{answer}");
        assert!(answer["data"].is_null(), "{answer}");
    }
    app.stop().await;
}

async fn every_replica_reports_its_usage_queue(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let admin = person(&app, Some("support")).await;
    let mut gql = as_user(&app, &admin).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    let replicas = loop {
        let health = gql
            .run(
                "{ adminHealth { replicas { replicaId role usageQueueDepth usageQueueCapacity stale } } }",
                json!({}),
            )
            .await;
        let replicas = health.data()["adminHealth"]["replicas"].clone();
        if !replicas.as_array().unwrap().is_empty() || Instant::now() > deadline {
            break replicas;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let mine = replicas
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["replicaId"]
                .as_str()
                .unwrap()
                .ends_with(&format!(":{}", std::process::id()))
        })
        .unwrap_or_else(|| panic!("{replicas}"));
    assert_eq!(mine["role"], "all");
    assert_eq!(mine["stale"], false);
    assert!(mine["usageQueueCapacity"].as_i64().unwrap() > 0, "{mine}");
    assert!(mine["usageQueueDepth"].as_i64().unwrap() >= 0);
    app.stop().await;
}
