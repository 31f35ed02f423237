//! Errors of the GraphQL API. Every error carries a stable `code` extension that clients
//! switch on; messages are for people and never carry internals (those are logged once).

use async_graphql::ErrorExtensions;
use axum::http::StatusCode;
use entities::RepoError;

use super::workspace::Refused;

/// Deliberately not `Display`: async-graphql turns any `Display` error into a message without a
/// code, so an `ApiError` can only become a GraphQL error through the `From` below.
#[derive(Debug)]
pub enum ApiError {
    Unauthenticated,
    CsrfMissing,
    /// Signed in, but the viewer's role does not allow this.
    Forbidden(String),
    NotFound(&'static str),
    BadInput(String),
    /// Bad input with a stable `reason` extension (`password_too_short`, `email_invalid`, …)
    /// that clients translate; the message says the same in English.
    Rejected {
        reason: String,
        message: String,
    },
    Conflict(&'static str),
    BadCredentials,
    PlanLimit(entities::PlanCap),
    RateLimited(u64),
    /// A live subscriber fell behind and this many events were skipped.
    Lagged(u64),
    /// Something that existed is gone (an expired or finished sign-in).
    Gone(String),
    /// The provider failed or could not be reached; the message says what to do.
    Provider(String),
    /// A mailed link's token is unknown, used or expired.
    InvalidToken,
    /// The workspace the request named (`x-satu-workspace`) is not the viewer's to use; the
    /// `reason` extension (`workspace`) tells the dashboard to forget its choice.
    Workspace(Refused),
    /// The account was suspended by Satu's operators (`reason`: `account_suspended`).
    Suspended,
    /// Support's view of a user's dashboard changes nothing (`reason`:
    /// `impersonation_read_only`).
    ReadOnlyView,
    Internal,
}

impl ApiError {
    pub fn message(&self) -> String {
        match self {
            ApiError::Unauthenticated => "Sign in first.".to_owned(),
            ApiError::CsrfMissing => {
                "This change needs the x-csrf-token header (the value of the satu_csrf cookie)."
                    .to_owned()
            }
            ApiError::NotFound(what) => format!("{what} not found."),
            ApiError::Workspace(Refused::NotMember) => "Team not found.".to_owned(),
            ApiError::Workspace(Refused::GoogleDomain(domain)) => format!(
                "This team requires signing in with Google from {domain}: sign out, then continue with Google."
            ),
            ApiError::PlanLimit(cap) => cap.message.clone(),
            ApiError::BadInput(message)
            | ApiError::Forbidden(message)
            | ApiError::Rejected { message, .. }
            | ApiError::Gone(message)
            | ApiError::Provider(message) => message.clone(),
            ApiError::Conflict(what) => format!("{what} already exists."),
            ApiError::BadCredentials => "Email or password is incorrect.".to_owned(),
            ApiError::RateLimited(secs) => format!("Too many attempts; try again in {secs} s."),
            ApiError::Lagged(n) => {
                format!("{n} events were skipped because this subscriber fell behind.")
            }
            ApiError::InvalidToken => {
                "This link is invalid, was already used or has expired; ask for a new one."
                    .to_owned()
            }
            ApiError::Suspended => {
                "This account is suspended. Contact Satu support to restore it.".to_owned()
            }
            ApiError::ReadOnlyView => {
                "Support's view of this account is read-only: nothing can be changed through it."
                    .to_owned()
            }
            ApiError::Internal => "Something went wrong on our side; try again.".to_owned(),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Unauthenticated => "UNAUTHENTICATED",
            ApiError::CsrfMissing => "CSRF",
            ApiError::Forbidden(_) | ApiError::Suspended | ApiError::ReadOnlyView => "FORBIDDEN",
            ApiError::NotFound(_) | ApiError::Workspace(Refused::NotMember) => "NOT_FOUND",
            ApiError::Workspace(Refused::GoogleDomain(_)) => "FORBIDDEN",
            ApiError::BadInput(_) | ApiError::Rejected { .. } => "BAD_USER_INPUT",
            ApiError::Conflict(_) => "CONFLICT",
            ApiError::BadCredentials => "BAD_CREDENTIALS",
            ApiError::PlanLimit(_) => "PLAN_LIMIT",
            ApiError::RateLimited(_) => "RATE_LIMITED",
            ApiError::Lagged(_) => "LAGGED",
            ApiError::Gone(_) => "NOT_FOUND",
            ApiError::Provider(_) => "PROVIDER_ERROR",
            ApiError::InvalidToken => "INVALID_TOKEN",
            ApiError::Internal => "INTERNAL",
        }
    }

    /// The HTTP status of endpoints outside GraphQL (GraphQL answers 200 with the code).
    pub fn http_status(&self) -> StatusCode {
        match self {
            ApiError::Unauthenticated | ApiError::BadCredentials => StatusCode::UNAUTHORIZED,
            ApiError::CsrfMissing
            | ApiError::Forbidden(_)
            | ApiError::PlanLimit(_)
            | ApiError::Suspended
            | ApiError::ReadOnlyView => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) | ApiError::Gone(_) | ApiError::Workspace(Refused::NotMember) => {
                StatusCode::NOT_FOUND
            }
            ApiError::Workspace(Refused::GoogleDomain(_)) => StatusCode::FORBIDDEN,
            ApiError::BadInput(_) | ApiError::Rejected { .. } | ApiError::InvalidToken => {
                StatusCode::BAD_REQUEST
            }
            ApiError::Lagged(_) => StatusCode::CONFLICT,
            ApiError::Provider(_) => StatusCode::BAD_GATEWAY,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Logs an unexpected failure once, with its cause, and hides it from the client.
    pub fn internal(context: &str, cause: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "{context}");
        ApiError::Internal
    }
}

impl ApiError {
    /// Bad input with a `reason` clients translate (`ApiError::Rejected`).
    pub fn rejected(reason: &str, message: &str) -> Self {
        ApiError::Rejected {
            reason: reason.to_owned(),
            message: message.to_owned(),
        }
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(e: ApiError) -> Self {
        let code = e.code();
        let retry = match &e {
            ApiError::RateLimited(secs) => Some(*secs),
            _ => None,
        };
        let reason = match &e {
            ApiError::Rejected { reason, .. } => Some(reason.clone()),
            ApiError::PlanLimit(cap) => Some(cap.reason.to_owned()),
            // A sign-in that timed out or belongs to another browser: "start again".
            ApiError::Gone(_) => Some("expired".to_owned()),
            ApiError::Workspace(_) => Some("workspace".to_owned()),
            ApiError::Suspended => Some("account_suspended".to_owned()),
            ApiError::ReadOnlyView => Some("impersonation_read_only".to_owned()),
            _ => None,
        };
        // What a client needs to say it in its own words: "Free allows 1 provider".
        let cap = match &e {
            ApiError::PlanLimit(cap) => Some((cap.plan.clone(), cap.max)),
            _ => None,
        };
        async_graphql::Error::new(e.message()).extend_with(|_, ext| {
            ext.set("code", code);
            if let Some(secs) = retry {
                ext.set("retryAfter", secs);
            }
            if let Some(reason) = &reason {
                ext.set("reason", reason.as_str());
            }
            if let Some((plan, limit)) = &cap {
                ext.set("plan", plan.as_str());
                ext.set("limit", *limit);
            }
        })
    }
}

impl From<RepoError> for ApiError {
    fn from(e: RepoError) -> Self {
        match e {
            RepoError::NotFound(what) => ApiError::NotFound(capitalised(what)),
            RepoError::Duplicate(what) => ApiError::Conflict(capitalised(what)),
            RepoError::Invalid { field, reason } => ApiError::Rejected {
                reason: format!("{}_invalid", field.replace(' ', "_").to_lowercase()),
                message: format!("Invalid {field}: {reason}."),
            },
            RepoError::PlanLimit(message) => ApiError::PlanLimit(message),
            RepoError::Seal(e) => ApiError::internal("sealing failed", &e),
            RepoError::Db(e) => ApiError::internal("database error", &e),
        }
    }
}

impl From<services::ServiceError> for ApiError {
    fn from(e: services::ServiceError) -> Self {
        use services::ServiceError;
        match e {
            ServiceError::Rejected { reason, message } => ApiError::Rejected {
                reason: reason.to_owned(),
                message,
            },
            ServiceError::Unreachable(message) => ApiError::Provider(format!(
                "{message}; add it with skipCheck to store it anyway."
            )),
            ServiceError::Repo(e) => ApiError::from(e),
            ServiceError::Internal(what) => ApiError::internal("service failure", &what),
        }
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(e: sea_orm::DbErr) -> Self {
        ApiError::internal("database error", &e)
    }
}

/// Repository names are lower-case phrases ("API key", "user"); messages start a sentence.
fn capitalised(what: &'static str) -> &'static str {
    match what {
        "user" => "User",
        "plan" => "Plan",
        "account" | "provider account" => "Connection",
        "session" => "Session",
        "request log" => "Request log",
        "team" => "Team",
        "member" => "Member",
        "owner" => "Owner",
        "impersonation" => "Impersonation",
        other => other,
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
