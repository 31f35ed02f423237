//! A mock Midtrans speaking its wire formats: Snap's create-transaction (201 with a token and a
//! redirect address; 401 on a wrong key, 400 on a reused order id or items that do not add up),
//! the status API (404 inside a 200 until a payment method is picked), a Snap page with a pay
//! button, and signed notifications the tests send to Satu.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use serde_json::{Value, json};

pub const SERVER_KEY: &str = "SB-Mid-server-SATUTEST123";

#[derive(Clone, Debug, Default)]
pub struct Order {
    pub gross_amount: i64,
    pub items: Vec<Value>,
    pub finish_url: String,
    pub token: String,
    /// `None` until a payment method is picked (the status API answers 404 then).
    pub status: Option<String>,
    pub fraud_status: Option<String>,
    pub payment_type: String,
    pub transaction_id: String,
    pub refund_amount: Option<i64>,
    /// Refund keys already applied (a repeated key changes nothing).
    pub refund_keys: Vec<String>,
    /// The satu to notify from the Snap page's pay button.
    pub notify_url: Option<String>,
}

#[derive(Default)]
struct Books {
    orders: HashMap<String, Order>,
    by_token: HashMap<String, String>,
    status_calls: usize,
}

#[derive(Clone)]
pub struct MockMidtrans {
    pub base_url: String,
    books: Arc<Mutex<Books>>,
    http: reqwest::Client,
}

impl MockMidtrans {
    pub async fn start() -> Self {
        let books = Arc::new(Mutex::new(Books::default()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let state = MockState {
            books: books.clone(),
            base_url: base_url.clone(),
        };
        let app = Router::new()
            .route("/snap/v1/transactions", post(create))
            .route("/v2/{order_id}/status", get(status))
            .route("/v2/{order_id}/refund", post(refund))
            .route("/snap/v3/redirection/{token}", get(page))
            .route("/snap/v3/pay/{token}", post(pay))
            .with_state(state);
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self {
            base_url,
            books,
            http: reqwest::Client::new(),
        }
    }

    /// `billing.*` settings pointing Satu at this mock.
    pub fn env(&self) -> Vec<(String, String)> {
        vec![
            (
                "SATU__BILLING__MIDTRANS__SERVER_KEY".into(),
                SERVER_KEY.into(),
            ),
            (
                "SATU__BILLING__MIDTRANS__SNAP_URL".into(),
                format!("{}/snap/v1", self.base_url),
            ),
            (
                "SATU__BILLING__MIDTRANS__API_URL".into(),
                self.base_url.clone(),
            ),
            ("SATU__BILLING__POLL_INTERVAL_MS".into(), "50".into()),
            (
                "SATU__BILLING__RETRY_BACKOFF_SECS".into(),
                "[1, 1, 1]".into(),
            ),
        ]
    }

    pub fn order(&self, order_id: &str) -> Order {
        self.books.lock().unwrap().orders[order_id].clone()
    }

    pub fn status_calls(&self) -> usize {
        self.books.lock().unwrap().status_calls
    }

    /// What Midtrans holds for the order from now on (what its status API reports).
    pub fn set_status(&self, order_id: &str, status: &str, fraud: Option<&str>) {
        let mut books = self.books.lock().unwrap();
        let order = books.orders.get_mut(order_id).unwrap();
        order.status = Some(status.to_owned());
        order.fraud_status = fraud.map(str::to_owned);
    }

    /// How the customer paid (`bank_transfer` unless set: the API cannot refund that).
    pub fn set_payment_type(&self, order_id: &str, payment_type: &str) {
        let mut books = self.books.lock().unwrap();
        books.orders.get_mut(order_id).unwrap().payment_type = payment_type.to_owned();
    }

    pub fn set_refund(&self, order_id: &str, amount: i64, full: bool) {
        let mut books = self.books.lock().unwrap();
        let order = books.orders.get_mut(order_id).unwrap();
        order.status = Some(if full { "refund" } else { "partial_refund" }.to_owned());
        order.refund_amount = Some(amount);
    }

    /// The notification Midtrans sends for the order in `status`, signed with the server key.
    pub fn notification(&self, order_id: &str, status: &str, fraud: Option<&str>) -> Value {
        let order = self.order(order_id);
        notification(order_id, &order, status, fraud)
    }

    /// Posts a notification to Satu like Midtrans does; returns the status code.
    pub async fn send(&self, satu: &str, body: &Value) -> u16 {
        self.http
            .post(format!("{satu}/api/payments/midtrans"))
            .header("user-agent", "Veritrans")
            .json(body)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }
}

#[derive(Clone)]
struct MockState {
    books: Arc<Mutex<Books>>,
    base_url: String,
}

fn authorised(headers: &HeaderMap) -> bool {
    let want = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{SERVER_KEY}:"))
    );
    headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == want)
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({"error_messages": [message]}))).into_response()
}

async fn create(
    State(s): State<MockState>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if !authorised(&headers) {
        return error(
            StatusCode::UNAUTHORIZED,
            "Access denied due to unauthorized transaction, please check client or server key",
        );
    }
    let order_id = body["transaction_details"]["order_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let gross = body["transaction_details"]["gross_amount"].as_i64();
    let items = body["item_details"].as_array().cloned().unwrap_or_default();
    let sum: i64 = items
        .iter()
        .map(|i| i["price"].as_i64().unwrap_or(0) * i["quantity"].as_i64().unwrap_or(0))
        .sum();
    let mut books = s.books.lock().unwrap();
    if books.orders.contains_key(&order_id) {
        return error(
            StatusCode::BAD_REQUEST,
            "transaction_details.order_id has been paid and utilized, please use another order ID",
        );
    }
    let Some(gross) = gross else {
        return error(
            StatusCode::BAD_REQUEST,
            "transaction_details.gross_amount is required",
        );
    };
    if sum != gross {
        return error(
            StatusCode::BAD_REQUEST,
            "transaction_details.gross_amount is not equal to the sum of item_details",
        );
    }
    let token = uuid::Uuid::new_v4().to_string();
    books.by_token.insert(token.clone(), order_id.clone());
    books.orders.insert(
        order_id,
        Order {
            gross_amount: gross,
            items,
            finish_url: body["callbacks"]["finish"]
                .as_str()
                .unwrap_or("")
                .to_owned(),
            token: token.clone(),
            payment_type: "bank_transfer".to_owned(),
            transaction_id: uuid::Uuid::new_v4().to_string(),
            ..Order::default()
        },
    );
    let redirect_url = format!("{}/snap/v3/redirection/{token}", s.base_url);
    (
        StatusCode::CREATED,
        Json(json!({"token": token, "redirect_url": redirect_url})),
    )
        .into_response()
}

fn status_code(status: &str) -> &'static str {
    match status {
        "settlement" | "capture" | "refund" | "partial_refund" | "chargeback" => "200",
        "pending" => "201",
        _ => "202",
    }
}

fn notification(order_id: &str, order: &Order, status: &str, fraud: Option<&str>) -> Value {
    let gross = format!("{}.00", order.gross_amount);
    let code = status_code(status);
    let signature = entities::billing::signature::expected(order_id, code, &gross, SERVER_KEY);
    let mut body = json!({
        "transaction_time": "2026-12-05 10:05:12",
        "transaction_status": status,
        "transaction_id": order.transaction_id,
        "status_message": "midtrans payment notification",
        "status_code": code,
        "signature_key": signature,
        "payment_type": order.payment_type,
        "va_numbers": [{"va_number": "12345678901", "bank": "bca"}],
        "order_id": order_id,
        "merchant_id": "G141532850",
        "gross_amount": gross,
        "currency": "IDR",
    });
    if let Some(fraud) = fraud {
        body["fraud_status"] = json!(fraud);
    }
    body
}

async fn status(
    State(s): State<MockState>,
    headers: HeaderMap,
    Path(order_id): Path<String>,
) -> Response {
    if !authorised(&headers) {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"status_code": "401", "status_message": "Unknown Merchant server_key/id"})),
        )
            .into_response();
    }
    let mut books = s.books.lock().unwrap();
    books.status_calls += 1;
    let Some(order) = books.orders.get(&order_id) else {
        return Json(json!({"status_code": "404", "status_message": "Transaction doesn't exist."}))
            .into_response();
    };
    let Some(state) = order.status.clone() else {
        return Json(json!({"status_code": "404", "status_message": "Transaction doesn't exist."}))
            .into_response();
    };
    let mut body = notification(&order_id, order, &state, order.fraud_status.as_deref());
    body["status_message"] = json!("Success, transaction is found");
    if let Some(refund) = order.refund_amount {
        body["refund_amount"] = json!(format!("{refund}.00"));
    }
    Json(body).into_response()
}

/// The refund API: settled orders paid by a refundable method, up to what is left, once per
/// `refund_key`; errors inside HTTP 200 as Midtrans sends them.
async fn refund(
    State(s): State<MockState>,
    headers: HeaderMap,
    Path(order_id): Path<String>,
    Json(request): Json<Value>,
) -> Response {
    let refused = |code: &str, message: &str| {
        Json(json!({"status_code": code, "status_message": message})).into_response()
    };
    if !authorised(&headers) {
        return refused("401", "Unknown Merchant server_key/id");
    }
    let mut books = s.books.lock().unwrap();
    let Some(order) = books.orders.get_mut(&order_id) else {
        return refused("404", "Transaction doesn't exist.");
    };
    let key = request["refund_key"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let amount = request["amount"].as_i64().unwrap_or(0);
    const REFUNDABLE: [&str; 8] = [
        "credit_card",
        "gopay",
        "shopeepay",
        "dana",
        "ovo",
        "qris",
        "kredivo",
        "akulaku",
    ];
    if !order.refund_keys.contains(&key) {
        let settled = matches!(
            order.status.as_deref(),
            Some("settlement" | "partial_refund")
        );
        if !settled || !REFUNDABLE.contains(&order.payment_type.as_str()) {
            return refused(
                "412",
                "Merchant cannot modify the status of the transaction",
            );
        }
        let left = order.gross_amount - order.refund_amount.unwrap_or(0);
        if amount < 1 || amount > left {
            return refused(
                "413",
                "The request could not be processed due to invalid refund amount",
            );
        }
        let total = order.refund_amount.unwrap_or(0) + amount;
        order.refund_amount = Some(total);
        order.refund_keys.push(key.clone());
        let full = total == order.gross_amount;
        order.status = Some(if full { "refund" } else { "partial_refund" }.to_owned());
    }
    let mut body = notification(
        &order_id,
        order,
        order.status.as_deref().unwrap_or(""),
        None,
    );
    body["status_message"] = json!("Success, refund request is approved");
    body["refund_amount"] = json!(format!("{amount}.00"));
    body["refund_key"] = json!(key);
    Json(body).into_response()
}

/// Snap's page: the amount and one button that pays by bank transfer.
async fn page(State(s): State<MockState>, Path(token): Path<String>) -> Response {
    let books = s.books.lock().unwrap();
    let Some(order_id) = books.by_token.get(&token) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let order = &books.orders[order_id];
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><title>Mock Snap</title></head><body>\
         <main><h1>Mock Snap</h1><p data-testid=\"snap-amount\">IDR {}</p>\
         <form method=\"post\" action=\"/snap/v3/pay/{token}\"><button type=\"submit\">Pay now</button></form>\
         </main></body></html>",
        order.gross_amount
    ))
    .into_response()
}

/// The customer pays: the order settles, Satu is notified (as Midtrans would), and the browser
/// goes back to the finish address with Midtrans's query.
async fn pay(State(s): State<MockState>, Path(token): Path<String>) -> Response {
    let (order_id, order) = {
        let mut books = s.books.lock().unwrap();
        let Some(order_id) = books.by_token.get(&token).cloned() else {
            return StatusCode::NOT_FOUND.into_response();
        };
        let order = books.orders.get_mut(&order_id).unwrap();
        order.status = Some("settlement".to_owned());
        (order_id, order.clone())
    };
    if let Some(notify) = &order.notify_url {
        let body = notification(&order_id, &order, "settlement", None);
        let _ = reqwest::Client::new()
            .post(format!("{notify}/api/payments/midtrans"))
            .json(&body)
            .send()
            .await;
    }
    let back = format!(
        "{}?order_id={order_id}&status_code=200&transaction_status=settlement",
        order.finish_url
    );
    Redirect::to(&back).into_response()
}

impl MockMidtrans {
    /// Where the Snap page's pay button notifies (Satu's own address).
    pub fn notify_on_pay(&self, order_id: &str, satu: &str) {
        let mut books = self.books.lock().unwrap();
        books.orders.get_mut(order_id).unwrap().notify_url = Some(satu.to_owned());
    }
}
