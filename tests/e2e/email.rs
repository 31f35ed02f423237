//! Email delivery over real SMTP (the maildev test server): mail in the recipient's language,
//! text and HTML, with its link; the secret wiped once sent; retries after connection errors,
//! giving up on 5xx or after the last retry; one-click unsubscribe; each email sent once with
//! two workers draining the same outbox.

use std::time::Duration;

use entities::email_outbox::{self, NewEmail};
use entities::mail::Mail;
use entities::users;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;

use crate::on_both_backends;
use crate::support::fake_smtp::RefusingSmtp;
use crate::support::graphql::{Gql, STRONG};
use crate::support::mailbox::{Mailbox, smtp_url};
use crate::support::relay::Relay;
use crate::support::{Backend, TestApp, process, spawn_app};

on_both_backends!(
    mail_is_delivered_in_the_users_language_and_its_secret_wiped,
    notification_mail_unsubscribes_in_one_click,
    delivery_retries_connection_errors_and_gives_up_on_refusals,
);

fn address(tag: &str) -> String {
    format!("{tag}-{}@mail.test", uuid::Uuid::new_v4().simple())
}

async fn app_sending_to(backend: Backend, smtp: &str, extra: &[(&str, &str)]) -> TestApp {
    let mut env = vec![
        ("SATU__EMAIL__SMTP_URL", smtp),
        ("SATU__EMAIL__FROM", "Satu <noreply@satu.test>"),
        ("SATU__EMAIL__POLL_INTERVAL_MS", "50"),
    ];
    env.extend_from_slice(extra);
    spawn_app(backend, "http://127.0.0.1:9", &env).await
}

async fn outbox_row(app: &TestApp, to: &str) -> email_outbox::Model {
    email_outbox::recent(&app.db, Some(to), 1)
        .await
        .unwrap()
        .remove(0)
}

/// Waits until the newest row to `to` has `status`.
async fn wait_status(app: &TestApp, to: &str, status: &str) -> email_outbox::Model {
    for _ in 0..300 {
        let row = outbox_row(app, to).await;
        if row.status == status {
            return row;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "the email to {to} never became {status}: {:?}",
        outbox_row(app, to).await
    );
}

/// A header's value from a raw message, folded lines joined.
fn header(source: &str, name: &str) -> Option<String> {
    let unfolded = source.replace("\r\n ", " ").replace("\r\n\t", " ");
    let prefix = format!("{}: ", name.to_ascii_lowercase());
    unfolded
        .lines()
        .take_while(|l| !l.is_empty())
        .find(|l| l.to_ascii_lowercase().starts_with(&prefix))
        .map(|l| l[prefix.len()..].trim().to_owned())
}

async fn mail_is_delivered_in_the_users_language_and_its_secret_wiped(backend: Backend) {
    let app = app_sending_to(backend, &smtp_url(), &[]).await;
    let mailbox = Mailbox::new();
    let to = address("signup");
    let started = Gql::new(&app.url(""))
        .run(
            "mutation($e: String!, $p: String!) { signUp(email: $e, password: $p, locale: \"en\") }",
            json!({"e": to, "p": STRONG}),
        )
        .await;
    assert_eq!(started.data()["signUp"], true);

    let delivered = mailbox.wait_for(&to, 1).await;
    let mail = &delivered[0];
    assert_eq!(mail["subject"], "Finish signing up for Satu");
    assert_eq!(mail["from"][0]["address"], "noreply@satu.test");
    let text = mail["text"].as_str().unwrap();
    let html = mail["html"].as_str().unwrap();
    let link = text
        .lines()
        .find(|l| l.contains("/en/confirm-signup/?token="))
        .unwrap_or_else(|| panic!("no link in {text}"))
        .trim();
    assert!(html.contains(&format!("href=\"{link}\"")), "{html}");
    assert!(html.contains("<html lang=\"en\">"));

    // Sent: the row says so, the sealed token is gone, and the link still works (once).
    let row = wait_status(&app, &to, "sent").await;
    assert_eq!(row.attempts, 1);
    assert!(row.sealed_secret.is_none(), "no secret kept after sending");
    let source = mailbox.source(mail).await;
    assert_eq!(
        header(&source, "Message-ID").as_deref(),
        Some(format!("<outbox-{}@satu.test>", row.id).as_str())
    );
    assert!(
        header(&source, "List-Unsubscribe").is_none(),
        "account mail cannot be turned off"
    );
    let token = link.split("?token=").nth(1).unwrap();
    let mut browser = Gql::new(&app.url(""));
    let done = browser
        .run(
            "mutation($t: String!, $p: String!) { completeSignUp(token: $t, password: $p) { user { locale emailVerified } } }",
            json!({"t": token, "p": STRONG}),
        )
        .await;
    assert_eq!(done.data()["completeSignUp"]["user"]["emailVerified"], true);

    // A password reset in Indonesian once the user picks it.
    browser
        .run(
            "mutation { updateProfile(locale: \"id\") { locale } }",
            json!({}),
        )
        .await
        .data();
    Gql::new(&app.url(""))
        .run(
            "mutation($e: String!) { requestPasswordReset(email: $e) }",
            json!({"e": to}),
        )
        .await
        .data();
    let delivered = mailbox.wait_for(&to, 2).await;
    let reset = delivered
        .iter()
        .find(|m| m["subject"] == "Atur ulang kata sandi Satu")
        .unwrap_or_else(|| panic!("{delivered:?}"));
    assert!(
        reset["text"]
            .as_str()
            .unwrap()
            .contains("/id/reset-password/?token=")
    );
    app.stop().await;
}

async fn notification_mail_unsubscribes_in_one_click(backend: Backend) {
    let app = app_sending_to(backend, &smtp_url(), &[]).await;
    let mailbox = Mailbox::new();
    let to = address("quota");
    let user = users::create(
        &app.db,
        users::NewUser {
            email: &to,
            password_hash: None,
            plan_id: "starter",
            platform_role: None,
        },
    )
    .await
    .unwrap();
    let quota = Mail::Quota {
        percent: 80,
        limit: 5_000,
        plan: "Starter".to_owned(),
        renews_at: chrono::Utc::now() + chrono::Duration::days(9),
    };
    email_outbox::enqueue(
        &app.db,
        NewEmail {
            user_id: Some(user.id),
            to_address: to.clone(),
            locale: None,
            mail: quota,
            dedupe_key: format!("quota-test:{}", user.id),
        },
    )
    .await
    .unwrap();
    let delivered = mailbox.wait_for(&to, 1).await;
    assert_eq!(delivered[0]["subject"], "Satu: 80% kuota bulanan terpakai");
    assert!(
        delivered[0]["text"]
            .as_str()
            .unwrap()
            .contains("80% dari 5.000 permintaan")
    );
    let source = mailbox.source(&delivered[0]).await;
    assert_eq!(
        header(&source, "List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let listed = header(&source, "List-Unsubscribe").unwrap();
    let url = listed.trim_start_matches('<').trim_end_matches('>');
    let path = url.strip_prefix(&app.config.api.public_url).unwrap();
    assert!(path.starts_with("/api/email/unsubscribe?token="), "{path}");

    // Opening the link changes nothing: it leads to the page that asks.
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let opened = no_redirects.get(app.url(path)).send().await.unwrap();
    assert_eq!(opened.status(), 303);
    let location = opened.headers()["location"].to_str().unwrap();
    assert!(
        location.starts_with("/id/unsubscribe/?token="),
        "{location}"
    );
    assert!(
        users::find_by_email(&app.db, &to)
            .await
            .unwrap()
            .notify_quota_80
    );

    // A mail app's one-click POST turns off this choice, and only it.
    let clicked = app
        .http
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(clicked.status(), 200);
    let body: serde_json::Value = clicked.json().await.unwrap();
    assert_eq!(body["unsubscribed"], "quota_80");
    let after = users::find_by_email(&app.db, &to).await.unwrap();
    assert!(!after.notify_quota_80 && after.notify_quota_100);

    // A forged or altered token is refused and changes nothing.
    let forged = app
        .http
        .post(app.url(&format!("{path}x")))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 400);
    let forged: serde_json::Value = forged.json().await.unwrap();
    assert_eq!(forged["error"]["code"], "INVALID_TOKEN");
    app.stop().await;
}

fn signup_existing(to: &str, key: &str) -> NewEmail {
    NewEmail {
        user_id: None,
        to_address: to.to_owned(),
        locale: Some("en".to_owned()),
        mail: Mail::SignupExisting,
        dedupe_key: key.to_owned(),
    }
}

async fn delivery_retries_connection_errors_and_gives_up_on_refusals(backend: Backend) {
    // Connection refused for a while: retried (1 s apart) and delivered once it is back.
    let relay = Relay::start("127.0.0.1:1025").await;
    let smtp = smtp_url().replace("1025", &relay.port.to_string());
    let app = app_sending_to(
        backend,
        &smtp,
        &[("SATU__EMAIL__RETRY_BACKOFF_SECS", "[1, 1, 1, 1, 1, 1]")],
    )
    .await;
    let outage = tokio::spawn(async move {
        relay.outage(Duration::from_millis(2500)).await;
        relay
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let to = address("retry");
    email_outbox::enqueue(&app.db, signup_existing(&to, &to))
        .await
        .unwrap();
    let row = wait_status(&app, &to, "sent").await;
    assert!(
        row.attempts >= 2,
        "failed while the server was away: {row:?}"
    );
    assert!(row.last_error.is_none());
    assert_eq!(Mailbox::new().wait_for(&to, 1).await.len(), 1);
    let _relay = outage.await.unwrap();
    app.stop().await;

    // 550: the recipient does not exist; no retry.
    let refusing = RefusingSmtp::start("550 5.1.1 no such mailbox").await;
    let app = app_sending_to(
        backend,
        &refusing.url(),
        &[("SATU__EMAIL__RETRY_BACKOFF_SECS", "[0, 0]")],
    )
    .await;
    let to = address("refused");
    email_outbox::enqueue(&app.db, signup_existing(&to, &to))
        .await
        .unwrap();
    let row = wait_status(&app, &to, "failed").await;
    assert_eq!(row.attempts, 1);
    assert!(
        row.last_error
            .as_deref()
            .unwrap()
            .contains("no such mailbox"),
        "{row:?}"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(refusing.refused(), 1, "a permanent refusal is not retried");
    app.stop().await;

    // 451 every time: retried as configured (twice), then given up.
    let busy = RefusingSmtp::start("451 4.3.0 try again later").await;
    let app = app_sending_to(
        backend,
        &busy.url(),
        &[("SATU__EMAIL__RETRY_BACKOFF_SECS", "[0, 0]")],
    )
    .await;
    let to = address("busy");
    email_outbox::enqueue(&app.db, signup_existing(&to, &to))
        .await
        .unwrap();
    let row = wait_status(&app, &to, "failed").await;
    assert_eq!(row.attempts, 3, "{row:?}");
    assert!(
        row.last_error
            .as_deref()
            .unwrap()
            .contains("try again later")
    );
    assert_eq!(busy.refused(), 3);
    app.stop().await;
}

/// Two workers drain one outbox (Postgres, as replicas do): every email is delivered once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_send_each_email_once() {
    let app = app_sending_to(Backend::Postgres, &smtp_url(), &[]).await;
    let env: Vec<(String, String)> = [
        ("SATU__EMAIL__SMTP_URL", smtp_url()),
        ("SATU__EMAIL__FROM", "Satu <noreply@satu.test>".to_owned()),
        ("SATU__EMAIL__POLL_INTERVAL_MS", "50".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let mut worker = process::serve_as(&app.test_db, &env, "info", "worker");
    let tag = uuid::Uuid::new_v4().simple().to_string();
    let recipients: Vec<String> = (0..40)
        .map(|i| format!("once-{tag}-{i}@mail.test"))
        .collect();
    for to in &recipients {
        email_outbox::enqueue(&app.db, signup_existing(to, to))
            .await
            .unwrap();
    }
    let mailbox = Mailbox::new();
    for to in &recipients {
        mailbox.wait_for(to, 1).await;
    }
    // Time for a duplicate to show up, if any were sent.
    tokio::time::sleep(Duration::from_millis(500)).await;
    for to in &recipients {
        assert_eq!(mailbox.messages(to).await.len(), 1, "{to} got a duplicate");
    }
    let sent = email_outbox::Entity::find().count(&app.db).await.unwrap();
    assert_eq!(sent, 40);
    let by_worker = worker.log.lock().unwrap().matches("email sent").count();
    eprintln!("the worker process sent {by_worker} of 40, the app the rest");
    worker.child.kill().unwrap();
    worker.child.wait().unwrap();
    app.stop().await;
}
