//! The admin panel's Finance section: a refund through Midtrans takes the plan back and
//! issues a credit note; payments list with their notifications; the figures follow; invoices
//! download for finance and nobody else.

use entities::billing::invoices;
use serde_json::json;

use crate::admin::{as_user, person};
use crate::billing::{app, paid_order};
use crate::on_both_backends;
use crate::support::mock_midtrans::MockMidtrans;
use crate::support::{Backend, TestApp};

on_both_backends!(
    a_refund_goes_through_midtrans_and_takes_the_plan_back,
    payments_figures_and_invoices_for_finance,
);

const REFUND: &str = "mutation($o: String!, $a: Int, $r: String!) { adminRefundPayment(orderId: $o, amount: $a, reason: $r) { state grossAmount notifications { transactionStatus } } }";

async fn plan_of(app: &TestApp, user_id: uuid::Uuid) -> String {
    use sea_orm::EntityTrait;
    entities::users::Entity::find_by_id(user_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .plan_id
}

async fn a_refund_goes_through_midtrans_and_takes_the_plan_back(backend: Backend) {
    let midtrans = MockMidtrans::start().await;
    let app = app(backend, &midtrans, "http://127.0.0.1:9").await;
    let (bank, bank_order) = paid_order(&app, &midtrans, "starter").await;
    let (wallet, wallet_order) = paid_order(&app, &midtrans, "pro").await;
    midtrans.set_payment_type(&wallet_order, "gopay");
    let finance = person(&app, Some("finance")).await;
    let mut gql = as_user(&app, &finance).await;

    // Midtrans cannot refund a bank transfer: said plainly, nothing changes.
    let refused = gql
        .run(REFUND, json!({ "o": bank_order, "r": "Customer asked" }))
        .await;
    assert_eq!(
        refused.body["errors"][0]["extensions"]["reason"],
        "midtrans_refused"
    );
    assert!(
        refused.message().contains("by hand"),
        "{}",
        refused.message()
    );
    assert_eq!(plan_of(&app, bank.user_id).await, "starter");

    let too_much = gql
        .run(
            REFUND,
            json!({ "o": wallet_order, "a": 10_000_000, "r": "Customer asked" }),
        )
        .await;
    assert_eq!(
        too_much.body["errors"][0]["extensions"]["reason"],
        "amount_invalid"
    );

    let refunded = gql
        .run(
            REFUND,
            json!({ "o": wallet_order, "r": "Double charge, ticket 88" }),
        )
        .await;
    let payment = &refunded.data()["adminRefundPayment"];
    assert_eq!(payment["state"], "refunded");
    assert_eq!(
        plan_of(&app, wallet.user_id).await,
        "free",
        "the plan is taken back"
    );
    let notes: Vec<invoices::Model> = invoices::for_user(&app.db, wallet.user_id)
        .await
        .unwrap()
        .into_iter()
        .filter(|i| i.kind == "credit_note")
        .collect();
    assert_eq!(notes.len(), 1, "one credit note");
    assert_eq!(notes[0].total, -payment["grossAmount"].as_i64().unwrap());

    // Again: the order is refunded already, Midtrans is not asked twice.
    let again = gql
        .run(
            REFUND,
            json!({ "o": wallet_order, "r": "Double charge, ticket 88" }),
        )
        .await;
    assert_eq!(
        again.body["errors"][0]["extensions"]["reason"],
        "not_refundable"
    );

    let trail = gql
        .run(
            "query($t: String) { adminAudit(filter: {targetId: $t}) { items { action reason after } } }",
            json!({ "t": wallet_order }),
        )
        .await;
    // Finance cannot read the audit trail (Logs): support or a super admin can.
    assert_eq!(trail.code(), "FORBIDDEN");
    let admin = person(&app, Some("super_admin")).await;
    let mut root = as_user(&app, &admin).await;
    let trail = root
        .run(
            "query($t: String) { adminAudit(filter: {targetId: $t}) { items { action reason actorRole } } }",
            json!({ "t": wallet_order }),
        )
        .await;
    assert_eq!(
        trail.data()["adminAudit"]["items"],
        json!([{ "action": "payment.refunded", "reason": "Double charge, ticket 88", "actorRole": "finance" }])
    );
    app.stop().await;
}

async fn payments_figures_and_invoices_for_finance(backend: Backend) {
    let midtrans = MockMidtrans::start().await;
    let app = app(backend, &midtrans, "http://127.0.0.1:9").await;
    let (payer, order) = paid_order(&app, &midtrans, "pro").await;
    let finance = person(&app, Some("finance")).await;
    let mut gql = as_user(&app, &finance).await;

    let found = gql
        .run(
            "query($s: String) { adminPayments(filter: {search: $s}) { total items { orderId invoiceNumber email state notifications { transactionStatus processedAt } } } }",
            json!({ "s": &payer.email[..10] }),
        )
        .await;
    let page = &found.data()["adminPayments"];
    assert_eq!(page["total"], 1);
    let item = &page["items"][0];
    assert_eq!(item["orderId"], order);
    assert_eq!(item["state"], "paid");
    assert_eq!(item["email"], payer.email);
    assert_eq!(item["notifications"][0]["transactionStatus"], "settlement");
    assert!(item["notifications"][0]["processedAt"].is_string());
    let by_invoice = gql
        .run(
            "query($s: String) { adminPayments(filter: {search: $s}) { total } }",
            json!({ "s": item["invoiceNumber"] }),
        )
        .await;
    assert_eq!(by_invoice.data()["adminPayments"]["total"], 1);
    let expired = gql
        .run(
            "{ adminPayments(filter: {states: [\"expired\", \"failed\"]}) { total } }",
            json!({}),
        )
        .await;
    assert_eq!(expired.data()["adminPayments"]["total"], 0);

    let figures = gql
        .run(
            "{ adminFinance(days: 7) { mrrSeries { day mrrIdr } revenueByPlan { planId invoices netIdr } refundedIdr arpuIdr ltvEstimateIdr } adminOverview { mrrIdr } }",
            json!({}),
        )
        .await;
    let data = figures.data();
    let series = data["adminFinance"]["mrrSeries"].as_array().unwrap();
    assert_eq!(series.len(), 7);
    assert_eq!(
        series[6]["mrrIdr"], data["adminOverview"]["mrrIdr"],
        "today is now's MRR"
    );
    assert_eq!(series[0]["mrrIdr"], 0, "nobody paid a week ago");
    // Pro at 99,000 with PPN included: 89,189 before it.
    assert_eq!(
        data["adminFinance"]["revenueByPlan"],
        json!([{ "planId": "pro", "invoices": 1, "netIdr": 89_189 }])
    );
    assert_eq!(data["adminFinance"]["arpuIdr"], 89_189);
    assert!(
        data["adminFinance"]["ltvEstimateIdr"].is_null(),
        "nobody churned yet"
    );

    let invoices = gql
        .run(
            "query($s: String) { adminInvoices(search: $s) { total items { invoice { id number } buyerEmail } } }",
            json!({ "s": payer.email }),
        )
        .await;
    let listed = &invoices.data()["adminInvoices"];
    assert_eq!(listed["total"], 1);
    let id = listed["items"][0]["invoice"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let download = |token: String| {
        let http = app.http.clone();
        let url = app.url(&format!("/api/invoices/{id}/pdf"));
        async move { http.get(url).bearer_auth(token).send().await.unwrap() }
    };
    let pdf = download(app.bearer(finance.id).await).await;
    assert_eq!(pdf.status(), 200);
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));
    let support = person(&app, Some("support")).await;
    assert_eq!(download(app.bearer(support.id).await).await.status(), 404);
    let rows = entities::admin_audit::page(&app.db, &Default::default(), None, 5)
        .await
        .unwrap();
    assert_eq!(rows[0].action, "invoice.downloaded");
    assert_eq!(rows[0].actor_email, finance.email);
    app.stop().await;
}
