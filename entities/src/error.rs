use sea_orm::{DbErr, SqlErr};

/// What a repository function can fail with. Constraint violations become domain errors here,
/// so callers never parse database messages.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{0} already exists")]
    Duplicate(&'static str),
    #[error("invalid {field}: {reason}")]
    Invalid { field: &'static str, reason: String },
    /// The user's plan does not allow this; the message says what it allows and what they have.
    #[error("{}", .0.message)]
    PlanLimit(PlanCap),
    #[error("credential sealing failed: {0}")]
    Seal(#[from] crate::seal::SealError),
    #[error("database error: {0}")]
    Db(DbErr),
}

/// Which cap of a plan a new connection would break, for clients to explain in their language.
#[derive(Debug, Clone)]
pub struct PlanCap {
    /// `plan_providers` or `plan_oauth_accounts`.
    pub reason: &'static str,
    pub plan: String,
    pub max: i32,
    /// The same in English, naming what the user has.
    pub message: String,
}

impl RepoError {
    /// `NotFound(what)` when an update by id changed no row.
    pub fn updated(rows_affected: u64, what: &'static str) -> Result<(), Self> {
        if rows_affected == 0 {
            Err(Self::NotFound(what))
        } else {
            Ok(())
        }
    }

    /// Maps a unique-constraint violation to `Duplicate(what)`, anything else to `Db`.
    pub fn on_unique(err: DbErr, what: &'static str) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => Self::Duplicate(what),
            _ => Self::Db(err),
        }
    }
}

impl From<DbErr> for RepoError {
    fn from(err: DbErr) -> Self {
        Self::Db(err)
    }
}
