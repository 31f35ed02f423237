//! The GraphQL control plane over real HTTP: sessions (cookie + CSRF, or bearer), accounts,
//! API keys across two users, plans, limits on queries, and the committed schema.

use entities::{api_keys, email_outbox, pending_signups, sessions, users};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;

use crate::on_both_backends;
use crate::support::graphql::{Gql, STRONG, signup_token};
use crate::support::{Backend, TestApp, spawn_app};

on_both_backends!(
    sign_up_sets_a_session_cookie_that_needs_csrf_for_changes,
    bad_sign_ups_are_refused_and_write_nothing,
    log_in_errors_do_not_reveal_accounts_and_are_rate_limited,
    bearer_sessions_for_scripts_and_get_queries,
    profile_and_password_changes,
    api_keys_are_created_rotated_revoked_and_private,
    plans_and_my_plan,
);

async fn app() -> TestApp {
    spawn_app(Backend::Sqlite, "http://127.0.0.1:9", &[]).await
}

async fn app_on(backend: Backend, extra: &[(&str, &str)]) -> TestApp {
    spawn_app(backend, "http://127.0.0.1:9", extra).await
}

fn email() -> String {
    format!("{}@example.com", uuid::Uuid::new_v4().simple())
}

async fn sign_up_sets_a_session_cookie_that_needs_csrf_for_changes(backend: Backend) {
    let app = app_on(backend, &[]).await;
    let mut gql = Gql::new(&app.url(""));
    let address = email();
    let started = gql
        .run(
            "mutation($e: String!, $p: String!) { signUp(email: $e, password: $p, displayName: \"Ana\", locale: \"id\") }",
            json!({"e": address.to_uppercase(), "p": STRONG}),
        )
        .await;
    assert_eq!(started.data()["signUp"], true);
    assert!(!gql.has_session_cookie(), "no session before the link");
    assert_eq!(count_users(&app).await, 0, "no account before the link");

    // The emailed link opens the Indonesian page; it names the address it belongs to.
    let token = signup_token(&app, &address).await;
    let mail = email_outbox::recent(&app.db, Some(&address), 1)
        .await
        .unwrap();
    let text = app.rendered(&mail[0]).text;
    assert!(
        text.contains(&format!("/id/confirm-signup/?token={token}\n")),
        "{text}"
    );
    assert!(
        !format!("{:?}", mail[0]).contains(&token),
        "the outbox holds the token sealed, never in clear"
    );
    let named = gql
        .run(
            "query($t: String!) { signUpEmail(token: $t) }",
            json!({"t": token}),
        )
        .await;
    assert_eq!(named.data()["signUpEmail"], address.as_str());

    // Someone else's password cannot finish it (a link from another's sign-up).
    let complete = "mutation($t: String!, $p: String!) { completeSignUp(token: $t, password: $p) { user { email displayName locale planId emailVerified } csrfToken sessionToken } }";
    let wrong = gql
        .run(
            complete,
            json!({"t": token, "p": "another-long-passphrase-9"}),
        )
        .await;
    assert_eq!(wrong.code(), "BAD_USER_INPUT");
    assert_eq!(
        wrong.body["errors"][0]["extensions"]["reason"],
        "signup_password_mismatch"
    );
    assert_eq!(count_users(&app).await, 0);

    let answer = gql.run(complete, json!({"t": token, "p": STRONG})).await;
    let payload = &answer.data()["completeSignUp"];
    assert_eq!(payload["user"]["email"], address, "stored normalised");
    assert_eq!(payload["user"]["planId"], "free");
    assert_eq!(payload["user"]["locale"], "id");
    assert_eq!(payload["user"]["displayName"], "Ana");
    assert_eq!(
        payload["user"]["emailVerified"], true,
        "the link proved the mailbox"
    );
    assert!(
        payload["sessionToken"].is_null(),
        "browsers get a cookie, not the token"
    );
    let again = Gql::new(&app.url(""))
        .run(complete, json!({"t": token, "p": STRONG}))
        .await;
    assert_eq!(again.code(), "INVALID_TOKEN", "a link works once");
    let used = gql
        .run(
            "query($t: String!) { signUpEmail(token: $t) }",
            json!({"t": token}),
        )
        .await;
    assert!(used.data()["signUpEmail"].is_null());
    let cookies: Vec<&str> = answer
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("satu_session="))
        .unwrap();
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"));
    assert!(!session.contains("Secure"), "plain http on localhost");
    assert_eq!(gql.csrf.as_deref(), payload["csrfToken"].as_str());

    let me = gql.run("{ me { email displayName } }", json!({})).await;
    assert_eq!(me.data()["me"]["displayName"], "Ana");

    gql.send_csrf = false;
    let refused = gql
        .run(
            "mutation { createApiKey(name: \"x\") { secret } }",
            json!({}),
        )
        .await;
    assert_eq!(refused.code(), "CSRF");
    gql.send_csrf = true;
    let created = gql
        .run(
            "mutation { createApiKey(name: \"x\") { secret } }",
            json!({}),
        )
        .await;
    assert!(
        created.data()["createApiKey"]["secret"]
            .as_str()
            .unwrap()
            .starts_with("sk-satu-")
    );
    let user = users::find_by_email(&app.db, &address).await.unwrap();
    assert_eq!(
        api_keys::list_for_user(&app.db, user.id)
            .await
            .unwrap()
            .len(),
        1,
        "the refused change wrote nothing"
    );

    let before = gql.clone_session();
    let out = gql.run("mutation { logOut }", json!({})).await;
    assert_eq!(out.data()["logOut"], true);
    assert!(!gql.has_session_cookie(), "cookies cleared");
    let mut replay = before;
    let stale = replay.run("{ me { id } }", json!({})).await;
    assert_eq!(
        stale.code(),
        "UNAUTHENTICATED",
        "the session ended on the server"
    );
    app.stop().await;
}

async fn count_users(app: &TestApp) -> u64 {
    users::Entity::find().count(&app.db).await.unwrap()
}

async fn count_pending(app: &TestApp) -> u64 {
    pending_signups::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

async fn count_emails(app: &TestApp) -> u64 {
    email_outbox::Entity::find().count(&app.db).await.unwrap()
}

async fn bad_sign_ups_are_refused_and_write_nothing(backend: Backend) {
    let app = app_on(backend, &[]).await;
    let mut gql = Gql::new(&app.url(""));
    let taken = email();
    gql.sign_up(&app, &taken).await;
    let users_before = count_users(&app).await;
    let pending_before = count_pending(&app).await;
    let emails_before = count_emails(&app).await;
    let sign_up = "mutation($e: String!, $p: String!, $l: String) { signUp(email: $e, password: $p, locale: $l) }";
    let cases = [
        ("not-an-email", STRONG, None, "Invalid email"),
        (&email() as &str, "short", None, "too weak"),
        (&email(), "password123", None, "most guessed"),
        (&email(), STRONG, Some("fr"), "Invalid locale"),
    ];
    for (address, password, locale, words) in cases {
        let mut fresh = Gql::new(&app.url(""));
        let answer = fresh
            .run(sign_up, json!({"e": address, "p": password, "l": locale}))
            .await;
        assert_eq!(answer.code(), "BAD_USER_INPUT", "{address}");
        assert!(answer.message().contains(words), "{}", answer.message());
        assert!(!fresh.has_session_cookie());
    }
    assert_eq!(count_users(&app).await, users_before, "nothing written");
    assert_eq!(count_pending(&app).await, pending_before);
    assert_eq!(count_emails(&app).await, emails_before);

    // A registered address answers exactly like a new one; its owner gets a note instead of
    // a link, once an hour however many tries.
    let mut answers = Vec::new();
    for address in [taken.as_str(), &email(), taken.as_str()] {
        let answer = Gql::new(&app.url(""))
            .run(sign_up, json!({"e": address, "p": STRONG}))
            .await;
        assert_eq!(answer.status, 200);
        answers.push(answer.body);
    }
    assert!(
        answers
            .iter()
            .all(|a| *a == json!({"data": {"signUp": true}}))
    );
    assert_eq!(count_users(&app).await, users_before);
    assert_eq!(
        count_pending(&app).await,
        pending_before + 1,
        "only the new address waits"
    );
    let notes = email_outbox::recent(&app.db, Some(&taken), 10)
        .await
        .unwrap();
    let notes: Vec<_> = notes
        .iter()
        .filter(|m| m.template == "signup_existing")
        .collect();
    assert_eq!(notes.len(), 1, "one note per hour");
    let note = app.rendered(notes[0]).text;
    assert!(note.contains("/id/signin/"), "{note}");
    assert!(!note.contains("token="), "no link that changes anything");

    // The address got an account while a link was out: opening it says so, nothing changes.
    let late = email();
    Gql::new(&app.url("")).start_sign_up(&late, STRONG).await;
    let token = signup_token(&app, &late).await;
    Gql::new(&app.url("")).sign_up(&app, &late).await;
    let conflict = Gql::new(&app.url(""))
        .run(
            "mutation($t: String!, $p: String!) { completeSignUp(token: $t, password: $p) { user { id } } }",
            json!({"t": token, "p": STRONG}),
        )
        .await;
    assert_eq!(conflict.code(), "CONFLICT", "{:?}", conflict.body);
    assert_eq!(
        count_users(&app).await,
        users_before + 1,
        "only the link that won"
    );
    app.stop().await;
}

async fn log_in_errors_do_not_reveal_accounts_and_are_rate_limited(backend: Backend) {
    let app = app_on(backend, &[("SATU__API__ATTEMPTS_PER_EMAIL", "2")]).await;
    let address = email();
    Gql::new(&app.url("")).sign_up(&app, &address).await;
    let log_in =
        "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { user { email } } }";

    let wrong = Gql::new(&app.url(""))
        .run(log_in, json!({"e": address, "p": "not-the-password"}))
        .await;
    let unknown = Gql::new(&app.url(""))
        .run(log_in, json!({"e": email(), "p": STRONG}))
        .await;
    assert_eq!(wrong.code(), "BAD_CREDENTIALS");
    assert_eq!(unknown.code(), "BAD_CREDENTIALS");
    assert_eq!(
        wrong.message(),
        unknown.message(),
        "the same words either way"
    );

    // Successful sign-ins do not count against the email: a script may sign in often.
    for _ in 0..3 {
        let mut gql = Gql::new(&app.url(""));
        let ok = gql.run(log_in, json!({"e": address, "p": STRONG})).await;
        assert_eq!(ok.data()["logIn"]["user"]["email"], address);
        assert!(gql.has_session_cookie());
    }
    let wrong = Gql::new(&app.url(""))
        .run(log_in, json!({"e": address, "p": "still-not-it"}))
        .await;
    assert_eq!(wrong.code(), "BAD_CREDENTIALS");
    // After two failures on the email in the window, the next attempt is refused, even with
    // the right password.
    let limited = Gql::new(&app.url(""))
        .run(log_in, json!({"e": address, "p": STRONG}))
        .await;
    assert_eq!(limited.code(), "RATE_LIMITED");
    let retry = limited.body["errors"][0]["extensions"]["retryAfter"]
        .as_u64()
        .unwrap();
    assert!((1..=600).contains(&retry));
    app.stop().await;
}

async fn bearer_sessions_for_scripts_and_get_queries(backend: Backend) {
    let app = app_on(backend, &[]).await;
    let address = email();
    Gql::new(&app.url("")).sign_up(&app, &address).await;
    let mut script = Gql::new(&app.url(""));
    let answer = script
        .run(
            "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p, issueToken: true) { sessionToken csrfToken } }",
            json!({"e": address, "p": STRONG}),
        )
        .await;
    let token = answer.data()["logIn"]["sessionToken"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(token.starts_with("satu_sess_"));
    assert!(
        answer.headers.get("set-cookie").is_none(),
        "no cookie for scripts"
    );
    script.bearer = Some(token.clone());
    let created = script
        .run(
            "mutation { createApiKey(name: \"ci\") { key { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        created.data()["createApiKey"]["key"]["name"],
        "ci",
        "bearer needs no CSRF"
    );

    let got = script.get("{ me { email } apiKeys { name } }").await;
    assert_eq!(got.data()["me"]["email"], address);
    let mutation = script
        .get("mutation { createApiKey(name: \"via-get\") { secret } }")
        .await;
    assert_eq!(mutation.code(), "BAD_USER_INPUT", "{}", mutation.body);

    let stored = sessions::find_active(&app.db, &token)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(stored.token_hash, token, "only a digest at rest");
    let out = script.run("mutation { logOut }", json!({})).await;
    assert_eq!(out.data()["logOut"], true);
    assert_eq!(
        script.run("{ me { id } }", json!({})).await.code(),
        "UNAUTHENTICATED"
    );
    app.stop().await;
}

async fn profile_and_password_changes(backend: Backend) {
    let app = app_on(backend, &[]).await;
    let address = email();
    let mut first = Gql::new(&app.url(""));
    first.sign_up(&app, &address).await;
    let mut second = Gql::new(&app.url(""));
    let log_in =
        "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { user { id } } }";
    second
        .run(log_in, json!({"e": address, "p": STRONG}))
        .await
        .data();

    let bad_locale = first
        .run(
            "mutation { updateProfile(locale: \"xx\") { locale } }",
            json!({}),
        )
        .await;
    assert_eq!(bad_locale.code(), "BAD_USER_INPUT");
    let profile = first
        .run("mutation { updateProfile(displayName: \"  Budi  \", locale: \"en\") { displayName locale } }", json!({}))
        .await;
    assert_eq!(
        profile.data()["updateProfile"],
        json!({"displayName": "Budi", "locale": "en"})
    );

    let change = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }";
    let wrong = first
        .run(
            change,
            json!({"c": "wrong-password-1", "n": "mango-season-2027"}),
        )
        .await;
    assert_eq!(wrong.code(), "BAD_USER_INPUT");
    let weak = first.run(change, json!({"c": STRONG, "n": "short"})).await;
    assert_eq!(weak.code(), "BAD_USER_INPUT");
    let hash_before = users::find_by_email(&app.db, &address)
        .await
        .unwrap()
        .password_hash;
    assert_eq!(
        users::find_by_email(&app.db, &address)
            .await
            .unwrap()
            .password_hash,
        hash_before,
        "refusals changed nothing"
    );
    let changed = first
        .run(change, json!({"c": STRONG, "n": "mango-season-2027"}))
        .await;
    assert_eq!(changed.data()["changePassword"], true);
    let still = first.run("{ me { id } }", json!({})).await;
    assert!(still.data()["me"]["id"].is_string(), "this session stays");
    assert_eq!(
        second.run("{ me { id } }", json!({})).await.code(),
        "UNAUTHENTICATED",
        "other sessions signed out"
    );
    let old = Gql::new(&app.url(""))
        .run(log_in, json!({"e": address, "p": STRONG}))
        .await;
    assert_eq!(old.code(), "BAD_CREDENTIALS");
    let new = Gql::new(&app.url(""))
        .run(log_in, json!({"e": address, "p": "mango-season-2027"}))
        .await;
    assert!(new.data()["logIn"]["user"]["id"].is_string());
    app.stop().await;
}

async fn api_keys_are_created_rotated_revoked_and_private(backend: Backend) {
    let app = app_on(backend, &[]).await;
    let mut ana = Gql::new(&app.url(""));
    ana.sign_up(&app, &email()).await;
    let mut budi = Gql::new(&app.url(""));
    budi.sign_up(&app, &email()).await;

    let created = ana
        .run(
            "mutation { createApiKey(name: \"laptop\") { secret key { id prefix status } } }",
            json!({}),
        )
        .await;
    let key = &created.data()["createApiKey"];
    let id = key["key"]["id"].as_str().unwrap().to_owned();
    let secret = key["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with(key["key"]["prefix"].as_str().unwrap()));
    assert_eq!(key["key"]["status"], "ACTIVE");
    let empty = ana
        .run(
            "mutation { createApiKey(name: \"  \") { secret } }",
            json!({}),
        )
        .await;
    assert_eq!(empty.code(), "BAD_USER_INPUT");

    // Every operation that takes a key id answers "not found" for another user's key.
    let by_id = [
        "query($id: UUID!) { apiKey(id: $id) { id } }",
        "mutation($id: UUID!) { rotateApiKey(id: $id) { secret } }",
        "mutation($id: UUID!) { revokeApiKey(id: $id) { id } }",
    ];
    for operation in by_id {
        let answer = budi.run(operation, json!({"id": id})).await;
        assert_eq!(answer.code(), "NOT_FOUND", "{operation}");
        assert_eq!(answer.message(), "API key not found.");
    }
    assert_eq!(
        budi.run("{ apiKeys { id } }", json!({})).await.data()["apiKeys"],
        json!([])
    );

    let rotated = ana
        .run(
            "mutation($id: UUID!) { rotateApiKey(id: $id) { secret key { id name } } }",
            json!({"id": id}),
        )
        .await;
    let new_secret = rotated.data()["rotateApiKey"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(new_secret, secret);
    assert_eq!(
        rotated.data()["rotateApiKey"]["key"]["id"],
        id.as_str(),
        "same key"
    );
    let models = |key: String| {
        let http = app.http.clone();
        let url = app.url("/v1/models");
        async move {
            http.get(url)
                .bearer_auth(key)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(
        models(secret.clone()).await,
        401,
        "the old secret stopped working"
    );
    assert_eq!(models(new_secret.clone()).await, 200);

    let revoked = ana
        .run(
            "mutation($id: UUID!) { revokeApiKey(id: $id) { status revokedAt } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(revoked.data()["revokeApiKey"]["status"], "REVOKED");
    let again = ana
        .run(
            "mutation($id: UUID!) { rotateApiKey(id: $id) { secret } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(again.code(), "BAD_USER_INPUT");
    let listed = ana.run("{ apiKeys { id status } }", json!({})).await;
    assert_eq!(
        listed.data()["apiKeys"],
        json!([{"id": id, "status": "REVOKED"}])
    );
    app.stop().await;
}

async fn plans_and_my_plan(backend: Backend) {
    let app = app_on(backend, &[]).await;
    let anonymous = Gql::new(&app.url(""))
        .run("{ plans { id priceIdr monthlyRequests } }", json!({}))
        .await;
    let plans = anonymous.data()["plans"].as_array().unwrap().clone();
    assert_eq!(plans.len(), 5);
    assert_eq!(
        plans[1],
        json!({"id": "starter", "priceIdr": 49000, "monthlyRequests": 10000})
    );
    assert_eq!(
        Gql::new(&app.url(""))
            .run("{ myPlan { requestsUsed } }", json!({}))
            .await
            .code(),
        "UNAUTHENTICATED"
    );
    // What the sign-in page and the snippets need, before anyone signs in.
    let info = Gql::new(&app.url(""))
        .run(
            "{ serverInfo { publicUrl googleSignIn idrPerUsd } }",
            json!({}),
        )
        .await;
    assert_eq!(
        info.data()["serverInfo"],
        json!({"publicUrl": "http://localhost:8080", "googleSignIn": false, "idrPerUsd": 16500.0})
    );

    let mut gql = Gql::new(&app.url(""));
    gql.sign_up(&app, &email()).await;
    let mine = gql
        .run("{ myPlan { plan { id } requestsUsed requestsLimit requestsPerMinute periodStart periodEnd providersUsed } }", json!({}))
        .await;
    let mine = &mine.data()["myPlan"];
    assert_eq!(mine["plan"]["id"], "free");
    assert_eq!(
        (
            mine["requestsUsed"].as_i64(),
            mine["requestsLimit"].as_i64()
        ),
        (Some(0), Some(1000))
    );
    assert_eq!(mine["requestsPerMinute"], 20);
    assert_eq!(mine["providersUsed"], 0);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queries_are_limited_and_errors_carry_codes() {
    let app = app().await;
    let mut gql = Gql::new(&app.url(""));
    let deep = format!(
        "{{ __schema {{ types {{ {}name{} }} }} }}",
        "fields { type { ofType { ".repeat(4),
        " } } }".repeat(4)
    );
    let answer = gql.run(&deep, json!({})).await;
    assert_eq!(answer.code(), "GRAPHQL_VALIDATION_FAILED");
    assert!(
        answer.message().contains("nested too deep"),
        "{}",
        answer.message()
    );
    let malformed = gql
        .run(
            "query($id: UUID!) { apiKey(id: $id) { id } }",
            json!({"id": "not-a-uuid"}),
        )
        .await;
    assert_ne!(malformed.code(), "INTERNAL", "{}", malformed.body);
    let unknown = gql.run("{ nope }", json!({})).await;
    assert_eq!(unknown.code(), "GRAPHQL_VALIDATION_FAILED");
    let big = "x".repeat(2 * 1024 * 1024);
    let too_big = app
        .http
        .post(app.url("/graphql"))
        .json(&json!({"query": big}))
        .send()
        .await
        .unwrap();
    assert_eq!(too_big.status(), 413);
    app.stop().await;

    let closed = spawn_app(
        Backend::Sqlite,
        "http://127.0.0.1:9",
        &[("SATU__API__INTROSPECTION", "false")],
    )
    .await;
    let answer = Gql::new(&closed.url(""))
        .run("{ __schema { types { name } } }", json!({}))
        .await;
    assert!(
        answer.body["data"]["__schema"].is_null(),
        "no schema to read: {}",
        answer.body
    );
    // GraphiQL is off unless asked for.
    let page = closed
        .http
        .get(closed.url("/graphiql"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 404);
    closed.stop().await;

    let open = spawn_app(
        Backend::Sqlite,
        "http://127.0.0.1:9",
        &[("SATU__API__GRAPHIQL", "true")],
    )
    .await;
    let page = open.http.get(open.url("/graphiql")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        policy.contains("script-src 'self' https://unpkg.com;"),
        "{policy}"
    );
    let html = page.text().await.unwrap();
    assert_eq!(html.matches("integrity=\"sha384-").count(), 5);
    let boot = open
        .http
        .get(open.url("/graphiql/boot.js"))
        .send()
        .await
        .unwrap();
    assert!(
        boot.text()
            .await
            .unwrap()
            .contains("GraphiQL.createFetcher")
    );
    open.stop().await;
}

/// `schema.graphql` is what the code serves: regenerate it with `satu schema > schema.graphql`.
#[test]
fn the_committed_schema_is_current() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql")).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_satu"))
        .arg("schema")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        committed == String::from_utf8(output.stdout).unwrap(),
        "schema.graphql is stale: run `satu schema > schema.graphql`"
    );
}

/// Every operation that takes an id, found by introspection, must be in the list of
/// operations the cross-user tests try with another user's id (those tests live next to each
/// module: keys here, connections in graphql_connections.rs, usage in usage_api.rs, sessions in
/// graphql_settings.rs). A new
/// id-taking operation without such a test fails here.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_id_taking_operation_is_tried_across_users() {
    const TRIED_ACROSS_USERS: &[&str] = &[
        "apiKey",
        "rotateApiKey",
        "revokeApiKey",
        "connection",
        "updateConnection",
        "refreshConnection",
        "removeConnection",
        "completeOAuthConnection",
        "pollOAuthConnection",
        "requestLog",
        "revokeSession",
        // Tried from another team in `teams.rs`.
        "setTeamMemberRole",
        "removeTeamMember",
        "setTeamMemberLimits",
        "transferTeamOwnership",
        "resendTeamInvite",
        "revokeTeamInvite",
        // Operators reach any user's id by design: admin.rs tries each with every role and
        // with a normal user, who is told "not found".
        "adminUser",
        "adminSuspendUser",
        "adminUnsuspendUser",
        "adminSetUserPlan",
        "adminExtendPeriod",
        "adminSignOutUser",
        "adminResendVerification",
        "adminGrantRequests",
        "adminStartImpersonation",
        "adminEndImpersonation",
        "adminRunQuery",
        "adminDeleteQuery",
    ];
    let app = app().await;
    let fields = "fields { name args { name type { name ofType { name ofType { name } } } } }";
    let query = format!(
        "{{ __schema {{ queryType {{ {fields} }} mutationType {{ {fields} }} subscriptionType {{ {fields} }} }} }}"
    );
    let answer = Gql::new(&app.url("")).run(&query, json!({})).await;
    let schema = &answer.data()["__schema"];
    let mut taking_ids = Vec::new();
    for root in ["queryType", "mutationType", "subscriptionType"] {
        for field in schema[root]["fields"].as_array().unwrap() {
            let takes_id = field["args"].as_array().unwrap().iter().any(|arg| {
                let t = &arg["type"];
                [
                    &t["name"],
                    &t["ofType"]["name"],
                    &t["ofType"]["ofType"]["name"],
                ]
                .iter()
                .any(|n| n.as_str() == Some("UUID"))
            });
            if takes_id {
                taking_ids.push(field["name"].as_str().unwrap().to_owned());
            }
        }
    }
    let untried: Vec<&String> = taking_ids
        .iter()
        .filter(|name| !TRIED_ACROSS_USERS.contains(&name.as_str()))
        .collect();
    assert!(
        untried.is_empty(),
        "operations taking an id without a cross-user test: {untried:?}"
    );
    assert!(taking_ids.len() >= TRIED_ACROSS_USERS.len());
    app.stop().await;
}
