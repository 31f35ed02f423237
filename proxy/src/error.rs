//! Errors of the data plane, rendered in OpenAI's error format for OpenAI-dialect callers.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde::Serialize;
use serde_json::json;

use crate::dialect::Dialect;
use crate::limits::Refusal;

/// Why a proxied request failed. `kind()` is a static, low-cardinality label for metrics and the
/// usage row; the message is what the client reads and never contains secrets or internals.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ProxyError {
    #[error("Missing API key. Send it as `Authorization: Bearer <key>` or `x-api-key`.")]
    MissingKey,
    #[error("Invalid API key.")]
    InvalidKey,
    /// The key's account was suspended by Satu's operators.
    #[error("This Satu account is suspended; its API keys do not work. Contact Satu support.")]
    Suspended,
    #[error("{0}")]
    BadRequest(String),
    #[error("Request body is larger than {0} bytes.")]
    BodyTooLarge(usize),
    #[error("{0}")]
    ModelNotFound(String),
    /// The catalog says the provider retired the model.
    #[error("{}", retired_message(model, retired_on, replacement.as_deref()))]
    ModelRetired {
        model: String,
        retired_on: String,
        replacement: Option<String>,
    },
    #[error("No connected account can serve this request right now.")]
    NoAvailableAccount,
    #[error(
        "Every account that serves this model is cooling down after upstream errors; retry in {retry_after_secs} s."
    )]
    AccountsCooling { retry_after_secs: u64 },
    #[error("The upstream provider could not be reached.")]
    UpstreamUnreachable,
    #[error("The upstream provider did not answer in time.")]
    UpstreamTimeout,
    #[error("The upstream provider failed (status {0}).")]
    UpstreamStatus(u16),
    #[error("The upstream account rejected its credentials; check the connection in Satu.")]
    UpstreamAuth,
    #[error("The upstream provider is rate limiting this account.")]
    UpstreamRateLimited { retry_after_secs: Option<u64> },
    #[error("The upstream provider closed the stream before sending data.")]
    UpstreamEmpty,
    #[error("The upstream stream was interrupted before it finished.")]
    UpstreamInterrupted,
    #[error("The upstream answer could not be read.")]
    UpstreamInvalid,
    #[error("The upstream provider's answer is larger than {} MiB.", .0 >> 20)]
    UpstreamTooLarge(usize),
    #[error("Satu is shutting down; retry the request.")]
    ShuttingDown,
    /// A plan quota or rate limit refused the request.
    #[error("{}", .0.message)]
    Limited(Box<Refusal>),
    #[error("Usage limits cannot be checked right now; retry shortly.")]
    LimiterUnavailable,
    #[error("Internal error.")]
    Internal,
}

fn retired_message(model: &str, retired_on: &str, replacement: Option<&str>) -> String {
    match replacement {
        Some(next) => format!(
            "The model `{model}` was retired by its provider on {retired_on}; use `{next}` instead, \
             or turn on \"follow model replacements\" in your Satu routing settings."
        ),
        None => format!("The model `{model}` was retired by its provider on {retired_on}."),
    }
}

impl ProxyError {
    pub fn status(&self) -> StatusCode {
        match self {
            ProxyError::MissingKey | ProxyError::InvalidKey => StatusCode::UNAUTHORIZED,
            ProxyError::Suspended => StatusCode::FORBIDDEN,
            ProxyError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ProxyError::BodyTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ProxyError::ModelNotFound(_) | ProxyError::ModelRetired { .. } => StatusCode::NOT_FOUND,
            ProxyError::NoAvailableAccount
            | ProxyError::ShuttingDown
            | ProxyError::LimiterUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            ProxyError::UpstreamUnreachable
            | ProxyError::UpstreamStatus(_)
            | ProxyError::UpstreamAuth
            | ProxyError::UpstreamEmpty
            | ProxyError::UpstreamInterrupted
            | ProxyError::UpstreamInvalid
            | ProxyError::UpstreamTooLarge(_) => StatusCode::BAD_GATEWAY,
            ProxyError::UpstreamTimeout => StatusCode::GATEWAY_TIMEOUT,
            ProxyError::UpstreamRateLimited { .. }
            | ProxyError::AccountsCooling { .. }
            | ProxyError::Limited(_) => StatusCode::TOO_MANY_REQUESTS,
            ProxyError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            ProxyError::MissingKey => "missing_api_key",
            ProxyError::InvalidKey => "invalid_api_key",
            ProxyError::Suspended => "account_suspended",
            ProxyError::BadRequest(_) => "invalid_request",
            ProxyError::BodyTooLarge(_) => "body_too_large",
            ProxyError::ModelNotFound(_) => "model_not_found",
            ProxyError::ModelRetired { .. } => "model_retired",
            ProxyError::NoAvailableAccount => "no_available_account",
            ProxyError::AccountsCooling { .. } => "accounts_cooling",
            ProxyError::UpstreamUnreachable => "upstream_unreachable",
            ProxyError::UpstreamTimeout => "upstream_timeout",
            ProxyError::UpstreamStatus(_) => "upstream_error",
            ProxyError::UpstreamAuth => "upstream_auth",
            ProxyError::UpstreamRateLimited { .. } => "upstream_rate_limited",
            ProxyError::UpstreamEmpty => "upstream_empty",
            ProxyError::UpstreamInterrupted => "upstream_stream_error",
            ProxyError::UpstreamInvalid => "upstream_invalid",
            ProxyError::UpstreamTooLarge(_) => "upstream_too_large",
            ProxyError::ShuttingDown => "shutting_down",
            ProxyError::Limited(refusal) => refusal.kind,
            ProxyError::LimiterUnavailable => "limiter_unavailable",
            ProxyError::Internal => "internal",
        }
    }

    /// OpenAI's `error.type` for this error.
    fn openai_type(&self) -> &'static str {
        match self.status() {
            StatusCode::UNAUTHORIZED => "authentication_error",
            StatusCode::FORBIDDEN => "permission_error",
            StatusCode::BAD_REQUEST | StatusCode::PAYLOAD_TOO_LARGE | StatusCode::NOT_FOUND => {
                "invalid_request_error"
            }
            StatusCode::TOO_MANY_REQUESTS => "rate_limit_error",
            _ => "api_error",
        }
    }

    /// The body of an OpenAI error (also used as the payload of a mid-stream error event).
    pub fn openai_body(&self) -> String {
        #[derive(Serialize)]
        struct Body<'a> {
            error: Inner<'a>,
        }
        #[derive(Serialize)]
        struct Inner<'a> {
            message: String,
            r#type: &'a str,
            param: Option<&'a str>,
            code: &'a str,
        }
        let body = Body {
            error: Inner {
                message: self.to_string(),
                r#type: self.openai_type(),
                param: None,
                code: self.kind(),
            },
        };
        serde_json::to_string(&body).unwrap_or_else(|_| String::from("{\"error\":{}}"))
    }
}

impl ProxyError {
    /// Anthropic's `error.type` for this error.
    fn anthropic_type(&self) -> &'static str {
        match self.status() {
            StatusCode::UNAUTHORIZED => "authentication_error",
            StatusCode::FORBIDDEN => "permission_error",
            StatusCode::NOT_FOUND => "not_found_error",
            StatusCode::PAYLOAD_TOO_LARGE => "request_too_large",
            StatusCode::TOO_MANY_REQUESTS => "rate_limit_error",
            StatusCode::BAD_REQUEST => "invalid_request_error",
            StatusCode::SERVICE_UNAVAILABLE => "overloaded_error",
            _ => "api_error",
        }
    }

    pub fn anthropic_body(&self) -> String {
        json!({"type": "error", "error": {"type": self.anthropic_type(), "message": self.to_string()}})
            .to_string()
    }

    /// The status the caller's own API would use: Google answers a bad key with 400 and a
    /// missing one with 403.
    pub fn status_for(&self, dialect: Dialect) -> StatusCode {
        match (dialect, self) {
            (Dialect::Gemini, ProxyError::InvalidKey) => StatusCode::BAD_REQUEST,
            (Dialect::Gemini, ProxyError::MissingKey) => StatusCode::FORBIDDEN,
            _ => self.status(),
        }
    }

    /// Google's `error.status` for this error.
    fn google_status(&self) -> &'static str {
        match self.status_for(Dialect::Gemini) {
            StatusCode::BAD_REQUEST => "INVALID_ARGUMENT",
            StatusCode::UNAUTHORIZED => "UNAUTHENTICATED",
            StatusCode::FORBIDDEN => "PERMISSION_DENIED",
            StatusCode::NOT_FOUND => "NOT_FOUND",
            StatusCode::PAYLOAD_TOO_LARGE => "INVALID_ARGUMENT",
            StatusCode::TOO_MANY_REQUESTS => "RESOURCE_EXHAUSTED",
            StatusCode::SERVICE_UNAVAILABLE | StatusCode::BAD_GATEWAY => "UNAVAILABLE",
            StatusCode::GATEWAY_TIMEOUT => "DEADLINE_EXCEEDED",
            _ => "INTERNAL",
        }
    }

    pub fn gemini_body(&self) -> String {
        let message = match self {
            ProxyError::InvalidKey => "API key not valid. Please pass a valid API key.".to_owned(),
            other => other.to_string(),
        };
        json!({"error": {"code": self.status_for(Dialect::Gemini).as_u16(), "message": message, "status": self.google_status()}})
            .to_string()
    }

    pub fn body(&self, dialect: Dialect) -> String {
        match dialect {
            Dialect::OpenAiChat | Dialect::OpenAiCompletions | Dialect::OpenAiResponses => {
                self.openai_body()
            }
            Dialect::Anthropic => self.anthropic_body(),
            Dialect::Gemini => self.gemini_body(),
        }
    }

    /// The error as a response in the caller's dialect.
    pub fn render(self, dialect: Dialect) -> Response {
        let body = self.body(dialect);
        let status = self.status_for(dialect);
        let mut response = self.with_body(body);
        *response.status_mut() = status;
        response
    }

    /// The error as a mid-stream SSE event in the caller's dialect.
    pub fn stream_event(&self, dialect: Dialect) -> Bytes {
        match dialect {
            Dialect::OpenAiChat | Dialect::OpenAiCompletions => {
                Bytes::from(format!("data: {}\n\n", self.openai_body()))
            }
            Dialect::OpenAiResponses => Bytes::from(format!(
                "event: response.failed\ndata: {}\n\n",
                json!({"type": "response.failed", "response": {"status": "failed",
                    "error": {"code": self.kind(), "message": self.to_string()}}})
            )),
            Dialect::Anthropic => {
                Bytes::from(format!("event: error\ndata: {}\n\n", self.anthropic_body()))
            }
            Dialect::Gemini => Bytes::from(format!("data: {}\r\n\r\n", self.gemini_body())),
        }
    }

    fn with_body(self, body: String) -> Response {
        let mut response = (
            self.status(),
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
        let retry_after = match &self {
            ProxyError::UpstreamRateLimited { retry_after_secs } => *retry_after_secs,
            ProxyError::AccountsCooling { retry_after_secs } => Some(*retry_after_secs),
            ProxyError::Limited(refusal) => {
                refusal.headers.apply(response.headers_mut());
                Some(refusal.retry_after_secs)
            }
            _ => None,
        };
        if let Some(secs) = retry_after
            && let Ok(value) = HeaderValue::from_str(&secs.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}

impl IntoResponse for ProxyError {
    fn into_response(self) -> Response {
        self.render(Dialect::OpenAiChat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_render_in_openai_shape() {
        let body: serde_json::Value =
            serde_json::from_str(&ProxyError::InvalidKey.openai_body()).unwrap();
        assert_eq!(body["error"]["type"], "authentication_error");
        assert_eq!(body["error"]["code"], "invalid_api_key");
        assert_eq!(body["error"]["message"], "Invalid API key.");
    }

    #[test]
    fn errors_render_in_anthropic_shape() {
        let body: serde_json::Value =
            serde_json::from_str(&ProxyError::BodyTooLarge(10).anthropic_body()).unwrap();
        assert_eq!(body["type"], "error");
        assert_eq!(body["error"]["type"], "request_too_large");
        let event = ProxyError::UpstreamInterrupted.stream_event(Dialect::Anthropic);
        assert!(event.starts_with(b"event: error\ndata: {"));
    }
}
