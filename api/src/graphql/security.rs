//! Security events the control plane records for operators (the admin panel's Logs): failed
//! sign-ins and lockouts. Recording never fails the request it describes.

use entities::billing::security_events;
use sea_orm::DatabaseConnection;

pub const SIGN_IN_FAILED: &str = "sign_in_failed";
pub const SIGN_IN_LOCKED: &str = "sign_in_locked";

/// A wrong password or an unknown address (the attempts limiter bounds how many).
pub async fn sign_in_failed(db: &DatabaseConnection, email: &str, ip: Option<&str>) {
    record(db, SIGN_IN_FAILED, &format!("email {email}"), ip).await;
}

/// Sign-ins refused by the attempts limiter: recorded once per address and 10 minutes, so a
/// flood of refused tries does not become a flood of rows.
pub async fn locked_out(db: &DatabaseConnection, email: &str, ip: Option<&str>) {
    let detail = format!("email {email}");
    let since = chrono::Utc::now() - chrono::Duration::minutes(10);
    match security_events::seen_since(db, SIGN_IN_LOCKED, &detail, since).await {
        Ok(false) => record(db, SIGN_IN_LOCKED, &detail, ip).await,
        Ok(true) => {}
        Err(e) => tracing::warn!(error = %e, "reading security events failed"),
    }
}

async fn record(db: &DatabaseConnection, kind: &str, detail: &str, ip: Option<&str>) {
    if let Err(e) = security_events::record(db, kind, detail, ip).await {
        tracing::warn!(error = %e, kind, "recording a security event failed");
    }
}
