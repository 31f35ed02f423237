//! A subscription over time: renewals invoiced, reminded and lapsing; an upgrade credited with
//! the unused days of the period it replaces (and given back when it is refunded); cancels and
//! downgrades that wait for the period's end; connections over a smaller plan's caps paused,
//! never deleted, and the user's pick of which stay.

use std::time::Duration;

use chrono::Utc;
use entities::billing::tax::TaxRule;
use entities::billing::{invoices, periods};
use entities::{Provider, email_outbox, users};
use sea_orm::EntityTrait;
use serde_json::{Value, json};

use crate::billing::{app, checkout, emails, free_user, paid_order, signed_in, wait_state};
use crate::on_both_backends;
use crate::support::graphql::Gql;
use crate::support::mock_midtrans::MockMidtrans;
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, TestApp, chat_body, spawn_app};

on_both_backends!(
    renewals_are_invoiced_reminded_and_lapse_to_free,
    an_upgrade_credits_the_unused_days_and_a_refund_gives_them_back,
    an_upgrade_also_credits_a_month_paid_ahead,
    cancels_and_downgrades_wait_for_the_end_of_the_period,
    connections_over_a_smaller_plan_pause_and_the_user_picks_which_stay,
    an_operators_deal_ends_after_the_grace_days_without_billing,
);

/// Moves the user's newest period's end (the sweep runs when the worker starts).
async fn set_period_end(
    app: &TestApp,
    user_id: uuid::Uuid,
    ends_at: chrono::DateTime<chrono::Utc>,
) -> periods::Model {
    let period = periods::for_user(&app.db, user_id).await.unwrap().remove(0);
    set_period(app, period.id, period.starts_at, ends_at).await
}

/// A period's dates, as stored (the database keeps microseconds).
async fn set_period(
    app: &TestApp,
    id: uuid::Uuid,
    starts_at: chrono::DateTime<chrono::Utc>,
    ends_at: chrono::DateTime<chrono::Utc>,
) -> periods::Model {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    periods::ActiveModel {
        id: Set(id),
        starts_at: Set(starts_at),
        ends_at: Set(ends_at),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap()
}

async fn wait_for_email(app: &TestApp, user_id: uuid::Uuid, template: &str, n: usize) {
    for _ in 0..200 {
        if emails(app, user_id, template).await >= n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{n} {template} emails never came");
}

async fn user(app: &TestApp, id: uuid::Uuid) -> users::Model {
    users::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// Pays an order on the mock and waits until Satu applied it.
async fn settle(app: &TestApp, midtrans: &MockMidtrans, order_id: &str) {
    midtrans.set_status(order_id, "settlement", None);
    let settled = midtrans.notification(order_id, "settlement", None);
    assert_eq!(midtrans.send(&app.url(""), &settled).await, 200);
    wait_state(app, order_id, "paid").await;
}
/// Seven days before a paid period ends its renewal invoice is issued (once), reminders go out
/// at 3 and 1 days, paying it adds a month after the current one; a period that ends unpaid
/// drops its user to Free after the grace days.
async fn renewals_are_invoiced_reminded_and_lapse_to_free(backend: Backend) {
    let midtrans = MockMidtrans::start().await;
    let app = app(backend, &midtrans, "http://127.0.0.1:9").await;
    let (renewing, _) = paid_order(&app, &midtrans, "starter").await;
    let (lapsing, _) = paid_order(&app, &midtrans, "pro").await;
    let now = chrono::Utc::now();
    let period = set_period_end(&app, renewing.user_id, now + chrono::Duration::hours(47)).await;
    set_period_end(&app, lapsing.user_id, now - chrono::Duration::days(4)).await;
    let anchor = user(&app, renewing.user_id).await.billing_anchor_at;

    let app = app.restart().await;
    wait_for_email(&app, renewing.user_id, "renewal_reminder", 1).await;
    wait_for_email(&app, lapsing.user_id, "downgraded", 1).await;
    // Two days left: the invoice and the 3-day reminder, not yet the 1-day one.
    let app = app.restart().await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        emails(&app, renewing.user_id, "renewal_invoice").await,
        1,
        "issued once"
    );
    assert_eq!(emails(&app, renewing.user_id, "renewal_reminder").await, 1);
    let open: Vec<_> = invoices::for_user(&app.db, renewing.user_id)
        .await
        .unwrap()
        .into_iter()
        .filter(|i| i.status == "open")
        .collect();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].total, 49_000);
    assert_eq!(
        open[0].due_at,
        period.ends_at + chrono::Duration::days(3),
        "payable through the grace days"
    );

    // The lapsed user is on Free now, told once.
    let lapsed = user(&app, lapsing.user_id).await;
    assert_eq!(lapsed.plan_id, "free");
    assert_eq!(emails(&app, lapsing.user_id, "downgraded").await, 1);
    assert!(
        periods::for_user(&app.db, lapsing.user_id).await.unwrap()[0]
            .lapsed_at
            .is_some()
    );

    // Paying the renewal (the same plan: the open invoice) adds the next month after this one.
    let mut gql = signed_in(&app.url(""), &app.db, renewing.user_id).await;
    let renewal = checkout(&mut gql, "starter").await;
    assert_eq!(renewal["invoiceNumber"], open[0].number.as_str());
    let order_id = renewal["orderId"].as_str().unwrap().to_owned();
    midtrans.set_status(&order_id, "settlement", None);
    let settled = midtrans.notification(&order_id, "settlement", None);
    assert_eq!(midtrans.send(&app.url(""), &settled).await, 200);
    wait_state(&app, &order_id, "paid").await;
    let all = periods::for_user(&app.db, renewing.user_id).await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[0].starts_at, period.ends_at,
        "the new month follows the current one"
    );
    let user = user(&app, renewing.user_id).await;
    assert_eq!(user.plan_id, "starter");
    assert_eq!(user.billing_anchor_at, anchor, "the quota cycle runs on");
    app.stop().await;
}

const STATUS: &str = "plan { id } period { endsAt atEnd nextPlan { id } } nextBill { planId total invoice { number status } } pausedConnections";

async fn status(gql: &mut Gql) -> Value {
    let query = format!("{{ subscriptionStatus {{ {STATUS} }} }}");
    gql.run(&query, json!({})).await.data()["subscriptionStatus"].clone()
}

/// Runs a plan-change mutation; its status, or the refusal's reason.
async fn change(gql: &mut Gql, mutation: &str) -> Result<Value, String> {
    let answer = gql
        .run(
            &format!("mutation {{ {mutation} {{ {STATUS} }} }}"),
            json!({}),
        )
        .await;
    if answer.body["errors"].is_null() {
        let field = mutation.split('(').next().unwrap();
        return Ok(answer.data()[field].clone());
    }
    assert_eq!(answer.code(), "BAD_USER_INPUT", "{}", answer.body);
    Err(answer.body["errors"][0]["extensions"]["reason"]
        .as_str()
        .unwrap()
        .to_owned())
}

/// Starter bought ten days ago, twenty and a half left: Pro costs its price less 20/30 of what
/// Starter took, shown before paying, sent to Snap as a negative line, printed on the invoice;
/// the Starter period ends with the upgrade, and comes back when the upgrade is refunded.
async fn an_upgrade_credits_the_unused_days_and_a_refund_gives_them_back(backend: Backend) {
    let midtrans = MockMidtrans::start().await;
    let app = app(backend, &midtrans, "http://127.0.0.1:9").await;
    let (caller, _) = paid_order(&app, &midtrans, "starter").await;
    let starter = periods::for_user(&app.db, caller.user_id)
        .await
        .unwrap()
        .remove(0);
    let now = Utc::now();
    set_period(
        &app,
        starter.id,
        now - chrono::Duration::days(10),
        now + chrono::Duration::days(20) + chrono::Duration::hours(12),
    )
    .await;
    let mut gql = signed_in(&app.url(""), &app.db, caller.user_id).await;
    let quote = gql
        .run(
            "query($p: String!) { checkoutQuote(plan: $p) { change price credit creditDays total invoiceNumber } }",
            json!({"p": "pro"}),
        )
        .await
        .data()["checkoutQuote"]
        .clone();
    let credit = 49_000 * 20 / 30;
    assert_eq!(
        quote,
        json!({"change": "UPGRADE", "price": 99_000, "credit": credit, "creditDays": 20,
               "total": 99_000 - credit, "invoiceNumber": null})
    );

    let started = checkout(&mut gql, "pro").await;
    assert_eq!(started["total"], 99_000 - credit);
    let order_id = started["orderId"].as_str().unwrap().to_owned();
    let order = midtrans.order(&order_id);
    let prices: Vec<i64> = order
        .items
        .iter()
        .map(|i| i["price"].as_i64().unwrap())
        .collect();
    let tax = TaxRule::default();
    let (full, charged) = (tax.amounts(99_000), tax.amounts(99_000 - credit));
    assert_eq!(
        prices,
        [full.net, -(full.net - charged.net), charged.ppn],
        "the plan, the credit, PPN"
    );
    settle(&app, &midtrans, &order_id).await;
    assert_eq!(user(&app, caller.user_id).await.plan_id, "pro");
    let replaced = periods::Entity::find_by_id(starter.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(replaced.lapsed_at.is_some(), "the Starter period is over");

    let invoice = invoices::find_by_number(&app.db, started["invoiceNumber"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (invoice.total, invoice.credit, invoice.credit_days),
        (99_000 - credit, full.net - charged.net, 20)
    );
    let pdf = app
        .http
        .get(app.url(&format!("/api/invoices/{}/pdf", invoice.id)))
        .bearer_auth(gql.bearer.as_deref().unwrap())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let text = crate::support::pdf_text(&pdf);
    for expected in [
        format!("Rp {}", entities::billing::money::thousands(full.net)),
        "Kredit sisa 20 hari / Credit for 20 unused days".to_owned(),
        format!(
            "-Rp {}",
            entities::billing::money::thousands(invoice.credit)
        ),
        format!(
            "Total Rp {}",
            entities::billing::money::thousands(invoice.total)
        ),
    ] {
        assert!(
            text.contains(&expected),
            "{expected:?} missing from:\n{text}"
        );
    }

    // On Pro, Starter is a downgrade: not bought now.
    let refused = gql
        .run(
            "mutation { startCheckout(plan: \"starter\") { orderId } }",
            json!({}),
        )
        .await;
    assert_eq!(
        refused.body["errors"][0]["extensions"]["reason"],
        "downgrade_at_period_end"
    );

    // The upgrade refunded: back to the Starter days that were credited, not to Free.
    midtrans.set_refund(&order_id, 99_000 - credit, true);
    let refunded = midtrans.notification(&order_id, "refund", None);
    assert_eq!(midtrans.send(&app.url(""), &refunded).await, 200);
    wait_state(&app, &order_id, "refunded").await;
    assert_eq!(user(&app, caller.user_id).await.plan_id, "starter");
    let restored = periods::Entity::find_by_id(starter.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(restored.lapsed_at.is_none());
    app.stop().await;
}

/// A cancel: no renewal invoice and no reminders, Free (told once) when the period ends, and
/// it can be taken back before. A downgrade: the renewal is invoiced for the cheaper plan,
/// paid early it waits, and the user moves to it when the paid period ends.
async fn cancels_and_downgrades_wait_for_the_end_of_the_period(backend: Backend) {
    let midtrans = MockMidtrans::start().await;
    let app = app(backend, &midtrans, "http://127.0.0.1:9").await;
    let (canceller, _) = paid_order(&app, &midtrans, "pro").await;
    let (downgrader, _) = paid_order(&app, &midtrans, "pro").await;
    let (_, mut free) = free_user(&app).await;
    assert_eq!(
        change(&mut free, "cancelPlan").await.unwrap_err(),
        "no_paid_period"
    );

    let mut c = signed_in(&app.url(""), &app.db, canceller.user_id).await;
    let renewing = status(&mut c).await;
    assert_eq!(renewing["period"]["atEnd"], "RENEW");
    assert_eq!(renewing["nextBill"]["total"], 99_000);
    let cancelled = change(&mut c, "cancelPlan").await.unwrap();
    assert_eq!(cancelled["plan"]["id"], "pro", "Pro until the end");
    assert_eq!(cancelled["period"]["atEnd"], "CANCEL");
    assert_eq!(cancelled["period"]["nextPlan"]["id"], "free");
    assert!(cancelled["nextBill"].is_null());
    assert_eq!(
        change(&mut c, "resumePlan").await.unwrap()["period"]["atEnd"],
        "RENEW"
    );
    change(&mut c, "cancelPlan").await.unwrap();

    let mut d = signed_in(&app.url(""), &app.db, downgrader.user_id).await;
    assert_eq!(
        change(&mut d, "changePlanAtPeriodEnd(plan: \"team\")")
            .await
            .unwrap_err(),
        "not_a_downgrade"
    );
    let downgrading = change(&mut d, "changePlanAtPeriodEnd(plan: \"starter\")")
        .await
        .unwrap();
    assert_eq!(downgrading["period"]["atEnd"], "DOWNGRADE");
    assert_eq!(downgrading["nextBill"]["planId"], "starter");
    assert_eq!(downgrading["nextBill"]["total"], 49_000);

    // Two days before the end: the downgrade's invoice is for Starter; the cancel gets none.
    let now = Utc::now();
    let cancelled_period =
        set_period_end(&app, canceller.user_id, now + chrono::Duration::days(2)).await;
    let pro = set_period_end(&app, downgrader.user_id, now + chrono::Duration::days(2)).await;
    let app = app.restart().await;
    let mut d = signed_in(&app.url(""), &app.db, downgrader.user_id).await;
    wait_for_email(&app, downgrader.user_id, "renewal_invoice", 1).await;
    let open = status(&mut d).await["nextBill"]["invoice"].clone();
    assert_eq!(open["status"], "open");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(emails(&app, canceller.user_id, "renewal_invoice").await, 0);
    assert_eq!(emails(&app, canceller.user_id, "renewal_reminder").await, 0);

    // Changing their mind voids that invoice; downgrading again issues a new one.
    change(&mut d, "resumePlan").await.unwrap();
    let first = invoices::find_by_number(&app.db, open["number"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.status, "void");
    change(&mut d, "changePlanAtPeriodEnd(plan: \"starter\")")
        .await
        .unwrap();
    let app = app.restart().await;
    let mut d = signed_in(&app.url(""), &app.db, downgrader.user_id).await;
    wait_for_email(&app, downgrader.user_id, "renewal_invoice", 2).await;

    // Paid early, Starter waits for Pro's end.
    let paid = checkout(&mut d, "starter").await;
    let renewal = status(&mut d).await["nextBill"]["invoice"]["number"].clone();
    assert_eq!(paid["invoiceNumber"], renewal);
    assert_eq!(paid["total"], 49_000);
    settle(&app, &midtrans, paid["orderId"].as_str().unwrap()).await;
    let starter = periods::for_user(&app.db, downgrader.user_id)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(
        (starter.plan_id.as_str(), starter.scheduled),
        ("starter", true)
    );
    assert_eq!(starter.starts_at, pro.ends_at);
    assert_eq!(user(&app, downgrader.user_id).await.plan_id, "pro");
    assert_eq!(
        change(&mut d, "cancelPlan").await.unwrap_err(),
        "renewal_already_paid"
    );

    // The end comes: the cancel drops to Free, the downgrade starts Starter.
    let past = Utc::now() - chrono::Duration::minutes(1);
    set_period(&app, cancelled_period.id, cancelled_period.starts_at, past).await;
    set_period(&app, pro.id, pro.starts_at, past).await;
    let starter = set_period(&app, starter.id, past, starter.ends_at).await;
    let app = app.restart().await;
    wait_for_email(&app, canceller.user_id, "downgraded", 1).await;
    assert_eq!(user(&app, canceller.user_id).await.plan_id, "free");
    let told = email_outbox::for_user(&app.db, canceller.user_id)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.template == "downgraded")
        .unwrap();
    assert!(
        app.rendered(&told).text.contains("ended as you asked")
            || app.rendered(&told).text.contains("sesuai permintaan Anda")
    );
    for _ in 0..100 {
        if user(&app, downgrader.user_id).await.plan_id == "starter" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let moved = user(&app, downgrader.user_id).await;
    assert_eq!(moved.plan_id, "starter");
    assert_eq!(moved.billing_anchor_at, Some(starter.starts_at));
    assert_eq!(emails(&app, downgrader.user_id, "downgraded").await, 0);
    app.stop().await;
}

/// Pro with connections to three providers (one turned off), then Free (one provider): the
/// oldest in use stays, the other is paused (not deleted, not used), the turned-off one stays
/// off. The user picks another to keep; a pick over the caps, or turning a paused one on, is
/// refused; back on Pro the paused one resumes (the one turned off stays off).
async fn connections_over_a_smaller_plan_pause_and_the_user_picks_which_stay(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    let openai = app
        .add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    let anthropic = app
        .add_account(&caller, Provider::Anthropic, "sk-ant-1", None, &[])
        .await;
    let gemini = app
        .add_account(&caller, Provider::Gemini, "g-1", None, &[])
        .await;
    let mut gql = signed_in(&app.url(""), &app.db, caller.user_id).await;
    let off = gql
        .run(
            "mutation($id: UUID!) { updateConnection(id: $id, changes: {enabled: false}) { status } }",
            json!({"id": gemini}),
        )
        .await;
    assert_eq!(off.data()["updateConnection"]["status"], "DISABLED");

    let fit = users::set_plan(&app.db, caller.user_id, "free", Utc::now())
        .await
        .unwrap();
    assert_eq!((fit.paused, fit.resumed), (1, 0));
    let statuses = |answer: &Value| -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = answer["connections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().unwrap().to_owned(),
                    c["status"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        all.sort();
        all
    };
    let expect = |pairs: &[(uuid::Uuid, &str)]| -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = pairs
            .iter()
            .map(|(id, s)| (id.to_string(), (*s).to_owned()))
            .collect();
        all.sort();
        all
    };
    let listed = gql.run("{ connections { id status } }", json!({})).await;
    assert_eq!(
        statuses(listed.data()),
        expect(&[
            (openai, "ACTIVE"),
            (anthropic, "PAUSED"),
            (gemini, "DISABLED")
        ])
    );
    assert_eq!(status(&mut gql).await["pausedConnections"], 1);
    let served = app
        .chat(&caller.key, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap();
    assert_eq!(served.status(), 200, "the connection kept is used");

    // Too many at once, or a paused one turned on past the caps: refused, nothing changes.
    let keep = "mutation($ids: [UUID!]!) { keepConnections(ids: $ids) { id status } }";
    let over = gql.run(keep, json!({"ids": [openai, anthropic]})).await;
    assert_eq!(over.code(), "PLAN_LIMIT", "{}", over.body);
    assert!(over.message().contains("you picked"), "{}", over.message());
    let on = gql
        .run(
            "mutation($id: UUID!) { updateConnection(id: $id, changes: {enabled: true}) { status } }",
            json!({"id": anthropic}),
        )
        .await;
    assert_eq!(on.code(), "PLAN_LIMIT");

    // The user's pick: Anthropic stays, OpenAI is paused and no longer used.
    let picked = gql.run(keep, json!({"ids": [anthropic]})).await;
    assert_eq!(
        statuses(&json!({"connections": picked.data()["keepConnections"]})),
        expect(&[
            (openai, "PAUSED"),
            (anthropic, "ACTIVE"),
            (gemini, "DISABLED")
        ])
    );
    let refused = app
        .chat(&caller.key, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap();
    assert_ne!(refused.status(), 200, "a paused connection is not used");

    // Back on a plan with room: the paused connections resume.
    let fit = users::set_plan(&app.db, caller.user_id, "pro", Utc::now())
        .await
        .unwrap();
    assert_eq!((fit.paused, fit.resumed), (0, 1));
    let listed = gql.run("{ connections { id status } }", json!({})).await;
    assert_eq!(
        statuses(listed.data()),
        expect(&[
            (openai, "ACTIVE"),
            (anthropic, "ACTIVE"),
            (gemini, "DISABLED")
        ])
    );
    app.stop().await;
}

/// Without a payment provider the period clock still runs: an operator's deal issues no
/// renewal invoice (nobody could pay it) and ends in Free after the grace days.
async fn an_operators_deal_ends_after_the_grace_days_without_billing(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let caller = app.create_caller().await;
    let now = Utc::now();
    users::set_plan(&app.db, caller.user_id, "free", now)
        .await
        .unwrap();
    let deal = periods::grant_manual(
        &app.db,
        caller.user_id,
        "team",
        now + chrono::Duration::days(30),
    )
    .await
    .unwrap();
    set_period(
        &app,
        deal.id,
        deal.starts_at,
        now + chrono::Duration::days(2),
    )
    .await;
    let app = app.restart().await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        invoices::for_user(&app.db, caller.user_id)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(user(&app, caller.user_id).await.plan_id, "team");

    set_period(
        &app,
        deal.id,
        deal.starts_at - chrono::Duration::days(30),
        now - chrono::Duration::days(4),
    )
    .await;
    let app = app.restart().await;
    wait_for_email(&app, caller.user_id, "downgraded", 1).await;
    assert_eq!(user(&app, caller.user_id).await.plan_id, "free");
    app.stop().await;
}

/// Starter renewed early (a month paid after the running one), then Pro: the credit is the
/// running period's unused days and the whole month paid ahead; both periods end with the
/// upgrade and both come back when it is refunded.
async fn an_upgrade_also_credits_a_month_paid_ahead(backend: Backend) {
    let midtrans = MockMidtrans::start().await;
    let app = app(backend, &midtrans, "http://127.0.0.1:9").await;
    let (caller, _) = paid_order(&app, &midtrans, "starter").await;
    let now = Utc::now();
    let first = periods::for_user(&app.db, caller.user_id)
        .await
        .unwrap()
        .remove(0);
    let first = set_period(
        &app,
        first.id,
        now - chrono::Duration::days(10),
        now + chrono::Duration::days(2) + chrono::Duration::hours(12),
    )
    .await;
    let app = app.restart().await;
    wait_for_email(&app, caller.user_id, "renewal_invoice", 1).await;
    let mut gql = signed_in(&app.url(""), &app.db, caller.user_id).await;
    let renewal = checkout(&mut gql, "starter").await;
    settle(&app, &midtrans, renewal["orderId"].as_str().unwrap()).await;
    let ahead = periods::for_user(&app.db, caller.user_id)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(ahead.starts_at, first.ends_at);

    let length = i32::try_from((ahead.ends_at - ahead.starts_at).num_days()).unwrap();
    let credit = 49_000 * 2 / 12 + 49_000;
    let upgrade = checkout(&mut gql, "pro").await;
    assert_eq!(upgrade["total"], 99_000 - credit);
    let invoice = invoices::find_by_number(&app.db, upgrade["invoiceNumber"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(invoice.credit_days, 2 + length);
    let order_id = upgrade["orderId"].as_str().unwrap().to_owned();
    settle(&app, &midtrans, &order_id).await;
    assert_eq!(
        ended(&app, &[first.id, ahead.id]).await,
        [true, true],
        "superseded by the upgrade"
    );

    midtrans.set_refund(&order_id, 99_000 - credit, true);
    let refunded = midtrans.notification(&order_id, "refund", None);
    assert_eq!(midtrans.send(&app.url(""), &refunded).await, 200);
    wait_state(&app, &order_id, "refunded").await;
    assert_eq!(user(&app, caller.user_id).await.plan_id, "starter");
    assert_eq!(
        ended(&app, &[first.id, ahead.id]).await,
        [false, false],
        "back with the refund"
    );
    app.stop().await;
}

/// Whether each period is over before its end (superseded, lapsed, cancelled).
async fn ended(app: &TestApp, ids: &[uuid::Uuid]) -> Vec<bool> {
    let mut out = Vec::new();
    for id in ids {
        let period = periods::Entity::find_by_id(*id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        out.push(period.lapsed_at.is_some());
    }
    out
}
