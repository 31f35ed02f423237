//! What operators do to users (the admin panel's actions and `satu admin`'s): each change and
//! its audit entry (actor, role, target, before/after, reason) commit together, retried as a
//! whole on contention. Callers tell the other replicas (the bus) once it committed.

pub mod impersonation;
pub mod saved_queries;
mod users;

pub use users::{
    PlanChange, extend_period, grant_requests, set_plan, sign_out, suspend, unsuspend,
};

use crate::ServiceError;

/// The reason an operator gives for an action: required, one line of up to 500 characters.
pub fn checked_reason(reason: &str) -> Result<String, ServiceError> {
    let reason = reason.trim();
    if reason.chars().count() < 3 || reason.chars().count() > 500 {
        return Err(ServiceError::rejected(
            "reason_required",
            "Give a reason of 3 to 500 characters; it goes into the audit trail.",
        ));
    }
    Ok(reason.to_owned())
}

/// The instant `day` ends in Jakarta (midnight WIB after it): "until 31 December" means all
/// of that day for an Indonesian operator and user.
pub fn end_of_day_wib(day: chrono::NaiveDate) -> Option<chrono::DateTime<chrono::Utc>> {
    let next = day.succ_opt()?.and_hms_opt(0, 0, 0)?;
    let wib = chrono::FixedOffset::east_opt(7 * 3600)?;
    Some(
        next.and_local_timezone(wib)
            .single()?
            .with_timezone(&chrono::Utc),
    )
}
