//! `satu admin accounts`: a user's provider accounts, their status and current cooldowns.

use std::io::Write;

use entities::{account_cooldowns, provider_accounts};
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

#[derive(Serialize)]
struct AccountRow {
    id: Uuid,
    provider: String,
    kind: String,
    label: String,
    status: String,
    base_url: Option<String>,
    models: Vec<String>,
    weight: i32,
    priority: i32,
    identity_email: Option<String>,
    plan_type: Option<String>,
    token_expires_at: Option<String>,
    last_refreshed_at: Option<String>,
    last_error: Option<String>,
    last_error_at: Option<String>,
    next_attempt_at: Option<String>,
    cooldowns: Vec<CooldownRow>,
}

#[derive(Serialize)]
struct CooldownRow {
    model: String,
    until: String,
    reason: String,
    failures: i32,
}

pub async fn print(
    db: &DatabaseConnection,
    user_id: Uuid,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let accounts = provider_accounts::list_for_user(db, user_id).await?;
    let ids: Vec<Uuid> = accounts.iter().map(|a| a.id).collect();
    let cooldowns = account_cooldowns::active_for_accounts(db, &ids).await?;
    let rows: Vec<AccountRow> = accounts
        .into_iter()
        .map(|a| AccountRow {
            cooldowns: cooldowns
                .iter()
                .filter(|c| c.account_id == a.id)
                .map(|c| CooldownRow {
                    model: c.model.clone(),
                    until: c.until.to_rfc3339(),
                    reason: c.reason.clone(),
                    failures: c.failures,
                })
                .collect(),
            id: a.id,
            provider: a.provider,
            kind: a.kind,
            label: a.label,
            status: a.status,
            base_url: a.base_url,
            models: a.models.0,
            weight: a.weight,
            priority: a.priority,
            identity_email: a.identity_email,
            plan_type: a.plan_type,
            token_expires_at: a.token_expires_at.map(|t| t.to_rfc3339()),
            last_refreshed_at: a.last_refreshed_at.map(|t| t.to_rfc3339()),
            last_error: a.last_error,
            last_error_at: a.last_error_at.map(|t| t.to_rfc3339()),
            next_attempt_at: a.next_attempt_at.map(|t| t.to_rfc3339()),
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(out, "(no accounts)")?;
    }
    for r in &rows {
        writeln!(
            out,
            "{}  {:<18} {:<8} {:<10} {:<20} weight {} priority {}",
            r.id, r.provider, r.kind, r.status, r.label, r.weight, r.priority
        )?;
        if let Some(email) = &r.identity_email {
            let plan = r.plan_type.as_deref().unwrap_or("-");
            writeln!(out, "    signed in as {email} (plan {plan})")?;
        }
        if let Some(expires) = &r.token_expires_at {
            writeln!(out, "    token expires {expires}")?;
        }
        if let Some(error) = &r.last_error {
            let at = r.last_error_at.as_deref().unwrap_or("-");
            writeln!(out, "    last error at {at}: {error}")?;
            if let Some(next) = &r.next_attempt_at {
                writeln!(out, "    next attempt {next}")?;
            }
        }
        for c in &r.cooldowns {
            writeln!(
                out,
                "    cooling {:<24} until {} ({}, {} failure(s))",
                c.model, c.until, c.reason, c.failures
            )?;
        }
    }
    Ok(())
}
