//! `satu admin reseal`: every envelope sealed under an older master key is opened and sealed
//! again under the current one, so that a retired key can leave `previous_master_keys`. A row
//! is rewritten only if its envelope is still the one that was read: a token refresh writing
//! meanwhile wins (its envelope is already current).

use sea_orm::sea_query::Expr;
use sea_orm::{QueryFilter, QueryOrder, QuerySelect, entity::prelude::*};

use crate::seal::Sealer;
use crate::{RepoError, email_outbox, oauth_flows, provider_accounts};

/// Rows read per query.
const PAGE: u64 = 500;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct ResealReport {
    /// Envelopes looked at.
    pub checked: u64,
    /// Envelopes now sealed under the current key that were not before.
    pub resealed: u64,
    /// Envelopes that no configured key opens: left as they are, listed by row.
    pub unreadable: Vec<Uuid>,
}

pub async fn reseal_all(
    db: &DatabaseConnection,
    sealer: &Sealer,
) -> Result<ResealReport, RepoError> {
    let mut report = ResealReport::default();
    reseal_accounts(db, sealer, &mut report).await?;
    reseal_flows(db, sealer, &mut report).await?;
    reseal_outbox(db, sealer, &mut report).await?;
    Ok(report)
}

/// The envelope under the current key, or `None` when it already is (or cannot be opened).
fn resealed(
    sealer: &Sealer,
    id: Uuid,
    old: &str,
    aad: &[u8],
    report: &mut ResealReport,
) -> Option<String> {
    report.checked += 1;
    if sealer.is_current(old) {
        return None;
    }
    let new = sealer.reseal(old, aad).ok();
    if new.is_none() {
        report.unreadable.push(id);
    }
    new
}

/// Re-seals a table's nullable sealed column, page by page, each row only if unchanged since
/// it was read (a writer meanwhile wins).
macro_rules! reseal_nullable_column {
    ($db:expr, $sealer:expr, $report:expr, $module:ident, $column:ident, $aad:expr) => {{
        use $module::{Column, Entity};
        let mut after = Uuid::nil();
        loop {
            let rows: Vec<(Uuid, Option<String>)> = Entity::find()
                .select_only()
                .columns([Column::Id, Column::$column])
                .filter(Column::Id.gt(after))
                .filter(Column::$column.is_not_null())
                .order_by_asc(Column::Id)
                .limit(PAGE)
                .into_tuple()
                .all($db)
                .await?;
            let Some(last) = rows.last() else {
                return Ok(());
            };
            after = last.0;
            for (id, sealed) in rows {
                let Some(old) = sealed else { continue };
                let Some(new) = resealed($sealer, id, &old, &$aad(id), $report) else {
                    continue;
                };
                let updated = Entity::update_many()
                    .col_expr(Column::$column, Expr::value(new))
                    .filter(Column::Id.eq(id))
                    .filter(Column::$column.eq(old))
                    .exec($db)
                    .await?;
                $report.resealed += updated.rows_affected;
            }
        }
    }};
}

async fn reseal_accounts(
    db: &DatabaseConnection,
    sealer: &Sealer,
    report: &mut ResealReport,
) -> Result<(), RepoError> {
    reseal_nullable_column!(
        db,
        sealer,
        report,
        provider_accounts,
        SealedCredentials,
        provider_accounts::aad
    )
}

/// Link secrets of mail not sent yet (sent mail keeps none).
async fn reseal_outbox(
    db: &DatabaseConnection,
    sealer: &Sealer,
    report: &mut ResealReport,
) -> Result<(), RepoError> {
    reseal_nullable_column!(
        db,
        sealer,
        report,
        email_outbox,
        SealedSecret,
        email_outbox::secret_aad
    )
}

async fn reseal_flows(
    db: &DatabaseConnection,
    sealer: &Sealer,
    report: &mut ResealReport,
) -> Result<(), RepoError> {
    use oauth_flows::{Column, Entity};
    let mut after = Uuid::nil();
    loop {
        let rows: Vec<(Uuid, String)> = Entity::find()
            .select_only()
            .columns([Column::Id, Column::SealedPayload])
            .filter(Column::Id.gt(after))
            .order_by_asc(Column::Id)
            .limit(PAGE)
            .into_tuple()
            .all(db)
            .await?;
        let Some(last) = rows.last() else {
            return Ok(());
        };
        after = last.0;
        for (id, old) in rows {
            let Some(new) = resealed(sealer, id, &old, &oauth_flows::aad(id), report) else {
                continue;
            };
            let updated = Entity::update_many()
                .col_expr(Column::SealedPayload, Expr::value(new))
                .filter(Column::Id.eq(id))
                .filter(Column::SealedPayload.eq(old))
                .exec(db)
                .await?;
            report.resealed += updated.rows_affected;
        }
    }
}
