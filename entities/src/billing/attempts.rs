//! Payment attempts: one Midtrans order each (`order_id` is single use at Midtrans, so every
//! try at paying an invoice gets its own: `INV-2026-000123-2`), with its current state.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, PaginatorTrait, QueryFilter, QueryOrder, entity::prelude::*};

use super::payment_state::PaymentState;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payment_attempts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub order_id: String,
    pub invoice_id: Uuid,
    pub user_id: Uuid,
    /// A `PaymentState` (`pending`, `paid`, …).
    pub state: String,
    pub gross_amount: i64,
    pub snap_token: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub redirect_url: Option<String>,
    pub transaction_id: Option<String>,
    pub payment_type: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    pub fn state(&self) -> PaymentState {
        PaymentState::parse(&self.state).unwrap_or(PaymentState::Pending)
    }
}

/// `INV/2026/000123` → `INV-2026-000123-{n}` (Midtrans allows `[A-Za-z0-9_.~-]`).
pub fn order_id(invoice_number: &str, attempt: u64) -> String {
    format!("{}-{attempt}", invoice_number.replace('/', "-"))
}

/// A new attempt at paying `invoice_id` (its order id numbered after the earlier ones).
pub async fn start(
    db: &impl ConnectionTrait,
    invoice_id: Uuid,
    invoice_number: &str,
    user_id: Uuid,
    gross_amount: i64,
    expires_at: DateTime<Utc>,
) -> Result<Model, DbErr> {
    let earlier = Entity::find()
        .filter(Column::InvoiceId.eq(invoice_id))
        .count(db)
        .await?;
    let now = Utc::now();
    ActiveModel {
        order_id: Set(order_id(invoice_number, earlier + 1)),
        invoice_id: Set(invoice_id),
        user_id: Set(user_id),
        state: Set(PaymentState::Pending.as_str().to_owned()),
        gross_amount: Set(gross_amount),
        snap_token: Set(None),
        redirect_url: Set(None),
        transaction_id: Set(None),
        payment_type: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        expires_at: Set(expires_at),
    }
    .insert(db)
    .await
}

/// Records the Snap page Midtrans made for the attempt.
pub async fn set_snap(
    db: &impl ConnectionTrait,
    order_id: &str,
    token: &str,
    redirect_url: &str,
) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(Column::SnapToken, Expr::value(token))
        .col_expr(Column::RedirectUrl, Expr::value(redirect_url))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::OrderId.eq(order_id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, order_id: &str) -> Result<Option<Model>, DbErr> {
    Entity::find_by_id(order_id.to_owned()).one(db).await
}

pub async fn for_user(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::UserId.eq(user_id))
        .order_by_desc(Column::CreatedAt)
        .all(db)
        .await
}

/// Moves the attempt from `from` to `to` unless someone else moved it first (then false).
pub async fn transition(
    db: &impl ConnectionTrait,
    order_id: &str,
    from: PaymentState,
    to: PaymentState,
    transaction_id: Option<&str>,
    payment_type: Option<&str>,
) -> Result<bool, DbErr> {
    let mut update = Entity::update_many()
        .col_expr(Column::State, Expr::value(to.as_str()))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()));
    if let Some(id) = transaction_id {
        update = update.col_expr(Column::TransactionId, Expr::value(id));
    }
    if let Some(kind) = payment_type {
        update = update.col_expr(Column::PaymentType, Expr::value(kind));
    }
    let moved = update
        .filter(Column::OrderId.eq(order_id))
        .filter(Column::State.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(moved.rows_affected == 1)
}
