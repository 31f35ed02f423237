//! Connecting subscriptions through the `satu` binary: browser sign-ins with paste-back
//! (Claude, ChatGPT, Gemini CLI with Code Assist provisioning), device flows (Qwen and Codex),
//! credential-file imports, API-key checks and revocation — against mock OAuth servers that
//! verify PKCE. Nothing the providers issued may appear in the database files or the output.

use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use entities::provider_accounts::{self, Credentials};
use entities::{Provider, users};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::on_both_backends;
use crate::support::mock_anthropic::MockAnthropic;
use crate::support::mock_oauth::{self, DeviceStep, MockOAuth};
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, TestDb};

on_both_backends!(
    browser_sign_ins_connect_claude_chatgpt_and_gemini,
    a_pasted_address_with_the_wrong_state_is_refused,
    qwen_device_sign_in_waits_through_pending_and_slow_down,
    device_sign_ins_end_clearly_when_denied_or_expired,
    credential_files_import_and_malformed_ones_are_refused,
    api_keys_are_checked_when_added,
    plans_cap_providers_and_subscription_accounts,
);

struct Env {
    db: TestDb,
    oauth: MockOAuth,
    /// Everything the binary printed, to scan for secrets.
    printed: std::sync::Mutex<String>,
}

impl Env {
    async fn new(backend: Backend) -> Self {
        let env = Self {
            db: TestDb::new(backend).await,
            oauth: MockOAuth::start().await,
            printed: std::sync::Mutex::new(String::new()),
        };
        let out = env
            .run(&[
                "admin",
                "create-user",
                "--email",
                "owner@example.com",
                "--plan",
                "pro",
            ])
            .await;
        assert!(out.status.success());
        env
    }

    fn command(&self, args: &[&str]) -> tokio::process::Command {
        let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_satu"));
        for (k, _) in std::env::vars() {
            if k.starts_with("SATU") || k == "DATABASE_URL" || k == "REDIS_URL" {
                cmd.env_remove(k);
            }
        }
        cmd.envs(self.db.env())
            .envs(self.oauth.env())
            .env("RUST_LOG", "debug")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    fn keep(&self, out: &Output) {
        let mut printed = self.printed.lock().unwrap();
        printed.push_str(&String::from_utf8_lossy(&out.stdout));
        printed.push_str(&String::from_utf8_lossy(&out.stderr));
    }

    async fn run(&self, args: &[&str]) -> Output {
        let out = self.command(args).output().await.unwrap();
        self.keep(&out);
        out
    }

    /// `satu admin connect` for a browser sign-in: the user opens the printed address, and
    /// `paste` turns where the browser landed into what they paste back.
    async fn browser_connect(&self, provider: &str, paste: impl Fn(&str) -> String) -> Output {
        let mut child = self
            .command(&[
                "admin",
                "connect",
                "--email",
                "owner@example.com",
                "--provider",
                provider,
            ])
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut url = String::new();
        stdout.read_line(&mut url).await.unwrap();
        let landed = self.oauth.sign_in(url.trim()).await;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(format!("{}\n", paste(&landed)).as_bytes())
            .await
            .unwrap();
        drop(stdin);
        let mut out = child.wait_with_output().await.unwrap();
        let mut rest = Vec::new();
        tokio::io::AsyncReadExt::read_to_end(&mut stdout, &mut rest)
            .await
            .unwrap();
        out.stdout = [url.into_bytes(), rest].concat();
        self.keep(&out);
        out
    }

    /// Checks how many connections exist, then removes the test's database.
    async fn finish_with_accounts(self, expected: u64) {
        let conn = self.conn().await;
        assert_eq!(
            provider_accounts::Entity::find()
                .count(&conn)
                .await
                .unwrap(),
            expected
        );
        conn.close().await.unwrap();
        self.db.drop().await;
    }

    async fn conn(&self) -> DatabaseConnection {
        sea_orm::Database::connect(&self.db.url).await.unwrap()
    }

    async fn credentials(&self, account: &provider_accounts::Model) -> Credentials {
        let config = satu::config::Config::load(None, self.db.env()).unwrap();
        let sealer = satu::master_key::sealer(&config).unwrap();
        account.open_credentials(&sealer).unwrap().unwrap()
    }

    /// No token the mock issued is in the database files or anything the binary printed.
    fn assert_no_secret_leaked(&self) {
        let printed = self.printed.lock().unwrap().clone();
        let mut stored = Vec::new();
        if self.db.backend == Backend::Sqlite {
            for name in ["satu.db", "satu.db-wal", "satu.db-shm"] {
                if let Ok(bytes) = std::fs::read(self.db.dir.join(name)) {
                    stored.extend(bytes);
                }
            }
            assert!(!stored.is_empty());
        }
        let issued = self.oauth.issued();
        assert!(!issued.is_empty());
        for token in issued {
            assert!(!printed.contains(&token), "a token was printed");
            assert!(
                !stored.windows(token.len()).any(|w| w == token.as_bytes()),
                "a token is in the database file in clear"
            );
        }
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn account_id(o: &Output) -> uuid::Uuid {
    assert!(o.status.success(), "{}", stderr(o));
    stdout(o).lines().last().unwrap().trim().parse().unwrap()
}

fn query_param(url: &str, name: &str) -> String {
    url::Url::parse(url)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap()
}

async fn browser_sign_ins_connect_claude_chatgpt_and_gemini(backend: Backend) {
    let env = Env::new(backend).await;
    let conn = env.conn().await;

    // Claude shows `code#state` on its page; that is what people paste.
    let out = env
        .browser_connect("anthropic", |landed| {
            format!(
                "{}#{}",
                query_param(landed, "code"),
                query_param(landed, "state")
            )
        })
        .await;
    let claude = provider_accounts::find(&conn, account_id(&out))
        .await
        .unwrap();
    assert_eq!(claude.provider, "anthropic");
    assert_eq!(claude.kind, "oauth");
    assert_eq!(claude.status, "active");
    assert_eq!(
        claude.identity_email.as_deref(),
        Some(mock_oauth::CLAUDE_EMAIL)
    );
    assert_eq!(claude.plan_type.as_deref(), Some("max"));
    assert_eq!(claude.label, mock_oauth::CLAUDE_EMAIL);
    let creds = env.credentials(&claude).await;
    assert!(
        creds
            .access_token
            .unwrap()
            .starts_with("mock-at-anthropic-")
    );
    assert!(
        creds
            .refresh_token
            .unwrap()
            .starts_with("mock-rt-anthropic-")
    );
    let expires = creds.expires_at.unwrap() - chrono::Utc::now().timestamp();
    assert!((3500..=3600).contains(&expires), "{expires}");
    assert_eq!(
        claude.token_expires_at.unwrap().timestamp(),
        creds.expires_at.unwrap()
    );

    // ChatGPT: the whole redirect address; identity from the id_token.
    let out = env.browser_connect("openai", str::to_owned).await;
    let codex = provider_accounts::find(&conn, account_id(&out))
        .await
        .unwrap();
    assert_eq!(
        codex.identity_email.as_deref(),
        Some(mock_oauth::OPENAI_EMAIL)
    );
    assert_eq!(codex.plan_type.as_deref(), Some("plus"));
    let creds = env.credentials(&codex).await;
    assert_eq!(
        creds.account_id.as_deref(),
        Some(mock_oauth::CHATGPT_ACCOUNT)
    );

    // Gemini CLI: the client secret is sent, and a Code Assist project is provisioned
    // (onboardUser polled until done).
    let out = env.browser_connect("gemini", str::to_owned).await;
    let gemini = provider_accounts::find(&conn, account_id(&out))
        .await
        .unwrap();
    assert_eq!(
        gemini.identity_email.as_deref(),
        Some(mock_oauth::GOOGLE_EMAIL)
    );
    assert_eq!(gemini.plan_type.as_deref(), Some("free-tier"));
    let creds = env.credentials(&gemini).await;
    assert_eq!(creds.project_id.as_deref(), Some(mock_oauth::PROJECT));
    assert!(env.oauth.state.lock().unwrap().onboarded);

    let out = env
        .run(&[
            "admin",
            "accounts",
            "--email",
            "owner@example.com",
            "--json",
        ])
        .await;
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let emails: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["identity_email"].as_str().unwrap())
        .collect();
    assert_eq!(
        emails,
        [
            mock_oauth::CLAUDE_EMAIL,
            mock_oauth::OPENAI_EMAIL,
            mock_oauth::GOOGLE_EMAIL
        ]
    );
    assert!(listed[0]["token_expires_at"].is_string());

    // Signing in again to the same Claude identity renews that connection, no duplicate.
    let out = env
        .browser_connect("anthropic", |landed| {
            format!(
                "{}#{}",
                query_param(landed, "code"),
                query_param(landed, "state")
            )
        })
        .await;
    assert_eq!(account_id(&out), claude.id);
    assert_eq!(
        provider_accounts::Entity::find()
            .count(&conn)
            .await
            .unwrap(),
        3
    );
    // Flows are single use and gone once completed.
    assert_eq!(
        entities::oauth_flows::Entity::find()
            .count(&conn)
            .await
            .unwrap(),
        0
    );
    env.assert_no_secret_leaked();
    conn.close().await.unwrap();
    env.db.drop().await;
}

async fn a_pasted_address_with_the_wrong_state_is_refused(backend: Backend) {
    let env = Env::new(backend).await;
    let out = env
        .browser_connect("openai", |landed| landed.replace("state=", "state=forged"))
        .await;
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("state does not match"),
        "{}",
        stderr(&out)
    );
    let out = env
        .browser_connect("anthropic", |_| "just-a-code".to_owned())
        .await;
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("paste the whole address"),
        "{}",
        stderr(&out)
    );
    env.finish_with_accounts(0).await;
}

async fn qwen_device_sign_in_waits_through_pending_and_slow_down(backend: Backend) {
    let env = Env::new(backend).await;
    env.oauth.script_device(&[
        DeviceStep::Pending,
        DeviceStep::SlowDown,
        DeviceStep::Approve,
    ]);
    let started = Instant::now();
    let out = env
        .run(&[
            "admin",
            "connect",
            "--email",
            "owner@example.com",
            "--provider",
            "qwen",
        ])
        .await;
    let id = account_id(&out);
    assert!(
        stdout(&out).contains("user code: QWEN-1234"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("https://chat.qwen.ai/authorize?user_code=QWEN-1234"));
    // Polls at 1 s, 1 s, then 2 s after slow_down.
    assert!(
        started.elapsed() >= Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    let conn = env.conn().await;
    let qwen = provider_accounts::find(&conn, id).await.unwrap();
    assert_eq!(qwen.label, "qwen subscription");
    let creds = env.credentials(&qwen).await;
    assert_eq!(creds.resource_url.as_deref(), Some("portal.qwen.ai"));
    assert!(env.oauth.state.lock().unwrap().device_script.is_empty());
    env.assert_no_secret_leaked();
    conn.close().await.unwrap();
    env.db.drop().await;
}

async fn device_sign_ins_end_clearly_when_denied_or_expired(backend: Backend) {
    let env = Env::new(backend).await;
    let connect = [
        "admin",
        "connect",
        "--email",
        "owner@example.com",
        "--provider",
    ];
    env.oauth.script_device(&[DeviceStep::Denied]);
    let out = env.run(&[&connect[..], &["qwen"]].concat()).await;
    assert!(!out.status.success());
    assert!(stderr(&out).contains("denied"), "{}", stderr(&out));

    env.oauth
        .script_device(&[DeviceStep::Pending, DeviceStep::Expired]);
    let out = env.run(&[&connect[..], &["qwen"]].concat()).await;
    assert!(!out.status.success());
    assert!(stderr(&out).contains("expired"), "{}", stderr(&out));

    // Codex's device variant: pending (403), then an authorization code to exchange.
    env.oauth
        .script_device(&[DeviceStep::Pending, DeviceStep::Approve]);
    let out = env
        .run(&[&connect[..], &["openai", "--device", "--label", "work"]].concat())
        .await;
    let id = account_id(&out);
    assert!(
        stdout(&out).contains("user code: CODX-5678"),
        "{}",
        stdout(&out)
    );
    let conn = env.conn().await;
    let codex = provider_accounts::find(&conn, id).await.unwrap();
    assert_eq!(codex.label, "work");
    assert_eq!(
        env.credentials(&codex).await.account_id.as_deref(),
        Some(mock_oauth::CHATGPT_ACCOUNT)
    );
    // Claude has no device flow: said plainly.
    let out = env
        .run(&[&connect[..], &["anthropic", "--device"]].concat())
        .await;
    assert!(
        stderr(&out).contains("no device sign-in"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        provider_accounts::Entity::find()
            .count(&conn)
            .await
            .unwrap(),
        1
    );
    conn.close().await.unwrap();
    env.db.drop().await;
}

async fn credential_files_import_and_malformed_ones_are_refused(backend: Backend) {
    let env = Env::new(backend).await;
    let dir = &env.db.dir;
    let later_ms = (chrono::Utc::now().timestamp() + 3600) * 1000;
    let files = [
        (
            "anthropic",
            serde_json::json!({"claudeAiOauth": {"accessToken": "sk-ant-oat01-imported", "refreshToken": "sk-ant-ort01-imported", "expiresAt": later_ms, "scopes": ["user:inference"], "subscriptionType": "pro"}}),
        ),
        (
            "openai",
            serde_json::json!({"OPENAI_API_KEY": null, "tokens": {"id_token": id_token_for_import(), "access_token": "codex-imported-at", "refresh_token": "codex-imported-rt", "account_id": "acct-import"}, "last_refresh": "2026-11-20T10:00:00Z"}),
        ),
        (
            "qwen",
            serde_json::json!({"access_token": "qwen-imported-at", "refresh_token": "qwen-imported-rt", "token_type": "Bearer", "resource_url": "portal.qwen.ai", "expiry_date": later_ms}),
        ),
    ];
    let conn = env.conn().await;
    for (provider, body) in files {
        let path = dir.join(format!("{provider}.json"));
        std::fs::write(&path, body.to_string()).unwrap();
        let out = env
            .run(&[
                "admin",
                "import-credentials",
                "--email",
                "owner@example.com",
                "--provider",
                provider,
                "--file",
                path.to_str().unwrap(),
            ])
            .await;
        let account = provider_accounts::find(&conn, account_id(&out))
            .await
            .unwrap();
        assert_eq!(account.provider, provider);
        assert_eq!(account.kind, "oauth");
        let creds = env.credentials(&account).await;
        assert!(creds.access_token.unwrap().ends_with("imported-at") || provider == "anthropic");
    }
    // Gemini CLI's file has no project: its expired token is renewed with the refresh token,
    // then the project is provisioned.
    env.oauth
        .accept_refresh_token("gemini", "gemini-imported-rt");
    let path = dir.join("gemini.json");
    std::fs::write(
        &path,
        serde_json::json!({"access_token": "ya29.expired", "refresh_token": "gemini-imported-rt", "scope": "https://www.googleapis.com/auth/cloud-platform", "token_type": "Bearer", "expiry_date": 1_000}).to_string(),
    )
    .unwrap();
    let out = env
        .run(&[
            "admin",
            "import-credentials",
            "--email",
            "owner@example.com",
            "--provider",
            "gemini",
            "--file",
            path.to_str().unwrap(),
        ])
        .await;
    let gemini = provider_accounts::find(&conn, account_id(&out))
        .await
        .unwrap();
    let creds = env.credentials(&gemini).await;
    assert_eq!(creds.project_id.as_deref(), Some(mock_oauth::PROJECT));
    assert_eq!(
        gemini.identity_email.as_deref(),
        Some(mock_oauth::GOOGLE_EMAIL)
    );
    assert_ne!(creds.access_token.as_deref(), Some("ya29.expired"));

    let before = provider_accounts::Entity::find()
        .count(&conn)
        .await
        .unwrap();
    let bad = [
        ("anthropic", "not json at all".to_owned(), "not JSON"),
        (
            "anthropic",
            serde_json::json!({"tokens": {"access_token": "x"}}).to_string(),
            "Claude Code credentials file",
        ),
        (
            "openai",
            serde_json::json!({"OPENAI_API_KEY": "sk-proj-abc", "tokens": null}).to_string(),
            "holds an API key",
        ),
        (
            "qwen",
            serde_json::json!({"refresh_token": "r"}).to_string(),
            "Qwen Code credentials file",
        ),
        // The token's API host would send the user's requests into Satu's own network.
        (
            "qwen",
            serde_json::json!({"access_token": "q", "refresh_token": "r", "resource_url": "169.254.169.254", "expiry_date": later_ms}).to_string(),
            "not one of Qwen's",
        ),
    ];
    for (provider, body, message) in bad {
        let path = dir.join("bad.json");
        std::fs::write(&path, body).unwrap();
        let out = env
            .run(&[
                "admin",
                "import-credentials",
                "--email",
                "owner@example.com",
                "--provider",
                provider,
                "--file",
                path.to_str().unwrap(),
            ])
            .await;
        assert!(!out.status.success());
        assert!(
            stderr(&out).contains(message),
            "{provider}: {}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("sk-proj-abc"));
    }
    assert_eq!(
        provider_accounts::Entity::find()
            .count(&conn)
            .await
            .unwrap(),
        before
    );

    // Revoking deletes the sealed secret; the row stays for usage history.
    let out = env
        .run(&[
            "admin",
            "revoke-account",
            "--email",
            "owner@example.com",
            "--id",
            &gemini.id.to_string(),
        ])
        .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let revoked = provider_accounts::find(&conn, gemini.id).await.unwrap();
    assert_eq!(revoked.status, "revoked");
    assert!(revoked.sealed_credentials.is_none());
    // Another user's connection cannot be revoked by id.
    let out = env
        .run(&["admin", "create-user", "--email", "other@example.com"])
        .await;
    assert!(out.status.success());
    let out = env
        .run(&[
            "admin",
            "revoke-account",
            "--email",
            "other@example.com",
            "--id",
            &gemini.id.to_string(),
        ])
        .await;
    assert!(stderr(&out).contains("not found"), "{}", stderr(&out));
    conn.close().await.unwrap();
    env.db.drop().await;
}

fn id_token_for_import() -> String {
    use base64::Engine;
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let claims = serde_json::json!({"email": "import@example.com", "https://api.openai.com/auth": {"chatgpt_account_id": "acct-import", "chatgpt_plan_type": "pro"}});
    format!("e30.{}.sig", engine.encode(claims.to_string()))
}

async fn api_keys_are_checked_when_added(backend: Backend) {
    let env = Env::new(backend).await;
    let openai = MockUpstream::start().await;
    let anthropic = MockAnthropic::start().await;
    let env = &env;
    let add = |provider: &'static str, key: &'static str, base: String| async move {
        let args = [
            "admin",
            "add-account",
            "--email",
            "owner@example.com",
            "--provider",
            provider,
            "--api-key",
            key,
            "--base-url",
            &base,
        ];
        env.run(&args).await
    };
    let out = add("openai", "sk-wrong", openai.base_url.clone()).await;
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim().lines().last().unwrap(),
        "error: openai rejected the API key (401): Incorrect API key provided: [redacted]."
    );
    let out = add("anthropic", "sk-ant-wrong", anthropic.base_url.clone()).await;
    assert!(
        stderr(&out).contains("anthropic rejected the API key (401): invalid x-api-key"),
        "{}",
        stderr(&out)
    );
    let out = add("openai", "sk-right", openai.base_url.clone()).await;
    assert!(out.status.success(), "{}", stderr(&out));
    let out = add("anthropic", "sk-ant-right", anthropic.base_url.clone()).await;
    assert!(out.status.success(), "{}", stderr(&out));
    // Unreachable: said so, with the way around it.
    let out = add("openai", "sk-any", "http://127.0.0.1:9/v1".to_owned()).await;
    assert!(
        stderr(&out).contains("could not be reached") && stderr(&out).contains("--skip-check"),
        "{}",
        stderr(&out)
    );
    let out = env
        .run(&[
            "admin",
            "add-account",
            "--email",
            "owner@example.com",
            "--provider",
            "openai",
            "--api-key",
            "sk-any",
            "--base-url",
            "http://127.0.0.1:9/v1",
            "--skip-check",
        ])
        .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = env.conn().await;
    let owner = users::Entity::find()
        .filter(users::Column::Email.eq("owner@example.com"))
        .one(&conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        provider_accounts::list_for_user(&conn, owner.id)
            .await
            .unwrap()
            .len(),
        3
    );
    let _ = Provider::OpenAi;
    conn.close().await.unwrap();
    env.db.drop().await;
}

async fn plans_cap_providers_and_subscription_accounts(backend: Backend) {
    let env = Env::new(backend).await;
    let add = |email: &'static str, provider: &'static str| {
        let env = &env;
        async move {
            env.run(&[
                "admin",
                "add-account",
                "--email",
                email,
                "--provider",
                provider,
                "--api-key",
                "k-123",
                "--skip-check",
            ])
            .await
        }
    };
    let out = env
        .run(&[
            "admin",
            "create-user",
            "--email",
            "s@example.com",
            "--plan",
            "starter",
        ])
        .await;
    assert!(out.status.success());
    assert!(add("s@example.com", "openai").await.status.success());
    assert!(add("s@example.com", "anthropic").await.status.success());
    assert!(
        add("s@example.com", "openai").await.status.success(),
        "same provider again is fine"
    );
    let out = add("s@example.com", "gemini").await;
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim().lines().last().unwrap(),
        "error: Starter allows 2 providers; you have anthropic and openai"
    );

    let out = env
        .run(&["admin", "create-user", "--email", "f@example.com"])
        .await;
    assert!(out.status.success());
    let file = env.db.dir.join("claude.json");
    std::fs::write(
        &file,
        serde_json::json!({"claudeAiOauth": {"accessToken": "sk-ant-oat01-x", "refreshToken": "sk-ant-ort01-x", "expiresAt": 4_102_444_800_000_i64}}).to_string(),
    )
    .unwrap();
    let import = [
        "admin",
        "import-credentials",
        "--email",
        "f@example.com",
        "--provider",
        "anthropic",
        "--file",
        file.to_str().unwrap(),
    ];
    assert!(env.run(&import).await.status.success());
    let out = env.run(&import).await;
    assert_eq!(
        stderr(&out).trim().lines().last().unwrap(),
        "error: Free allows 1 subscription (OAuth) account; you have 1"
    );
    let out = add("f@example.com", "openai").await;
    assert!(
        stderr(&out).contains("Free allows 1 provider; you have anthropic"),
        "{}",
        stderr(&out)
    );
    env.finish_with_accounts(4).await;
}
