use entities::RepoError;

/// Deliberately not `Display`: GraphQL turns any `Display` error into one without a code, so a
/// service error reaches a client only through its edge's mapping ([`ServiceError::message`]).
#[derive(Debug)]
pub enum ServiceError {
    /// The input breaks a rule: `reason` is a stable code clients translate; the message says
    /// the same in English.
    Rejected {
        reason: &'static str,
        message: String,
    },
    /// A provider could not be asked (network, timeout); the caller may retry or skip the check.
    Unreachable(String),
    Repo(RepoError),
    /// A failure of ours (a panicked hashing task); logged by the caller, never shown.
    Internal(String),
}

impl From<RepoError> for ServiceError {
    fn from(e: RepoError) -> Self {
        Self::Repo(e)
    }
}

impl From<sea_orm::DbErr> for ServiceError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self::Repo(RepoError::Db(e))
    }
}

impl entities::AsContention for ServiceError {
    fn contended(&self) -> bool {
        matches!(self, Self::Repo(e) if e.is_contention())
    }
}

impl ServiceError {
    /// For an operator's terminal (GraphQL maps the variants to its own codes instead).
    pub fn message(&self) -> String {
        match self {
            Self::Rejected { message, .. } => message.clone(),
            Self::Unreachable(message) | Self::Internal(message) => message.clone(),
            Self::Repo(e) => e.to_string(),
        }
    }

    pub fn rejected(reason: &'static str, message: impl Into<String>) -> Self {
        Self::Rejected {
            reason,
            message: message.into(),
        }
    }
}
