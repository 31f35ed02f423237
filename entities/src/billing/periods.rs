//! Plan periods: what a paid invoice bought (a plan from payment for a month). The user's plan
//! follows the period in force; a revoked period (refund, chargeback, reversal) hands the user
//! back the plan they had before it.

use chrono::{DateTime, Months, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, QueryFilter, QueryOrder, entity::prelude::*};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_periods")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub plan_id: String,
    pub previous_plan_id: String,
    #[sea_orm(unique)]
    pub invoice_id: Uuid,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// A month of `plan_id` from `starts_at`, bought by `invoice_id` (one period per invoice: the
/// unique index turns a second grant into an error rather than a second month).
pub async fn open(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    plan_id: &str,
    previous_plan_id: &str,
    invoice_id: Uuid,
    starts_at: DateTime<Utc>,
) -> Result<Model, DbErr> {
    let ends_at = starts_at
        .checked_add_months(Months::new(1))
        .unwrap_or(starts_at + chrono::Duration::days(30));
    ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user_id),
        plan_id: Set(plan_id.to_owned()),
        previous_plan_id: Set(previous_plan_id.to_owned()),
        invoice_id: Set(invoice_id),
        starts_at: Set(starts_at),
        ends_at: Set(ends_at),
        revoked_at: Set(None),
    }
    .insert(db)
    .await
}

/// Revokes the period `invoice_id` bought; returns it (revoked) if it was in force.
pub async fn revoke_for_invoice(
    db: &impl ConnectionTrait,
    invoice_id: Uuid,
) -> Result<Option<Model>, DbErr> {
    let now = Utc::now();
    let revoked = Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(now))
        .filter(Column::InvoiceId.eq(invoice_id))
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    if revoked.rows_affected == 0 {
        return Ok(None);
    }
    Entity::find()
        .filter(Column::InvoiceId.eq(invoice_id))
        .one(db)
        .await
}

/// The user's periods, newest first.
pub async fn for_user(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::UserId.eq(user_id))
        .order_by_desc(Column::StartsAt)
        .all(db)
        .await
}
