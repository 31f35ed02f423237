//! Paying for a plan through (mock) Midtrans: checkout, signed notifications answered at once,
//! each confirmed with the status API and applied once whatever the replays and their order;
//! a late deny and a refund take the plan back (a credit note for the refund); forged and
//! unknown notifications are refused and kept; three replicas apply each change once.

use std::time::Duration;

use entities::billing::{attempts, invoices, notifications, periods, security_events};
use entities::{email_outbox, users};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::graphql::Gql;
use crate::support::mock_midtrans::MockMidtrans;
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, Caller, TestApp, TestDb, chat_body, process, spawn_app};

on_both_backends!(
    a_paid_checkout_grants_the_plan_once_whatever_the_replays,
    forged_malformed_and_unknown_notifications_are_refused_and_kept,
    a_late_deny_or_a_refund_takes_the_plan_back,
    an_abandoned_checkout_expires_on_our_clock,
);

pub(crate) async fn app(backend: Backend, midtrans: &MockMidtrans, upstream: &str) -> TestApp {
    let env = midtrans.env();
    let extra: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    spawn_app(backend, upstream, &extra).await
}

/// A GraphQL client signed in as `user_id` with a bearer session.
pub(crate) async fn signed_in(
    base: &str,
    db: &sea_orm::DatabaseConnection,
    user_id: uuid::Uuid,
) -> Gql {
    let created = entities::sessions::create(
        db,
        user_id,
        chrono::Duration::hours(1),
        entities::sessions::SessionMeta {
            user_agent: None,
            ip: None,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let mut gql = Gql::new(base);
    gql.bearer = Some(created.token);
    gql
}

/// A Free user with a key and a session (bearer) to check out with.
pub(crate) async fn free_user(app: &TestApp) -> (Caller, Gql) {
    let caller = app.create_caller().await;
    users::set_plan(&app.db, caller.user_id, "free", chrono::Utc::now())
        .await
        .unwrap();
    let gql = signed_in(&app.url(""), &app.db, caller.user_id).await;
    (caller, gql)
}

pub(crate) async fn checkout(gql: &mut Gql, plan: &str) -> Value {
    let answer = gql
        .run(
            "mutation($p: String!) { startCheckout(plan: $p) { orderId invoiceNumber total redirectUrl token } }",
            json!({"p": plan}),
        )
        .await;
    answer.data()["startCheckout"].clone()
}

pub(crate) async fn wait_state(app: &TestApp, order_id: &str, state: &str) -> attempts::Model {
    for _ in 0..200 {
        let row = attempts::find(&app.db, order_id).await.unwrap().unwrap();
        if row.state == state {
            return row;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{order_id} never became {state}");
}

/// Waits until every stored notification of the order is processed.
async fn wait_processed(app: &TestApp, order_id: &str) {
    for _ in 0..200 {
        let open = notifications::Entity::find()
            .filter(notifications::Column::OrderId.eq(order_id))
            .filter(notifications::Column::ProcessedAt.is_null())
            .count(&app.db)
            .await
            .unwrap();
        if open == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("notifications of {order_id} were never all processed");
}

async fn rpm_limit(app: &TestApp, caller: &Caller) -> String {
    let answer = app
        .chat(&caller.key, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    answer.headers()["x-ratelimit-limit-requests"]
        .to_str()
        .unwrap()
        .to_owned()
}

pub(crate) async fn emails(app: &TestApp, user_id: uuid::Uuid, template: &str) -> usize {
    email_outbox::for_user(&app.db, user_id)
        .await
        .unwrap()
        .iter()
        .filter(|m| m.template == template)
        .count()
}

/// A tiny shuffle without a dependency: the same order every run, but not the sent one.
fn shuffled<T>(mut items: Vec<T>, seed: u64) -> Vec<T> {
    let mut state = seed;
    for i in (1..items.len()).rev() {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = usize::try_from(state >> 33).unwrap() % (i + 1);
        items.swap(i, j);
    }
    items
}

/// The paid invoice as its owner downloads it (and nobody else can), and as the operator
/// writes it: the same PDF, whose text carries the figures.
async fn invoice_pdf_reads_back(
    app: &TestApp,
    owner: &Gql,
    invoice: &invoices::Model,
    email: &str,
) {
    let url = app.url(&format!("/api/invoices/{}/pdf", invoice.id));
    let download = app
        .http
        .get(&url)
        .bearer_auth(owner.bearer.as_deref().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    let disposition = download.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.contains(&invoice.number.replace('/', "-")),
        "{disposition}"
    );
    let text = crate::support::pdf_text(&download.bytes().await.unwrap());
    for expected in [
        invoice.number.as_str(),
        "Nomor Invoice / Invoice No.",
        "Ditagihkan kepada / Bill To",
        email,
        "Rp 44.144",
        "DPP Nilai Lain / Tax Base",
        "PPN 12% / VAT 12% Rp 4.856",
        "Total Rp 49.000",
        "LUNAS / PAID",
        "bank_transfer",
        "Periode / Period",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    assert_eq!(
        app.http.get(&url).send().await.unwrap().status(),
        401,
        "no session"
    );
    let (_, stranger) = free_user(app).await;
    let theirs = app
        .http
        .get(&url)
        .bearer_auth(stranger.bearer.as_deref().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(
        theirs.status(),
        404,
        "another user's invoice does not exist for them"
    );

    let file = app.test_db.dir.join("invoice.pdf");
    let out = crate::cli::satu(
        &app.test_db,
        &[
            "admin",
            "invoice",
            "--number",
            &invoice.number,
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = crate::support::pdf_text(&std::fs::read(&file).unwrap());
    assert!(written.contains("Total Rp 49.000") && written.contains("LUNAS / PAID"));
}

async fn a_paid_checkout_grants_the_plan_once_whatever_the_replays(backend: Backend) {
    let midtrans = MockMidtrans::start().await;
    let upstream = MockUpstream::start().await;
    let app = app(backend, &midtrans, &upstream.base_url).await;
    let (caller, mut gql) = free_user(&app).await;
    app.add_account(&caller, entities::Provider::OpenAi, "sk-up", None, &[])
        .await;
    assert_eq!(rpm_limit(&app, &caller).await, "20", "Free's limit");

    let started = checkout(&mut gql, "starter").await;
    let order_id = started["orderId"].as_str().unwrap().to_owned();
    assert_eq!(started["total"], 49_000, "PPN included in the listed price");
    assert!(
        started["invoiceNumber"]
            .as_str()
            .unwrap()
            .starts_with("INV/20")
    );
    assert!(
        started["redirectUrl"]
            .as_str()
            .unwrap()
            .starts_with(&midtrans.base_url)
    );
    let order = midtrans.order(&order_id);
    assert_eq!(order.gross_amount, 49_000);
    assert_eq!(order.items.len(), 2, "the plan and PPN on its own line");
    assert_eq!(order.items[1]["price"], 4_856);
    assert!(order.finish_url.ends_with("/app/billing/"));

    // A second try at paying the same invoice gets its own order id.
    let again = checkout(&mut gql, "starter").await;
    assert_eq!(again["invoiceNumber"], started["invoiceNumber"]);
    assert_ne!(again["orderId"], started["orderId"]);

    // The customer pays; Midtrans sends pending then settlement, each ten times, shuffled.
    midtrans.set_status(&order_id, "settlement", None);
    let mut sends = Vec::new();
    for _ in 0..10 {
        sends.push(midtrans.notification(&order_id, "pending", None));
        sends.push(midtrans.notification(&order_id, "settlement", None));
    }
    for body in shuffled(sends, 7) {
        assert_eq!(midtrans.send(&app.url(""), &body).await, 200);
    }
    wait_state(&app, &order_id, "paid").await;
    wait_processed(&app, &order_id).await;
    let stored = notifications::Entity::find()
        .filter(notifications::Column::OrderId.eq(order_id.as_str()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, 2, "duplicates are stored once");

    let user = users::Entity::find_by_id(caller.user_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.plan_id, "starter");
    let periods = periods::for_user(&app.db, caller.user_id).await.unwrap();
    assert_eq!(periods.len(), 1, "one period");
    assert_eq!(periods[0].previous_plan_id, "free");
    let invoices = invoices::for_user(&app.db, caller.user_id).await.unwrap();
    assert_eq!(invoices.len(), 1, "one invoice");
    assert_eq!(invoices[0].status, "paid");
    assert_eq!(invoices[0].paid_method.as_deref(), Some("bank_transfer"));
    assert_eq!(
        (invoices[0].net, invoices[0].ppn, invoices[0].total),
        (44_144, 4_856, 49_000)
    );
    assert_eq!(
        emails(&app, caller.user_id, "payment_received").await,
        1,
        "one email"
    );
    invoice_pdf_reads_back(&app, &gql, &invoices[0], &user.email).await;

    // The new limits apply to the very next request (every replica dropped the cached key).
    assert_eq!(rpm_limit(&app, &caller).await, "60", "Starter's limit");
    let mine = gql
        .run(
            "{ invoices { number status total } payments { orderId state } }",
            json!({}),
        )
        .await;
    assert_eq!(mine.data()["invoices"][0]["status"], "paid");
    let polled = gql
        .run(
            "query($o: String!) { payment(orderId: $o) { state amount } }",
            json!({"o": order_id}),
        )
        .await;
    assert_eq!(polled.data()["payment"]["state"], "paid");
    // Someone else's order id reads as nothing.
    let (_, mut stranger) = free_user(&app).await;
    let theirs = stranger
        .run(
            "query($o: String!) { payment(orderId: $o) { state } }",
            json!({"o": order_id}),
        )
        .await;
    assert!(theirs.data()["payment"].is_null());
    let on_it = gql
        .run(
            "mutation { startCheckout(plan: \"starter\") { orderId } }",
            json!({}),
        )
        .await;
    assert_eq!(
        on_it.body["errors"][0]["extensions"]["reason"],
        "already_on_plan"
    );
    let free = gql
        .run(
            "mutation { startCheckout(plan: \"free\") { orderId } }",
            json!({}),
        )
        .await;
    assert_eq!(
        free.body["errors"][0]["extensions"]["reason"],
        "plan_not_for_sale"
    );
    app.stop().await;
}

async fn forged_malformed_and_unknown_notifications_are_refused_and_kept(backend: Backend) {
    let midtrans = MockMidtrans::start().await;
    let app = app(backend, &midtrans, "http://127.0.0.1:9").await;
    let (caller, mut gql) = free_user(&app).await;
    let order_id = checkout(&mut gql, "pro").await["orderId"]
        .as_str()
        .unwrap()
        .to_owned();
    midtrans.set_status(&order_id, "settlement", None);

    let mut forged = midtrans.notification(&order_id, "settlement", None);
    forged["gross_amount"] = json!("1000.00");
    assert_eq!(
        midtrans.send(&app.url(""), &forged).await,
        403,
        "a changed amount"
    );
    let mut unsigned = midtrans.notification(&order_id, "settlement", None);
    unsigned.as_object_mut().unwrap().remove("signature_key");
    assert_eq!(
        midtrans.send(&app.url(""), &unsigned).await,
        403,
        "no signature"
    );
    let garbage = app
        .http
        .post(app.url("/api/payments/midtrans"))
        .body("order_id=1&status=paid")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), 400);
    let events = security_events::recent(&app.db, 10).await.unwrap();
    assert_eq!(events.len(), 3, "each refusal kept");
    assert!(
        events
            .iter()
            .any(|e| e.kind == "payment_notification_forged" && e.detail.contains("1000.00"))
    );
    assert!(events.iter().all(|e| e.ip.as_deref() == Some("127.0.0.1")));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let attempt = attempts::find(&app.db, &order_id).await.unwrap().unwrap();
    assert_eq!(attempt.state, "pending", "nothing forged was applied");

    // A properly signed notification for an order Satu never made: kept, answered 404.
    let mut unknown = midtrans.notification(&order_id, "settlement", None);
    let code = unknown["status_code"].as_str().unwrap().to_owned();
    unknown["order_id"] = json!("INV-1999-000001-1");
    unknown["signature_key"] = json!(entities::billing::signature::expected(
        "INV-1999-000001-1",
        &code,
        unknown["gross_amount"].as_str().unwrap(),
        crate::support::mock_midtrans::SERVER_KEY
    ));
    assert_eq!(midtrans.send(&app.url(""), &unknown).await, 404);
    let kept = notifications::Entity::find()
        .filter(notifications::Column::OrderId.eq("INV-1999-000001-1"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(!kept.known_order && kept.processed_at.is_some());
    assert!(kept.raw.contains("INV-1999-000001-1"));
    let user = users::Entity::find_by_id(caller.user_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.plan_id, "free");
    app.stop().await;
}

/// A Free user who bought `plan`: checked out, settled, notified, applied.
pub(crate) async fn paid_order(
    app: &TestApp,
    midtrans: &MockMidtrans,
    plan: &str,
) -> (Caller, String) {
    let (caller, mut gql) = free_user(app).await;
    let order_id = checkout(&mut gql, plan).await["orderId"]
        .as_str()
        .unwrap()
        .to_owned();
    midtrans.set_status(&order_id, "settlement", None);
    let settled = midtrans.notification(&order_id, "settlement", None);
    assert_eq!(midtrans.send(&app.url(""), &settled).await, 200);
    wait_state(app, &order_id, "paid").await;
    (caller, order_id)
}

async fn a_late_deny_or_a_refund_takes_the_plan_back(backend: Backend) {
    let midtrans = MockMidtrans::start().await;
    let app = app(backend, &midtrans, "http://127.0.0.1:9").await;

    // Settlement and deny arrive; by the time Satu asks, Midtrans says deny: nothing granted.
    let (caller, mut gql) = free_user(&app).await;
    let order_id = checkout(&mut gql, "starter").await["orderId"]
        .as_str()
        .unwrap()
        .to_owned();
    midtrans.set_status(&order_id, "deny", None);
    for status in ["settlement", "deny"] {
        let body = midtrans.notification(&order_id, status, None);
        assert_eq!(midtrans.send(&app.url(""), &body).await, 200);
    }
    wait_state(&app, &order_id, "denied").await;
    wait_processed(&app, &order_id).await;
    let user = users::Entity::find_by_id(caller.user_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.plan_id, "free", "a denied payment grants nothing");
    assert!(
        periods::for_user(&app.db, caller.user_id)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(emails(&app, caller.user_id, "payment_failed").await, 1);

    // Paid, then reversed (card fraud review after settlement): the plan goes back.
    let (caller, order_id) = paid_order(&app, &midtrans, "starter").await;
    midtrans.set_status(&order_id, "deny", None);
    let denied = midtrans.notification(&order_id, "deny", None);
    assert_eq!(midtrans.send(&app.url(""), &denied).await, 200);
    wait_state(&app, &order_id, "denied").await;
    let user = users::Entity::find_by_id(caller.user_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.plan_id, "free", "the reversal revoked the plan");
    let period = &periods::for_user(&app.db, caller.user_id).await.unwrap()[0];
    assert!(period.revoked_at.is_some());
    let invoice = &invoices::for_user(&app.db, caller.user_id).await.unwrap()[0];
    assert_eq!(invoice.status, "void");

    // Paid, then refunded in full: the period is revoked and a credit note issued.
    let (caller, order_id) = paid_order(&app, &midtrans, "pro").await;
    let paid_total = midtrans.order(&order_id).gross_amount;
    midtrans.set_refund(&order_id, paid_total, true);
    let refunded = midtrans.notification(&order_id, "refund", None);
    assert_eq!(midtrans.send(&app.url(""), &refunded).await, 200);
    wait_state(&app, &order_id, "refunded").await;
    let user = users::Entity::find_by_id(caller.user_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.plan_id, "free");
    let all = invoices::for_user(&app.db, caller.user_id).await.unwrap();
    let original = all.iter().find(|i| i.kind == "subscription").unwrap();
    let credit = all.iter().find(|i| i.kind == "credit_note").unwrap();
    assert_eq!(original.status, "refunded");
    assert!(credit.number.starts_with("CN/20"), "{}", credit.number);
    assert_eq!(credit.total, -paid_total);
    assert_eq!(credit.net + credit.ppn, credit.total);
    assert_eq!(credit.credit_note_for, Some(original.id));
    assert!(
        periods::for_user(&app.db, caller.user_id).await.unwrap()[0]
            .revoked_at
            .is_some()
    );
    app.stop().await;
}

/// Three `satu serve` processes receive the same notifications at once (Postgres, as
/// replicas do): one state change, one period, one invoice paid, one email.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_replicas_apply_each_payment_once() {
    let midtrans = MockMidtrans::start().await;
    let db = TestDb::new(Backend::Postgres).await;
    let env = midtrans.env();
    let replicas: Vec<_> = (0..3).map(|_| process::serve(&db, &env, "info")).collect();
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let user = users::create(
        &conn,
        users::NewUser {
            email: &format!("{}@example.com", uuid::Uuid::new_v4().simple()),
            password_hash: None,
            plan_id: "free",
            platform_role: None,
        },
    )
    .await
    .unwrap();
    let mut gql = signed_in(&format!("http://{}", replicas[0].addr), &conn, user.id).await;
    let order_id = checkout(&mut gql, "team").await["orderId"]
        .as_str()
        .unwrap()
        .to_owned();
    midtrans.set_status(&order_id, "settlement", None);
    let mut sends = Vec::new();
    for i in 0..30 {
        let status = if i % 3 == 0 { "pending" } else { "settlement" };
        let body = midtrans.notification(&order_id, status, None);
        let to = format!("http://{}", replicas[i % 3].addr);
        let midtrans = midtrans.clone();
        sends.push(tokio::spawn(async move { midtrans.send(&to, &body).await }));
    }
    for send in sends {
        assert_eq!(send.await.unwrap(), 200);
    }
    for _ in 0..200 {
        let row = attempts::find(&conn, &order_id).await.unwrap().unwrap();
        let open = notifications::Entity::find()
            .filter(notifications::Column::ProcessedAt.is_null())
            .count(&conn)
            .await
            .unwrap();
        if row.state == "paid" && open == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let after = users::Entity::find_by_id(user.id)
        .one(&conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.plan_id, "team");
    assert_eq!(periods::for_user(&conn, user.id).await.unwrap().len(), 1);
    let paid: Vec<_> = invoices::for_user(&conn, user.id).await.unwrap();
    assert_eq!(paid.len(), 1);
    assert_eq!(paid[0].status, "paid");
    let mails = email_outbox::for_user(&conn, user.id).await.unwrap();
    assert_eq!(
        mails
            .iter()
            .filter(|m| m.template == "payment_received")
            .count(),
        1
    );
    let moved: usize = replicas
        .iter()
        .map(|r| r.log.lock().unwrap().matches("payment moved").count())
        .sum();
    assert_eq!(moved, 1, "one replica applied the change, once");
    for mut replica in replicas {
        replica.child.kill().unwrap();
        replica.child.wait().unwrap();
    }
    db.drop().await;
}

/// Without a Midtrans key billing is off, and says so.
#[tokio::test]
async fn billing_is_off_without_a_key() {
    let app = spawn_app(Backend::Sqlite, "http://127.0.0.1:9", &[]).await;
    let (_, mut gql) = free_user(&app).await;
    let enabled = gql.run("{ billingEnabled }", json!({})).await;
    assert_eq!(enabled.data()["billingEnabled"], false);
    let refused = gql
        .run(
            "mutation { startCheckout(plan: \"starter\") { orderId } }",
            json!({}),
        )
        .await;
    assert_eq!(
        refused.body["errors"][0]["extensions"]["reason"],
        "billing_off"
    );
    let webhook = app
        .http
        .post(app.url("/api/payments/midtrans"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert!(
        [404, 405].contains(&webhook.status().as_u16()),
        "no endpoint without billing: {}",
        webhook.status()
    );
    app.stop().await;
}

/// Nobody picks a payment method: Midtrans never notifies. Past its expiry the attempt is
/// closed on Satu's own clock (the status API does not know it), the invoice is voided, and
/// no email goes out for it.
async fn an_abandoned_checkout_expires_on_our_clock(backend: Backend) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let midtrans = MockMidtrans::start().await;
    let app = app(backend, &midtrans, "http://127.0.0.1:9").await;
    let (caller, mut gql) = free_user(&app).await;
    let order_id = checkout(&mut gql, "starter").await["orderId"]
        .as_str()
        .unwrap()
        .to_owned();
    let attempt = attempts::find(&app.db, &order_id).await.unwrap().unwrap();
    let past = chrono::Utc::now() - chrono::Duration::hours(2);
    attempts::ActiveModel {
        order_id: Set(order_id.clone()),
        expires_at: Set(past),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
    invoices::ActiveModel {
        id: Set(attempt.invoice_id),
        due_at: Set(past),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
    // The worker looks at overdue attempts when it starts, then every few minutes.
    let app = app.restart().await;
    wait_state(&app, &order_id, "expired").await;
    for _ in 0..100 {
        let invoice = invoices::Entity::find_by_id(attempt.invoice_id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        if invoice.status == "void" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let invoice = invoices::Entity::find_by_id(attempt.invoice_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(invoice.status, "void", "nobody can pay it any more");
    assert!(midtrans.status_calls() >= 1, "Midtrans was asked first");
    assert_eq!(
        emails(&app, caller.user_id, "payment_failed").await,
        0,
        "no email for it"
    );
    let user = users::Entity::find_by_id(caller.user_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.plan_id, "free");
    app.stop().await;
}
