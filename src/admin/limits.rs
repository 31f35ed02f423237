//! `satu admin plans`: the plans as admission enforces them.

use std::io::Write;

use sea_orm::DatabaseConnection;

pub async fn print_plans(db: &DatabaseConnection, out: &mut impl Write) -> anyhow::Result<()> {
    let plans = entities::plans::list(db).await?;
    writeln!(
        out,
        "{:<11} {:>10} {:>7} {:>12} {:>9} {:>9} {:>9} {:>9} {:>10}",
        "plan", "IDR/month", "USD", "requests/mo", "OAuth", "providers", "members", "RPM", "TPM"
    )?;
    for p in plans {
        writeln!(
            out,
            "{:<11} {:>10} {:>7} {:>12} {:>9} {:>9} {:>9} {:>9} {:>10}",
            p.id,
            p.price_idr.map_or("custom".to_owned(), |v| v.to_string()),
            p.price_usd_cents.map_or("custom".to_owned(), |c| format!(
                "{}.{:02}",
                c / 100,
                c % 100
            )),
            limit(p.monthly_requests),
            limit(p.max_oauth_accounts.map(i64::from)),
            limit(p.max_providers.map(i64::from)),
            limit(p.max_members.map(i64::from)),
            limit(p.requests_per_minute),
            limit(p.tokens_per_minute),
        )?;
    }
    Ok(())
}

fn limit(value: Option<i64>) -> String {
    value.map_or("unlimited".to_owned(), |v| v.to_string())
}
