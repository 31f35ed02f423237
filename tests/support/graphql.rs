//! A GraphQL client for tests: POSTs operations to `/graphql`, keeps the session cookie and the
//! CSRF token like the dashboard does, or sends a bearer token like a script.

use entities::email_outbox;

use super::TestApp;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

pub struct Gql {
    http: reqwest::Client,
    url: String,
    /// `satu_session=…` and `satu_csrf=…` as the browser would send them.
    cookies: Option<String>,
    pub csrf: Option<String>,
    pub bearer: Option<String>,
    /// Send the CSRF header with cookie sessions (turn off to test the refusal).
    pub send_csrf: bool,
    /// The team to work in (`x-satu-workspace`), as the dashboard's switcher sends it.
    pub workspace: Option<String>,
    /// The dashboard page the request is for (`x-satu-page`), as a support view sends it.
    pub page: Option<String>,
}

/// One answer: `data`, `errors` and the response headers.
pub struct GqlAnswer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
}

impl GqlAnswer {
    pub fn data(&self) -> &Value {
        assert!(
            self.body["errors"].is_null(),
            "unexpected errors: {}",
            self.body["errors"]
        );
        &self.body["data"]
    }

    /// The first error's `code` extension (and asserts there is one).
    pub fn code(&self) -> &str {
        self.body["errors"][0]["extensions"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("expected an error with a code: {}", self.body))
    }

    pub fn message(&self) -> &str {
        self.body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
    }
}

impl Gql {
    pub fn new(base: &str) -> Self {
        Self {
            http: reqwest::Client::new(),
            url: format!("{base}/graphql"),
            cookies: None,
            csrf: None,
            bearer: None,
            send_csrf: true,
            workspace: None,
            page: None,
        }
    }

    pub async fn run(&mut self, query: &str, variables: Value) -> GqlAnswer {
        let mut request = self
            .http
            .post(&self.url)
            .json(&json!({"query": query, "variables": variables}));
        if let Some(workspace) = &self.workspace {
            request = request.header("x-satu-workspace", workspace);
        }
        if let Some(page) = &self.page {
            request = request.header("x-satu-page", page);
        }
        if let Some(cookies) = &self.cookies {
            request = request.header("cookie", cookies);
            if self.send_csrf
                && let Some(csrf) = &self.csrf
            {
                request = request.header("x-csrf-token", csrf);
            }
        }
        if let Some(token) = &self.bearer {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        self.keep_cookies(&headers);
        let body = response.json().await.unwrap();
        GqlAnswer {
            status,
            headers,
            body,
        }
    }

    /// `GET /graphql?query=…`.
    pub async fn get(&self, query: &str) -> GqlAnswer {
        let url = url::Url::parse_with_params(&self.url, [("query", query)]).unwrap();
        let mut request = self.http.get(url);
        if let Some(token) = &self.bearer {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        GqlAnswer {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.json().await.unwrap(),
        }
    }

    /// Stores cookies the way a browser would (an empty value deletes).
    fn keep_cookies(&mut self, headers: &HeaderMap) {
        let mut jar: Vec<(String, String)> = self
            .cookies
            .as_deref()
            .unwrap_or_default()
            .split("; ")
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        for set in headers.get_all("set-cookie") {
            let set = set.to_str().unwrap();
            let (name, value) = set.split(';').next().unwrap().split_once('=').unwrap();
            jar.retain(|(k, _)| k != name);
            if !value.is_empty() {
                jar.push((name.to_owned(), value.to_owned()));
            }
            if name == "satu_csrf" {
                self.csrf = (!value.is_empty()).then(|| value.to_owned());
            }
        }
        self.cookies = (!jar.is_empty()).then(|| {
            jar.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        });
    }

    /// Another client holding the same cookies and CSRF token (a copied browser profile).
    pub fn clone_session(&self) -> Gql {
        Gql {
            http: self.http.clone(),
            url: self.url.clone(),
            cookies: self.cookies.clone(),
            csrf: self.csrf.clone(),
            bearer: self.bearer.clone(),
            send_csrf: self.send_csrf,
            workspace: self.workspace.clone(),
            page: self.page.clone(),
        }
    }

    pub fn has_session_cookie(&self) -> bool {
        self.cookies
            .as_deref()
            .is_some_and(|c| c.contains("satu_session="))
    }

    /// Signs up `email` with a strong password through the API and finishes with the emailed
    /// link (cookie session). Returns the `completeSignUp` payload.
    pub async fn sign_up(&mut self, app: &TestApp, email: &str) -> Value {
        self.start_sign_up(email, STRONG).await;
        let token = signup_token(app, email).await;
        let answer = self
            .run(
                "mutation($t: String!, $p: String!) { completeSignUp(token: $t, password: $p) { user { id email planId } csrfToken } }",
                json!({"t": token, "p": STRONG}),
            )
            .await;
        answer.data()["completeSignUp"].clone()
    }

    /// `signUp`: the link is emailed; the answer is `true` whatever the address.
    pub async fn start_sign_up(&mut self, email: &str, password: &str) {
        let answer = self
            .run(
                "mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) }",
                json!({"e": email, "p": password}),
            )
            .await;
        assert_eq!(answer.data()["signUp"], true);
    }
}

/// The token of the newest sign-up link emailed to `email` (read from the outbox).
pub async fn signup_token(app: &TestApp, email: &str) -> String {
    mailed_token(app, email, "confirm_signup").await
}

/// The token in the newest `template` email to `email`, from the link as the mail renders it.
pub async fn mailed_token(app: &TestApp, email: &str, template: &str) -> String {
    let emails = email_outbox::recent(&app.db, Some(email), 50)
        .await
        .unwrap();
    let mail = emails
        .iter()
        .find(|e| e.template == template)
        .unwrap_or_else(|| panic!("no {template} email to {email}"));
    let text = app.rendered(mail).text;
    let link = text
        .lines()
        .find(|l| l.starts_with("http") && l.contains("?token="))
        .unwrap_or_else(|| panic!("no link in {text}"));
    let (_, token) = link.split_once("?token=").unwrap();
    token.to_owned()
}

pub const STRONG: &str = "tropical-durian-42";
