//! Login CSRF: a cross-site form can post `text/plain` or multipart with the victim's browser,
//! so `POST /graphql` takes JSON only and refuses pages of other sites; nothing runs, no cookie
//! is set.

use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::graphql::{Gql, STRONG, signup_token};
use crate::support::{Backend, spawn_app};

on_both_backends!(
    only_json_from_our_own_pages_reaches_graphql,
    forwarded_https_is_believed_only_from_trusted_proxies,
);

async fn only_json_from_our_own_pages_reaches_graphql(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let email = format!("{}@example.com", uuid::Uuid::new_v4().simple());
    Gql::new(&app.url("")).sign_up(&app, &email).await;
    let log_in = json!({
        "query": "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { user { id } } }",
        "variables": {"e": email, "p": STRONG},
    })
    .to_string();
    let http = reqwest::Client::new();
    let url = app.url("/graphql");
    let send = |content_type: &'static str, origin: Option<String>| {
        let mut request = http
            .post(&url)
            .header("content-type", content_type)
            .body(log_in.clone());
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        request.send()
    };

    // What an HTML form on another site can send: refused before anything runs.
    for content_type in [
        "text/plain",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
    ] {
        let answer = send(content_type, Some("https://evil.example".to_owned()))
            .await
            .unwrap();
        assert_eq!(answer.status(), 415, "{content_type}");
        assert!(answer.headers().get("set-cookie").is_none());
        let body: Value = answer.json().await.unwrap();
        assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_REQUEST");
    }
    // JSON from another site's page (a CORS preflight it would never pass, or a tool).
    let foreign = send("application/json", Some("https://evil.example".to_owned()))
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    assert!(foreign.headers().get("set-cookie").is_none());
    let body: Value = foreign.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "CSRF");

    // Our own page, and a script without Origin: signed in.
    let own = send("application/json", Some(format!("http://{}", app.addr)))
        .await
        .unwrap();
    assert_eq!(own.status(), 200);
    assert!(own.headers().get("set-cookie").is_some());
    let script = send("application/json; charset=utf-8", None).await.unwrap();
    let body: Value = script.json().await.unwrap();
    assert!(body["data"]["logIn"]["user"]["id"].is_string(), "{body}");

    let garbage = http
        .post(&url)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), 400);
    app.stop().await;
}

/// `x-forwarded-proto: https` decides the cookie's `Secure` flag in `auto` mode: believed only
/// when Satu is told a proxy stands in front (`api.trusted_proxy_hops`), not from any client.
async fn forwarded_https_is_believed_only_from_trusted_proxies(backend: Backend) {
    async fn session_cookie(app: &crate::support::TestApp) -> String {
        let email = format!("{}@example.com", uuid::Uuid::new_v4().simple());
        Gql::new(&app.url("")).start_sign_up(&email, STRONG).await;
        let complete = json!({
            "query": "mutation($t: String!, $p: String!) { completeSignUp(token: $t, password: $p) { user { id } } }",
            "variables": {"t": signup_token(app, &email).await, "p": STRONG},
        });
        let answer = app
            .http
            .post(app.url("/graphql"))
            .header("x-forwarded-proto", "https")
            .json(&complete)
            .send()
            .await
            .unwrap();
        answer
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|c| c.contains("satu_session="))
            .unwrap()
    }
    let direct = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let cookie = session_cookie(&direct).await;
    assert!(cookie.starts_with("satu_session=") && !cookie.contains("Secure"));
    direct.stop().await;
    let proxied = spawn_app(
        backend,
        "http://127.0.0.1:9",
        &[("SATU__API__TRUSTED_PROXY_HOPS", "1")],
    )
    .await;
    // Secure, and named `__Host-` so no sibling subdomain can plant one.
    let cookie = session_cookie(&proxied).await;
    assert!(cookie.starts_with("__Host-satu_session=") && cookie.contains("Secure"));
    assert!(cookie.contains("Path=/") && !cookie.contains("Domain"));
    proxied.stop().await;
}
