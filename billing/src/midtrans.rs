//! Midtrans over HTTP: Snap's create-transaction and the Core API's status. Every call sends
//! `Authorization: Basic base64(server_key + ":")`; the hosts are configuration (sandbox,
//! production, or a test's mock).

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum MidtransError {
    #[error("Midtrans could not be reached: {0}")]
    Unreachable(String),
    #[error("Midtrans refused the request ({status}): {message}")]
    Refused { status: u16, message: String },
    #[error("Midtrans knows no transaction for this order yet")]
    NotFound,
    #[error("Midtrans answered something unexpected: {0}")]
    Unexpected(String),
}

pub struct Midtrans {
    http: reqwest::Client,
    snap_url: String,
    api_url: String,
    auth: String,
}

impl std::fmt::Debug for Midtrans {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Midtrans")
            .field("snap_url", &self.snap_url)
            .field("api_url", &self.api_url)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Serialize)]
pub struct SnapRequest {
    pub transaction_details: TransactionDetails,
    pub item_details: Vec<Item>,
    pub customer_details: Customer,
    pub callbacks: Callbacks,
    pub expiry: Expiry,
    pub custom_field1: String,
}

#[derive(Debug, Serialize)]
pub struct TransactionDetails {
    pub order_id: String,
    pub gross_amount: i64,
}

#[derive(Debug, Serialize)]
pub struct Item {
    pub id: String,
    pub price: i64,
    pub quantity: i64,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct Customer {
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Callbacks {
    pub finish: String,
}

#[derive(Debug, Serialize)]
pub struct Expiry {
    pub unit: &'static str,
    pub duration: i64,
}

#[derive(Debug, Deserialize)]
pub struct SnapCreated {
    pub token: String,
    pub redirect_url: String,
}

/// The status API's answer (the notification's fields; all strings, most optional).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Status {
    pub status_code: Option<String>,
    pub status_message: Option<String>,
    pub order_id: Option<String>,
    pub transaction_id: Option<String>,
    pub transaction_status: Option<String>,
    pub fraud_status: Option<String>,
    pub payment_type: Option<String>,
    pub gross_amount: Option<String>,
    pub currency: Option<String>,
    pub refund_amount: Option<String>,
}

/// A refund request (`POST /v2/{order_id}/refund`): `refund_key` makes it idempotent.
#[derive(Debug, Serialize)]
pub struct RefundRequest<'a> {
    pub refund_key: &'a str,
    pub amount: i64,
    pub reason: &'a str,
}

#[derive(Debug, Deserialize)]
struct ErrorBody {
    #[serde(default)]
    error_messages: Vec<String>,
}

/// `"99000.00"` → 99000 (whole Rupiah; a fraction is refused).
pub fn parse_amount(s: &str) -> Option<i64> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, "0"));
    if !fraction.chars().all(|c| c == '0') {
        return None;
    }
    whole.parse().ok()
}

impl Midtrans {
    pub fn new(snap_url: &str, api_url: &str, server_key: &str) -> Result<Self, MidtransError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| MidtransError::Unexpected(e.to_string()))?;
        Ok(Self {
            http,
            snap_url: snap_url.trim_end_matches('/').to_owned(),
            api_url: api_url.trim_end_matches('/').to_owned(),
            auth: format!("Basic {}", STANDARD.encode(format!("{server_key}:"))),
        })
    }

    /// Creates the Snap page for an order (201 with its token and address; anything else fails).
    pub async fn create_snap(&self, request: &SnapRequest) -> Result<SnapCreated, MidtransError> {
        let answer = self
            .http
            .post(format!("{}/transactions", self.snap_url))
            .header("authorization", &self.auth)
            .header("accept", "application/json")
            .json(request)
            .send()
            .await
            .map_err(|e| MidtransError::Unreachable(e.without_url().to_string()))?;
        let status = answer.status().as_u16();
        let body = answer
            .bytes()
            .await
            .map_err(|e| MidtransError::Unreachable(e.without_url().to_string()))?;
        if status != 201 {
            let message = serde_json::from_slice::<ErrorBody>(&body)
                .map(|e| e.error_messages.join("; "))
                .unwrap_or_default();
            return Err(MidtransError::Refused { status, message });
        }
        serde_json::from_slice(&body).map_err(|e| MidtransError::Unexpected(e.to_string()))
    }

    /// The order's current status. Midtrans reports errors inside HTTP 200 (`status_code` ≥
    /// 400, except 407: expired, which is a status).
    pub async fn status(&self, order_id: &str) -> Result<Status, MidtransError> {
        let url = format!("{}/v2/{order_id}/status", self.api_url);
        self.core_api(self.http.get(url)).await
    }

    /// Returns money on a settled order (the API refunds cards, GoPay, QRIS and some wallets;
    /// bank transfers are refunded by hand). Errors come inside HTTP 200 like `status`'s.
    pub async fn refund(
        &self,
        order_id: &str,
        request: &RefundRequest<'_>,
    ) -> Result<Status, MidtransError> {
        let url = format!("{}/v2/{order_id}/refund", self.api_url);
        self.core_api(self.http.post(url).json(request)).await
    }

    /// Sends a Core API call and reads its status-shaped answer.
    async fn core_api(&self, request: reqwest::RequestBuilder) -> Result<Status, MidtransError> {
        let answer = request
            .header("authorization", &self.auth)
            .header("accept", "application/json")
            .send()
            .await
            .map_err(|e| MidtransError::Unreachable(e.without_url().to_string()))?;
        Self::read_status(answer).await
    }

    async fn read_status(answer: reqwest::Response) -> Result<Status, MidtransError> {
        let http_status = answer.status().as_u16();
        let body = answer
            .bytes()
            .await
            .map_err(|e| MidtransError::Unreachable(e.without_url().to_string()))?;
        if http_status >= 400 {
            return Err(MidtransError::Refused {
                status: http_status,
                message: String::from_utf8_lossy(&body).chars().take(200).collect(),
            });
        }
        let status: Status =
            serde_json::from_slice(&body).map_err(|e| MidtransError::Unexpected(e.to_string()))?;
        let code: u16 = status
            .status_code
            .as_deref()
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        match code {
            404 => Err(MidtransError::NotFound),
            407 => Ok(status),
            400.. => Err(MidtransError::Refused {
                status: code,
                message: status.status_message.unwrap_or_default(),
            }),
            _ => Ok(status),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_whole_rupiah() {
        assert_eq!(parse_amount("99000.00"), Some(99_000));
        assert_eq!(parse_amount("49000"), Some(49_000));
        assert_eq!(parse_amount("99000.50"), None);
        assert_eq!(parse_amount("abc"), None);
    }

    #[test]
    fn basic_auth_matches_the_documented_vector() {
        let m = Midtrans::new("http://x", "http://y", "SB-Mid-server-TESTKEY123").unwrap();
        assert_eq!(m.auth, "Basic U0ItTWlkLXNlcnZlci1URVNUS0VZMTIzOg==");
    }
}
