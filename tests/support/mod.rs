//! Test support: a fresh database per test (SQLite file or a new Postgres database), the app on
//! port 0 wired to mock upstreams through configuration, and typed helpers.

#![allow(dead_code)]

pub mod clis;
pub mod fake_smtp;
pub mod graphql;
pub mod mailbox;
pub mod mock_anthropic;
pub mod mock_gemini;
pub mod mock_midtrans;
pub mod mock_oauth;
pub mod mock_openai;
pub mod people;
pub mod process;
pub mod relay;
pub mod sse;
pub mod ws;

use std::path::PathBuf;
use std::time::Duration;

use entities::provider_accounts::{self, NewApiKeyAccount};
use entities::{Provider, api_keys, usage_events, users};
use satu::cli::Role;
use satu::config::Config;
use sea_orm::{
    ColumnTrait, ConnectionTrait, Database, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Generates one test per backend from `async fn name(backend: Backend)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() { super::$name($crate::support::Backend::Sqlite).await }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() { super::$name($crate::support::Backend::Postgres).await }
            )*
        }
    };
}

pub fn postgres_server() -> String {
    std::env::var("SATU_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned())
}

/// A directory and database that belong to one test.
pub struct TestDb {
    pub backend: Backend,
    pub url: String,
    pub dir: PathBuf,
}

impl TestDb {
    pub async fn new(backend: Backend) -> Self {
        let id = Uuid::new_v4().simple().to_string();
        let dir = std::env::temp_dir().join(format!("satu-test-{id}"));
        std::fs::create_dir_all(&dir).unwrap();
        let url = match backend {
            Backend::Sqlite => format!("sqlite://{}?mode=rwc", dir.join("satu.db").display()),
            Backend::Postgres => {
                let admin = Database::connect(format!("{}/postgres", postgres_server()))
                    .await
                    .expect("Postgres must run on 127.0.0.1:5432 (see README)");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE satu_test_{id}"))
                    .await
                    .unwrap();
                admin.close().await.unwrap();
                format!("{}/satu_test_{id}", postgres_server())
            }
        };
        Self { backend, url, dir }
    }

    /// Removes the test's directory and, on Postgres, its database.
    pub async fn drop(&self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        if self.backend == Backend::Postgres {
            let name = self.url.rsplit('/').next().unwrap();
            let admin = Database::connect(format!("{}/postgres", postgres_server()))
                .await
                .unwrap();
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await
                .unwrap();
            admin.close().await.unwrap();
        }
    }

    /// Environment for a `satu` process or `Config::load` using this database.
    pub fn env(&self) -> Vec<(String, String)> {
        vec![
            ("SATU__DATABASE__URL".into(), self.url.clone()),
            (
                "SATU__SECURITY__DATA_DIR".into(),
                self.dir.display().to_string(),
            ),
            ("SATU__PROXY__ALLOW_PRIVATE_UPSTREAMS".into(), "true".into()),
            ("SATU__PROXY__USAGE_FLUSH_INTERVAL_MS".into(), "10".into()),
            ("SATU__DATABASE__MAX_CONNECTIONS".into(), "5".into()),
            // Model lists are asked only by the tests about them: elsewhere a mock's short
            // list arriving mid-test would change what routes where.
            ("SATU__MODELS__REFRESH".into(), "false".into()),
        ]
    }
}

pub struct TestApp {
    pub addr: std::net::SocketAddr,
    pub db: DatabaseConnection,
    pub config: Config,
    pub http: reqwest::Client,
    pub test_db: TestDb,
    shutdown: tokio_util::sync::CancellationToken,
    server: tokio::task::JoinHandle<anyhow::Result<()>>,
}

pub struct Caller {
    pub user_id: Uuid,
    pub key_id: Uuid,
    pub email: String,
    pub key: String,
}

/// Starts the whole app (every role) on port 0 with a fresh database, its OpenAI base URL
/// pointing at `upstream`, plus any `extra` settings.
pub async fn spawn_app(backend: Backend, upstream: &str, extra: &[(&str, &str)]) -> TestApp {
    spawn_app_reaching_db(backend, upstream, extra, str::to_owned).await
}

/// `spawn_app`, with the app reaching its database at `db_url(the test database's URL)` (a
/// relay, for the fault tests); `TestApp::db` goes the same way, `test_db.url` direct.
pub async fn spawn_app_reaching_db(
    backend: Backend,
    upstream: &str,
    extra: &[(&str, &str)],
    db_url: impl FnOnce(&str) -> String,
) -> TestApp {
    let test_db = TestDb::new(backend).await;
    let mut env = test_db.env();
    env.push(("SATU__DATABASE__URL".into(), db_url(&test_db.url)));
    env.push((
        "SATU__PROVIDERS__OPENAI__BASE_URL".into(),
        upstream.to_owned(),
    ));
    env.extend(
        extra
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    let config = Config::load(None, env).unwrap();
    let app = satu::app::build(&config, Role::All).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let shutdown = app.shutdown_token();
    let server = tokio::spawn(app.serve(listener, std::future::pending()));
    let db = satu::db::connect(&config).await.unwrap();
    TestApp {
        addr,
        db,
        config,
        http: reqwest::Client::new(),
        test_db,
        shutdown,
        server,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// A queued email as its recipient reads it (links included).
    pub fn rendered(&self, row: &entities::email_outbox::Model) -> mail::Rendered {
        let sealer = satu::master_key::sealer(&self.config).unwrap();
        mail::render_row(row, &sealer, &self.config.api.public_url).unwrap()
    }

    pub async fn create_caller(&self) -> Caller {
        let email = format!("{}@example.com", Uuid::new_v4().simple());
        let user = users::create(
            &self.db,
            users::NewUser {
                email: &email,
                password_hash: None,
                plan_id: "pro",
                platform_role: None,
            },
        )
        .await
        .unwrap();
        let (row, key) = api_keys::create(&self.db, user.id, "test").await.unwrap();
        Caller {
            user_id: user.id,
            key_id: row.id,
            email,
            key,
        }
    }

    pub async fn add_account(
        &self,
        caller: &Caller,
        provider: Provider,
        api_key: &str,
        base_url: Option<&str>,
        models: &[&str],
    ) -> Uuid {
        let sealer = satu::master_key::sealer(&self.config).unwrap();
        provider_accounts::create_api_key_account(
            &self.db,
            &sealer,
            NewApiKeyAccount {
                user_id: caller.user_id,
                team_id: None,
                provider,
                api_key,
                base_url: base_url.map(str::to_owned),
                label: None,
                models: models.iter().map(|m| (*m).to_owned()).collect(),
            },
        )
        .await
        .unwrap()
        .id
    }

    /// A subscription (OAuth) connection, as the sign-in flows will store it.
    pub async fn add_oauth_account(
        &self,
        caller: &Caller,
        provider: Provider,
        credentials: provider_accounts::Credentials,
        base_url: Option<&str>,
    ) -> Uuid {
        let sealer = satu::master_key::sealer(&self.config).unwrap();
        provider_accounts::create_oauth_account(
            &self.db,
            &sealer,
            provider_accounts::NewOAuthAccount {
                user_id: caller.user_id,
                team_id: None,
                provider,
                credentials,
                label: "subscription",
                base_url: base_url.map(str::to_owned),
                identity_email: None,
                plan_type: None,
            },
        )
        .await
        .unwrap()
        .id
    }

    pub fn chat(&self, key: &str, body: serde_json::Value) -> reqwest::RequestBuilder {
        self.http
            .post(self.url("/v1/chat/completions"))
            .bearer_auth(key)
            .json(&body)
    }

    /// Replaces the caller's routing configuration (TOML, as `satu admin set-routing` reads it).
    pub async fn set_routing(&self, caller: &Caller, toml_text: &str) {
        let config: entities::routing_rules::RoutingConfig = toml::from_str(toml_text).unwrap();
        entities::routing_rules::set(&self.db, caller.user_id, config)
            .await
            .unwrap();
    }

    pub async fn set_priority(&self, account: Uuid, priority: i32, weight: i32) {
        use sea_orm::{ActiveModelTrait, ActiveValue::Set};
        provider_accounts::ActiveModel {
            id: Set(account),
            priority: Set(priority),
            weight: Set(weight),
            ..Default::default()
        }
        .update(&self.db)
        .await
        .unwrap();
    }

    /// `POST /v1/messages` as Claude Code sends it (key in `x-api-key`).
    pub fn messages(&self, key: &str, body: serde_json::Value) -> reqwest::RequestBuilder {
        self.http
            .post(self.url("/v1/messages?beta=true"))
            .header("x-api-key", key)
            .header("anthropic-version", "2023-06-01")
            .json(&body)
    }

    /// Waits until the caller has `n` usage rows (oldest first).
    pub async fn usage_rows(&self, caller: &Caller, n: usize) -> Vec<usage_events::Model> {
        for _ in 0..500 {
            let rows = usage_events::Entity::find()
                .filter(usage_events::Column::UserId.eq(caller.user_id))
                .order_by_asc(usage_events::Column::Id)
                .all(&self.db)
                .await
                .unwrap();
            if rows.len() >= n {
                return rows;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("expected {n} usage rows for {}", caller.email);
    }

    /// Stops the app and starts it again on the same database and settings (nothing kept in
    /// memory survives).
    pub async fn restart(self) -> TestApp {
        self.shutdown.cancel();
        self.server.await.unwrap().unwrap();
        let app = satu::app::build(&self.config, Role::All).await.unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let shutdown = app.shutdown_token();
        let server = tokio::spawn(app.serve(listener, std::future::pending()));
        TestApp {
            addr,
            shutdown,
            server,
            ..self
        }
    }

    /// A session token for `user_id` (send as `Authorization: Bearer`), as a script gets one.
    pub async fn bearer(&self, user_id: Uuid) -> String {
        entities::sessions::create(
            &self.db,
            user_id,
            chrono::Duration::hours(1),
            entities::sessions::SessionMeta::default(),
        )
        .await
        .unwrap()
        .token
    }

    /// Puts a user on `plan` directly (no billing involved).
    pub async fn set_plan(&self, user_id: Uuid, plan: &str) {
        use sea_orm::{ActiveModelTrait, ActiveValue::Set};
        users::ActiveModel {
            id: Set(user_id),
            plan_id: Set(plan.to_owned()),
            ..Default::default()
        }
        .update(&self.db)
        .await
        .unwrap();
    }

    /// Operator overrides of the caller's plan limits (`None`: the plan's value).
    pub async fn set_user_limits(
        &self,
        caller: &Caller,
        monthly: Option<i64>,
        rpm: Option<i64>,
        tpm: Option<i64>,
    ) {
        let limits = users::LimitOverrides {
            monthly_requests: monthly,
            rpm,
            tpm,
        };
        users::set_limits(&self.db, caller.user_id, limits)
            .await
            .unwrap();
    }

    pub async fn set_key_limits(&self, caller: &Caller, rpm: Option<i64>, tpm: Option<i64>) {
        api_keys::set_limits(&self.db, caller.key_id, rpm, tpm)
            .await
            .unwrap();
    }

    pub async fn stop(self) {
        self.shutdown.cancel();
        self.server.await.unwrap().unwrap();
        self.db.close().await.unwrap();
        self.test_db.drop().await;
    }
}

pub fn chat_body(model: &str, stream: bool) -> serde_json::Value {
    serde_json::json!({
        "model": model,
        "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hello"}],
        "stream": stream,
    })
}

/// A Messages request in Claude Code's shape.
pub fn messages_body(model: &str, stream: bool) -> serde_json::Value {
    serde_json::json!({
        "model": model,
        "max_tokens": 1024,
        "stream": stream,
        "system": [{"type": "text", "text": "You are Claude Code, Anthropic's official CLI for Claude."}],
        "messages": [{"role": "user", "content": [{"type": "text", "text": "Say hello"}]}],
    })
}

/// Reads an SSE response to the end and returns its `data:` payloads.
pub async fn sse_data(response: reqwest::Response) -> Vec<String> {
    let text = response.text().await.unwrap().replace("\r\n", "\n");
    text.split("\n\n")
        .filter_map(|event| event.strip_prefix("data: "))
        .map(str::to_owned)
        .collect()
}

/// The text of a PDF's pages, read back with pypdf (scripts/test.sh installs it).
pub fn pdf_text(pdf: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("python3")
        .args([
            "-c",
            "import io, sys, pypdf\nr = pypdf.PdfReader(io.BytesIO(sys.stdin.buffer.read()))\nprint('\\n'.join(p.extract_text() for p in r.pages))",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "pypdf could not read the PDF (pip install pypdf)"
    );
    String::from_utf8(out.stdout).unwrap()
}
