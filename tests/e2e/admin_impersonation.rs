//! Support's view of a user's dashboard: read-only, audited page by page, visible to the user,
//! ended in one click or when it expires.

use serde_json::json;
use uuid::Uuid;

use crate::admin::{START_VIEW, as_user, person, trail_of};
use crate::on_both_backends;
use crate::support::graphql::Gql;
use crate::support::{Backend, spawn_app};

on_both_backends!(support_views_a_dashboard_read_only_and_audited);

/// Support opens a user's dashboard: it reads as the user, refuses every change, audits each
/// page once, shows in the user's sessions, and ends in one click (or when it expires).
async fn support_views_a_dashboard_read_only_and_audited(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let support = person(&app, Some("support")).await;
    let user = person(&app, None).await;
    let mut gql = as_user(&app, &support).await;
    let started = gql.run(START_VIEW, json!({ "id": user.id })).await;
    let view = started.data()["adminStartImpersonation"].clone();
    assert_eq!(view["userEmail"], user.email);
    let mut viewing = Gql::new(&app.url(""));
    viewing.bearer = Some(view["token"].as_str().unwrap().to_owned());

    // Reads as the user, one audit entry per page however many requests it makes.
    for page in ["/id/app/", "/id/app/", "/id/app/keys/"] {
        viewing.page = Some(page.to_owned());
        let me = viewing
            .run("{ me { email } apiKeys { id } }", json!({}))
            .await;
        assert_eq!(me.data()["me"]["email"], user.email);
    }
    // Changes nothing, whatever the mutation.
    for mutation in [
        "mutation { createApiKey(name: \"sneaky\") { id } }",
        "mutation { logOut }",
        "mutation { signOutOtherSessions }",
    ] {
        let refused = viewing.run(mutation, json!({})).await;
        assert_eq!(refused.code(), "FORBIDDEN", "{mutation}");
        assert_eq!(
            refused.body["errors"][0]["extensions"]["reason"],
            "impersonation_read_only"
        );
    }
    // The admin API is not reachable through it.
    assert_eq!(
        viewing.run("{ adminMe { role } }", json!({})).await.code(),
        "NOT_FOUND"
    );

    // The user sees support among their sessions, and in the list of views.
    let mut theirs = as_user(&app, &user).await;
    let mine = theirs
        .run(
            "{ sessions { supportView } supportViews { role endedAt } }",
            json!({}),
        )
        .await;
    let sessions = mine.data()["sessions"].as_array().unwrap().clone();
    assert!(sessions.iter().any(|s| s["supportView"] == true));
    assert_eq!(
        mine.data()["supportViews"],
        json!([{ "role": "support", "endedAt": null }])
    );

    let id = view["id"].as_str().unwrap();
    let ended = gql
        .run(
            "mutation($id: UUID!) { adminEndImpersonation(id: $id) }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(ended.data()["adminEndImpersonation"], true);
    assert_eq!(
        viewing.run("{ me { email } }", json!({})).await.code(),
        "UNAUTHENTICATED"
    );
    let after = theirs.run("{ supportViews { endedAt } }", json!({})).await;
    assert!(after.data()["supportViews"][0]["endedAt"].is_string());

    let (items, actions) = trail_of(&mut gql, &user.id.to_string(), "actorEmail after").await;
    assert_eq!(
        actions,
        [
            "impersonation.ended",
            "impersonation.viewed",
            "impersonation.viewed",
            "impersonation.started"
        ]
    );
    assert!(items.iter().all(|i| i["actorEmail"] == support.email));
    assert!(
        items[1]["after"]
            .as_str()
            .unwrap()
            .contains("/id/app/keys/")
    );
    assert!(items[2]["after"].as_str().unwrap().contains("\"/id/app/\""));

    // A view that ran out of time lets nothing through; operators cannot be viewed.
    let again = gql.run(START_VIEW, json!({ "id": user.id })).await;
    let token = again.data()["adminStartImpersonation"]["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let expired = entities::impersonations::ActiveModel {
        id: sea_orm::ActiveValue::Set(
            Uuid::parse_str(
                again.data()["adminStartImpersonation"]["id"]
                    .as_str()
                    .unwrap(),
            )
            .unwrap(),
        ),
        expires_at: sea_orm::ActiveValue::Set(chrono::Utc::now() - chrono::Duration::seconds(1)),
        ..Default::default()
    };
    sea_orm::ActiveModelTrait::update(expired, &app.db)
        .await
        .unwrap();
    let mut late = Gql::new(&app.url(""));
    late.bearer = Some(token);
    assert_eq!(
        late.run("{ me { email } }", json!({})).await.code(),
        "UNAUTHENTICATED"
    );
    let operator = person(&app, Some("finance")).await;
    let refused = gql.run(START_VIEW, json!({ "id": operator.id })).await;
    assert_eq!(
        refused.body["errors"][0]["extensions"]["reason"],
        "operator_target"
    );
    app.stop().await;
}
