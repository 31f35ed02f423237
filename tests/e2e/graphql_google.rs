//! Google sign-in (OIDC code flow with PKCE) against a mock Google that checks the verifier.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::on_both_backends;
use crate::support::graphql::{Gql, STRONG};
use crate::support::{Backend, TestApp, spawn_app};

on_both_backends!(
    google_sign_in_creates_links_and_refuses,
    an_enterprise_team_requires_its_google_workspace,
);

#[derive(Default)]
struct Google {
    challenges: Mutex<HashMap<String, String>>,
    email: Mutex<(String, bool)>,
}

struct MockGoogle {
    url: String,
    state: Arc<Google>,
}

impl MockGoogle {
    async fn start() -> Self {
        let state = Arc::new(Google::default());
        let app = Router::new()
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .route("/userinfo", get(userinfo))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { url, state }
    }

    fn signs_in_as(&self, email: &str, verified: bool) {
        *self.state.email.lock().unwrap() = (email.to_owned(), verified);
    }

    fn env(&self) -> Vec<(String, String)> {
        vec![
            ("SATU__API__GOOGLE__CLIENT_ID".into(), "satu-client".into()),
            (
                "SATU__API__GOOGLE__CLIENT_SECRET".into(),
                "satu-secret".into(),
            ),
            (
                "SATU__API__GOOGLE__AUTHORIZE_URL".into(),
                format!("{}/authorize", self.url),
            ),
            (
                "SATU__API__GOOGLE__TOKEN_URL".into(),
                format!("{}/token", self.url),
            ),
            (
                "SATU__API__GOOGLE__USERINFO_URL".into(),
                format!("{}/userinfo", self.url),
            ),
        ]
    }
}

/// Google shows its account chooser, then returns to the redirect URI with a code.
async fn authorize(
    State(g): State<Arc<Google>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    assert_eq!(q["client_id"], "satu-client");
    assert_eq!(q["code_challenge_method"], "S256");
    assert!(q["scope"].contains("openid") && q["scope"].contains("email"));
    let code = format!("code-{}", uuid::Uuid::new_v4().simple());
    g.challenges
        .lock()
        .unwrap()
        .insert(code.clone(), q["code_challenge"].clone());
    let location = format!("{}?code={code}&state={}", q["redirect_uri"], q["state"]);
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

async fn token(State(g): State<Arc<Google>>, Form(f): Form<HashMap<String, String>>) -> Response {
    let challenge = g.challenges.lock().unwrap().remove(&f["code"]);
    let computed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(Sha256::digest(f["code_verifier"].as_bytes()));
    if f["client_secret"] != "satu-secret" || challenge.as_deref() != Some(computed.as_str()) {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "invalid_grant"})),
        )
            .into_response();
    }
    Json(json!({"access_token": "ya29.mock", "token_type": "Bearer", "expires_in": 3599, "id_token": "unused"}))
        .into_response()
}

async fn userinfo(State(g): State<Arc<Google>>, headers: HeaderMap) -> Response {
    assert_eq!(headers[header::AUTHORIZATION], "Bearer ya29.mock");
    let (email, verified) = g.email.lock().unwrap().clone();
    let sub = format!("sub-{email}");
    let mut info = json!({"sub": sub, "email": email, "email_verified": verified, "name": "Test"});
    // Google Workspace accounts carry their domain; consumer (gmail) accounts do not.
    if let Some((_, domain)) = email.split_once('@')
        && domain != "gmail.example"
    {
        info["hd"] = json!(domain);
    }
    Json(info).into_response()
}

const START: &str = "mutation { startGoogleSignIn { authorizeUrl } }";
const COMPLETE: &str = "mutation($c: String!, $s: String!) { completeGoogleSignIn(code: $c, state: $s) { user { id email planId emailVerified } } }";

/// Starts a sign-in in `browser` and follows Google back: (code, state).
async fn visit_google(app: &TestApp, browser: &mut Gql) -> (String, String) {
    let started = browser.run(START, json!({})).await;
    let url = started.data()["startGoogleSignIn"]["authorizeUrl"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        url.contains("redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fauth%2Fgoogle%2Fcallback"),
        "{url}"
    );
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let back = no_redirects.get(&url).send().await.unwrap();
    let location = url::Url::parse(back.headers()[header::LOCATION].to_str().unwrap()).unwrap();
    let param = |name: &str| {
        location
            .query_pairs()
            .find(|(k, _)| k == name)
            .unwrap()
            .1
            .into_owned()
    };
    let _ = app;
    (param("code"), param("state"))
}

async fn google_sign_in_creates_links_and_refuses(backend: Backend) {
    let google = MockGoogle::start().await;
    let env = google.env();
    let extra: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let app = spawn_app(backend, "http://127.0.0.1:9", &extra).await;

    // A new Google user gets a Free account with a verified email.
    let address = format!("{}@gmail.example", uuid::Uuid::new_v4().simple());
    google.signs_in_as(&address, true);
    let mut browser = Gql::new(&app.url(""));
    let (code, state) = visit_google(&app, &mut browser).await;
    let wrong = browser
        .run(COMPLETE, json!({"c": code, "s": "forged-state"}))
        .await;
    assert_eq!(wrong.code(), "BAD_USER_INPUT");
    let signed = browser.run(COMPLETE, json!({"c": code, "s": state})).await;
    let user = signed.data()["completeGoogleSignIn"]["user"].clone();
    assert_eq!(user["email"], address);
    assert_eq!(
        (user["planId"].as_str(), user["emailVerified"].as_bool()),
        (Some("free"), Some(true))
    );
    assert_eq!(
        browser.run("{ me { email } }", json!({})).await.data()["me"]["email"],
        address
    );

    // Again, from another browser: the same user (linked by Google's id).
    let mut other = Gql::new(&app.url(""));
    let (code, state) = visit_google(&app, &mut other).await;
    let again = other.run(COMPLETE, json!({"c": code, "s": state})).await;
    assert_eq!(
        again.data()["completeGoogleSignIn"]["user"]["id"],
        user["id"]
    );

    // A browser that did not start the sign-in cannot finish it.
    let (code, state) = visit_google(&app, &mut Gql::new(&app.url(""))).await;
    let stranger = Gql::new(&app.url(""))
        .run(COMPLETE, json!({"c": code, "s": state}))
        .await;
    assert_eq!(stranger.code(), "NOT_FOUND");

    // Account pre-takeover: someone registered the address with a password and never proved
    // it. Google's user is not handed that account (nor its sessions and keys).
    let existing = format!("{}@example.com", uuid::Uuid::new_v4().simple());
    let id = crate::graphql_accounts::unverified_user(&app, &existing).await;
    google.signs_in_as(&existing, true);
    let mut browser = Gql::new(&app.url(""));
    let (code, state) = visit_google(&app, &mut browser).await;
    let refused = browser.run(COMPLETE, json!({"c": code, "s": state})).await;
    assert_eq!(refused.code(), "BAD_USER_INPUT");
    assert_eq!(
        refused.body["errors"][0]["extensions"]["reason"],
        "google_email_unverified"
    );
    assert!(
        !browser.has_session_cookie(),
        "no session for Google's user"
    );
    let untouched = entities::users::find_by_email(&app.db, &existing)
        .await
        .unwrap();
    assert_eq!(untouched.google_sub, None, "nothing linked");

    // Once the owner proves the address (the verification link), the accounts are linked,
    // not duplicated.
    entities::users::mark_email_verified(&app.db, id)
        .await
        .unwrap();
    let mut browser = Gql::new(&app.url(""));
    let (code, state) = visit_google(&app, &mut browser).await;
    let linked = browser.run(COMPLETE, json!({"c": code, "s": state})).await;
    assert_eq!(
        linked.data()["completeGoogleSignIn"]["user"]["id"],
        id.to_string()
    );
    let log_in =
        "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { user { id } } }";
    let password = Gql::new(&app.url(""))
        .run(log_in, json!({"e": existing, "p": STRONG}))
        .await;
    assert!(
        password.data()["logIn"]["user"]["id"].is_string(),
        "the password still works"
    );

    // An unverified Google email signs in no one.
    google.signs_in_as("unverified@gmail.example", false);
    let mut browser = Gql::new(&app.url(""));
    let (code, state) = visit_google(&app, &mut browser).await;
    let refused = browser.run(COMPLETE, json!({"c": code, "s": state})).await;
    assert_eq!(refused.code(), "BAD_USER_INPUT");
    assert!(
        entities::users::find_by_email(&app.db, "unverified@gmail.example")
            .await
            .is_err()
    );
    app.stop().await;

    let plain = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let off = Gql::new(&plain.url("")).run(START, json!({})).await;
    assert_eq!(off.code(), "BAD_USER_INPUT");
    assert!(off.message().contains("not configured"));
    plain.stop().await;
}

/// Signs `browser` in with Google as `email` (an account of the mock's).
async fn google_session(app: &TestApp, google: &MockGoogle, browser: &mut Gql, email: &str) {
    google.signs_in_as(email, true);
    let (code, state) = visit_google(app, browser).await;
    let signed = browser.run(COMPLETE, json!({"c": code, "s": state})).await;
    assert_eq!(
        signed.data()["completeGoogleSignIn"]["user"]["email"],
        email
    );
}

async fn an_enterprise_team_requires_its_google_workspace(backend: Backend) {
    let google = MockGoogle::start().await;
    let env = google.env();
    let extra: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let app = spawn_app(backend, "http://127.0.0.1:9", &extra).await;
    let domain = format!("{}.example", uuid::Uuid::new_v4().simple());
    let boss = format!("boss@{domain}");

    // The owner signs up with a password, then also signs in with Google.
    let mut password_session = Gql::new(&app.url(""));
    let user = password_session.sign_up(&app, &boss).await;
    let boss_id: uuid::Uuid = user["user"]["id"].as_str().unwrap().parse().unwrap();
    let team = entities::teams::create(&app.db, boss_id, "Acme", "enterprise")
        .await
        .unwrap();
    password_session.workspace = Some(team.id.to_string());
    let set = "mutation($d: String) { setTeamGoogleDomain(domain: $d) { googleDomain } }";
    let unproven = password_session.run(set, json!({"d": domain})).await;
    assert_eq!(
        unproven.body["errors"][0]["extensions"]["reason"],
        "google_domain_unproven"
    );
    let mut google_browser = Gql::new(&app.url(""));
    google_session(&app, &google, &mut google_browser, &boss).await;
    google_browser.workspace = Some(team.id.to_string());
    let required = google_browser.run(set, json!({"d": domain})).await;
    assert_eq!(
        required.data()["setTeamGoogleDomain"]["googleDomain"],
        domain.as_str()
    );

    // The password session is shut out of the team, with the reason.
    let shut = password_session
        .run("{ connections { id } }", json!({}))
        .await;
    assert_eq!(shut.code(), "FORBIDDEN");
    assert!(shut.message().contains(&domain), "{}", shut.message());
    assert_eq!(shut.body["errors"][0]["extensions"]["reason"], "workspace");
    // Its own workspace still works.
    password_session.workspace = None;
    password_session
        .run("{ connections { id } }", json!({}))
        .await
        .data();

    // An invitee cannot join with a password, nor from a consumer Google account.
    let alice = format!("alice@{domain}");
    google_browser
        .run(
            "mutation($e: String!) { inviteTeamMember(email: $e) { id } }",
            json!({"e": alice}),
        )
        .await
        .data();
    let token = crate::support::graphql::mailed_token(&app, &alice, "team_invite").await;
    let by_password = Gql::new(&app.url(""))
        .run(
            "mutation($t: String!, $p: String!) { acceptTeamInviteWithSignUp(token: $t, password: $p) { user { id } } }",
            json!({"t": token, "p": STRONG}),
        )
        .await;
    assert_eq!(
        by_password.body["errors"][0]["extensions"]["reason"],
        "invite_google_required"
    );
    // With Google from the domain, Alice joins and works in the team.
    let mut alice_browser = Gql::new(&app.url(""));
    google_session(&app, &google, &mut alice_browser, &alice).await;
    let joined = alice_browser
        .run(
            "mutation($t: String!) { acceptTeamInvite(token: $t) { role } }",
            json!({"t": token}),
        )
        .await;
    assert_eq!(joined.data()["acceptTeamInvite"]["role"], "MEMBER");
    alice_browser.workspace = Some(team.id.to_string());
    alice_browser
        .run("{ apiKeys { id } }", json!({}))
        .await
        .data();
}
