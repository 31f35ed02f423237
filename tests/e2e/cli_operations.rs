//! The `satu` binary's operator commands on data that exists: resealing credentials, reading
//! the mail Satu wrote, and putting a user on a plan, against both databases.

use entities::{provider_accounts, users};
use sea_orm::EntityTrait;

use crate::cli::{satu, satu_with_env, stderr, stdout};
use crate::on_both_backends;
use crate::support::{Backend, TestDb};

on_both_backends!(
    reseal_moves_every_credential_to_the_current_key,
    emails_command_shows_queued_mail_with_its_links,
    set_plan_puts_a_user_on_a_plan,
);

async fn reseal_moves_every_credential_to_the_current_key(backend: Backend) {
    use entities::seal::{MasterKey, Sealer};
    let db = TestDb::new(backend).await;
    let (old, new) = (
        MasterKey::generate().unwrap(),
        MasterKey::generate().unwrap(),
    );
    let (old_b64, new_b64) = (old.encode(), new.encode());
    let with_old = [("SATU__SECURITY__MASTER_KEY", old_b64.as_str())];
    assert!(
        satu_with_env(
            &db,
            &with_old,
            &["admin", "create-user", "--email", "k@example.com"]
        )
        .status
        .success()
    );
    let out = satu_with_env(
        &db,
        &with_old,
        &[
            "admin",
            "add-account",
            "--email",
            "k@example.com",
            "--provider",
            "openai",
            "--api-key",
            "sk-sealed-long-ago",
            "--skip-check",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let account = || async {
        provider_accounts::Entity::find()
            .one(&conn)
            .await
            .unwrap()
            .unwrap()
    };
    let only_new = Sealer::new(&new, &[]).unwrap();
    assert!(account().await.open_credentials(&only_new).is_err());

    // Rotated: the new key seals, the old one only opens. Reseal moves everything over.
    let rotated = format!("[\"{old_b64}\"]");
    let rotated_env = [
        ("SATU__SECURITY__MASTER_KEY", new_b64.as_str()),
        ("SATU__SECURITY__PREVIOUS_MASTER_KEYS", rotated.as_str()),
    ];
    let out = satu_with_env(&db, &rotated_env, &["admin", "reseal"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with(&format!(
        "1 of 1 sealed values resealed under key {}",
        new.id()
    )));
    let creds = account()
        .await
        .open_credentials(&only_new)
        .unwrap()
        .unwrap();
    assert_eq!(creds.api_key.as_deref(), Some("sk-sealed-long-ago"));
    // Again: nothing left to do.
    let out = satu_with_env(&db, &rotated_env, &["admin", "reseal"]);
    assert!(
        stdout(&out).starts_with("0 of 1 sealed values resealed"),
        "{}",
        stdout(&out)
    );

    // A key that opens nothing: the command names the rows and fails, changing nothing.
    let stranger = MasterKey::generate().unwrap().encode();
    let out = satu_with_env(
        &db,
        &[("SATU__SECURITY__MASTER_KEY", stranger.as_str())],
        &["admin", "reseal"],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(&account().await.id.to_string()),
        "{}",
        stderr(&out)
    );
    assert!(account().await.open_credentials(&only_new).is_ok());
}

/// Without SMTP the operator reads mail (a sign-up link) with `satu admin emails`: rendered,
/// its sealed token opened with the master key.
async fn emails_command_shows_queued_mail_with_its_links(backend: Backend) {
    use entities::email_outbox::{self, NewEmail};
    use entities::mail::Mail;
    let db = TestDb::new(backend).await;
    let out = satu(&db, &["admin", "emails"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "no emails");
    let config = satu::config::Config::load(None, db.env()).unwrap();
    let sealer = satu::master_key::sealer(&config).unwrap();
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    for (to, locale, key) in [
        ("ana@example.com", "en", "a"),
        ("budi@example.com", "id", "b"),
    ] {
        let email = NewEmail {
            user_id: None,
            to_address: to.to_owned(),
            locale: Some(locale.to_owned()),
            mail: Mail::ConfirmSignup,
            dedupe_key: key.to_owned(),
        };
        email_outbox::enqueue_with_secret(&conn, &sealer, email, &format!("tok-{key}"))
            .await
            .unwrap();
    }
    let out = satu(&db, &["admin", "emails", "--email", "Ana@Example.com"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("to ana@example.com · confirm_signup · queued"),
        "{text}"
    );
    assert!(
        text.contains("Subject: Finish signing up for Satu"),
        "{text}"
    );
    assert!(text.contains("/en/confirm-signup/?token=tok-a\n"), "{text}");
    assert!(!text.contains("budi"), "only the address asked for: {text}");
    let all = stdout(&satu(&db, &["admin", "emails", "--limit", "1"]));
    assert_eq!(all.matches("Subject:").count(), 1, "{all}");
}

/// `satu admin set-plan`: the plan changes and the quota period restarts; bad input changes
/// nothing.
async fn set_plan_puts_a_user_on_a_plan(backend: Backend) {
    let db = TestDb::new(backend).await;
    let out = satu(
        &db,
        &["admin", "create-user", "--email", "deal@example.com"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = satu(
        &db,
        &[
            "admin",
            "set-plan",
            "--email",
            "deal@example.com",
            "--plan",
            "enterprise",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("deal@example.com is on enterprise"));
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let user = users::find_by_email(&conn, "deal@example.com")
        .await
        .unwrap();
    assert_eq!(user.plan_id, "enterprise");
    assert!(user.billing_anchor_at.unwrap() > user.created_at);
    let unknown = satu(
        &db,
        &[
            "admin",
            "set-plan",
            "--email",
            "nobody@example.com",
            "--plan",
            "pro",
        ],
    );
    assert!(!unknown.status.success());
    assert!(stderr(&unknown).contains("no user with email nobody@example.com"));
    let bad = satu(
        &db,
        &[
            "admin",
            "set-plan",
            "--email",
            "deal@example.com",
            "--plan",
            "gold",
        ],
    );
    assert!(!bad.status.success());
    assert_eq!(
        users::find_by_email(&conn, "deal@example.com")
            .await
            .unwrap()
            .plan_id,
        "enterprise"
    );

    // A deal until a date: a period ending at midnight WIB after that day, renewing and
    // lapsing like a paid one.
    let out = satu(
        &db,
        &[
            "admin",
            "set-plan",
            "--email",
            "deal@example.com",
            "--plan",
            "pro",
            "--until",
            "2099-01-31",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("is on pro until 2099-01-31"));
    let periods = entities::billing::periods::for_user(&conn, user.id)
        .await
        .unwrap();
    assert_eq!(periods.len(), 1);
    assert_eq!(periods[0].plan_id, "pro");
    assert_eq!(periods[0].previous_plan_id, "enterprise");
    assert_eq!(periods[0].ends_at.to_rfc3339(), "2099-01-31T17:00:00+00:00");
    let past = satu(
        &db,
        &[
            "admin",
            "set-plan",
            "--email",
            "deal@example.com",
            "--plan",
            "team",
            "--until",
            "2001-01-01",
        ],
    );
    assert!(!past.status.success());
    assert!(
        stderr(&past).contains("must be in the future"),
        "{}",
        stderr(&past)
    );
    let user = users::find_by_email(&conn, "deal@example.com")
        .await
        .unwrap();
    assert_eq!(user.plan_id, "pro", "a refused deal changes nothing");
}
