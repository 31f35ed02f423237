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

    /// Whether trying the same transaction again may succeed: SQLite refused a write because
    /// another connection wrote since this transaction's first read (WAL's "busy snapshot",
    /// which its busy timeout does not wait out), or the database stayed locked.
    pub fn is_contention(&self) -> bool {
        let Self::Db(err) = self else {
            return false;
        };
        let text = err.to_string();
        text.contains("database is locked")
            || text.contains("(code: 5)")
            || text.contains("(code: 517)")
            || text.contains("SQLITE_BUSY")
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

/// Runs a transaction again (up to 5 times, briefly apart) while it fails on contention
/// (`RepoError::is_contention`); any other outcome is returned as is.
pub async fn retry_on_contention<T, E, F, Fut>(mut run: F) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, E>>,
    E: AsContention,
{
    let mut tries = 0u64;
    loop {
        match run().await {
            Err(e) if e.contended() && tries < 5 => {
                tries += 1;
                tokio::time::sleep(std::time::Duration::from_millis(20 * tries)).await;
            }
            other => return other,
        }
    }
}

/// Errors that can say they came from contention.
pub trait AsContention {
    fn contended(&self) -> bool;
}

impl AsContention for RepoError {
    fn contended(&self) -> bool {
        self.is_contention()
    }
}
