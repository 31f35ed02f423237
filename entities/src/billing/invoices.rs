//! Invoices: numbered from a gapless series per year (`INV/2026/000123`, credit notes
//! `CN/2026/000007`), the number taken in the same transaction that writes the invoice, so a
//! rolled-back invoice gives its number back.

use chrono::{DateTime, Datelike, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, QueryFilter, QueryOrder, entity::prelude::*};

use super::tax::Amounts;
use crate::RepoError;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub number: String,
    pub user_id: Uuid,
    /// `subscription` or `credit_note`.
    pub kind: String,
    pub plan_id: Option<String>,
    pub description: String,
    pub net: i64,
    pub tax_base: i64,
    pub ppn: i64,
    pub total: i64,
    /// `open`, `paid`, `void` (never paid), `refunded`; credit notes are `issued`.
    pub status: String,
    pub credit_note_for: Option<Uuid>,
    pub buyer_email: String,
    pub buyer_name: Option<String>,
    pub issued_at: DateTimeUtc,
    pub due_at: DateTimeUtc,
    pub paid_at: Option<DateTimeUtc>,
    pub paid_method: Option<String>,
    pub paid_reference: Option<String>,
    /// An upgrade's credit for the unused days of the period it replaces, before PPN like
    /// `net` (Rupiah), already taken off the amounts above: the plan's line is `net + credit`.
    pub credit: i64,
    pub credit_days: i32,
    pub credit_period_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub mod counters {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "invoice_counters")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub series: String,
        pub last: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The next number of `prefix`'s series for `at`'s year, e.g. `INV/2026/000123`. Call inside
/// the transaction that writes the invoice: the counter row stays locked until it commits.
pub async fn next_number(
    db: &impl ConnectionTrait,
    prefix: &str,
    at: DateTime<Utc>,
) -> Result<String, DbErr> {
    let year = at.year();
    let series = format!("{prefix}/{year}");
    counters::Entity::insert(counters::ActiveModel {
        series: Set(series.clone()),
        last: Set(0),
    })
    .on_conflict(
        OnConflict::column(counters::Column::Series)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    counters::Entity::update_many()
        .col_expr(
            counters::Column::Last,
            Expr::col(counters::Column::Last).add(1),
        )
        .filter(counters::Column::Series.eq(series.clone()))
        .exec(db)
        .await?;
    let row = counters::Entity::find_by_id(series)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("invoice counter".to_owned()))?;
    Ok(format!("{prefix}/{year}/{:06}", row.last))
}

pub struct NewInvoice {
    pub user_id: Uuid,
    pub plan_id: String,
    pub description: String,
    pub amounts: Amounts,
    pub buyer_email: String,
    pub buyer_name: Option<String>,
    pub due_at: DateTime<Utc>,
    pub credit: Option<InvoiceCredit>,
}

/// The unused days of a paid period an upgrade replaces, as a line of its invoice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceCredit {
    pub period_id: Uuid,
    pub days: i32,
    /// Before PPN, like the invoice's `net`.
    pub net: i64,
}

/// Issues an open invoice (numbered) for a plan.
pub async fn issue(db: &impl ConnectionTrait, new: NewInvoice) -> Result<Model, RepoError> {
    let now = Utc::now();
    let number = next_number(db, "INV", now).await?;
    let row = ActiveModel {
        id: Set(Uuid::new_v4()),
        number: Set(number),
        user_id: Set(new.user_id),
        kind: Set("subscription".to_owned()),
        plan_id: Set(Some(new.plan_id)),
        description: Set(new.description),
        net: Set(new.amounts.net),
        tax_base: Set(new.amounts.tax_base),
        ppn: Set(new.amounts.ppn),
        total: Set(new.amounts.total),
        status: Set("open".to_owned()),
        credit_note_for: Set(None),
        buyer_email: Set(new.buyer_email),
        buyer_name: Set(new.buyer_name),
        issued_at: Set(now),
        due_at: Set(new.due_at),
        paid_at: Set(None),
        paid_method: Set(None),
        paid_reference: Set(None),
        credit: Set(new.credit.as_ref().map_or(0, |c| c.net)),
        credit_days: Set(new.credit.as_ref().map_or(0, |c| c.days)),
        credit_period_id: Set(new.credit.map(|c| c.period_id)),
    };
    Ok(row.insert(db).await?)
}

/// A credit note cancelling `amount` (Rupiah, the paid total or part of it) of `invoice`.
pub async fn credit_note(
    db: &impl ConnectionTrait,
    invoice: &Model,
    amount: i64,
    reason: &str,
) -> Result<Model, RepoError> {
    let now = Utc::now();
    let number = next_number(db, "CN", now).await?;
    // The same split as the invoice, in proportion (a partial refund credits part of each).
    let part = |v: i64| {
        if invoice.total == 0 {
            0
        } else {
            -(v * amount / invoice.total)
        }
    };
    let ppn = part(invoice.ppn);
    let row = ActiveModel {
        id: Set(Uuid::new_v4()),
        number: Set(number),
        user_id: Set(invoice.user_id),
        kind: Set("credit_note".to_owned()),
        plan_id: Set(invoice.plan_id.clone()),
        description: Set(format!("{reason} ({})", invoice.number)),
        net: Set(-amount - ppn),
        tax_base: Set(part(invoice.tax_base)),
        ppn: Set(ppn),
        total: Set(-amount),
        status: Set("issued".to_owned()),
        credit_note_for: Set(Some(invoice.id)),
        buyer_email: Set(invoice.buyer_email.clone()),
        buyer_name: Set(invoice.buyer_name.clone()),
        issued_at: Set(now),
        due_at: Set(now),
        paid_at: Set(None),
        paid_method: Set(None),
        paid_reference: Set(None),
        credit: Set(0),
        credit_days: Set(0),
        credit_period_id: Set(None),
    };
    Ok(row.insert(db).await?)
}

pub async fn find_by_number(
    db: &impl ConnectionTrait,
    number: &str,
) -> Result<Option<Model>, DbErr> {
    Entity::find()
        .filter(Column::Number.eq(number.trim()))
        .one(db)
        .await
}

pub async fn for_user(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::UserId.eq(user_id))
        .order_by_desc(Column::IssuedAt)
        .all(db)
        .await
}

/// An open invoice of `user_id` for `plan_id` not yet due: a new checkout pays it rather than
/// issuing another.
pub async fn open_for(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    plan_id: &str,
) -> Result<Option<Model>, DbErr> {
    Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::PlanId.eq(plan_id))
        .filter(Column::Status.eq("open"))
        .filter(Column::DueAt.gt(Utc::now()))
        .order_by_desc(Column::IssuedAt)
        .one(db)
        .await
}

/// Voids open invoices past due whose every attempt is over (none pending, none paid): they
/// stay in the number series, marked as never paid. Returns how many.
pub async fn void_overdue(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    use super::attempts;
    use super::payment_state::PaymentState;
    let overdue = Entity::find()
        .filter(Column::Status.eq("open"))
        .filter(Column::DueAt.lt(now))
        .all(db)
        .await?;
    let mut voided = 0;
    for invoice in overdue {
        let live = attempts::Entity::find()
            .filter(attempts::Column::InvoiceId.eq(invoice.id))
            .all(db)
            .await?
            .iter()
            .any(|a| a.state() == PaymentState::Pending || a.state().grants());
        if live {
            continue;
        }
        let updated = Entity::update_many()
            .col_expr(Column::Status, Expr::value("void"))
            .filter(Column::Id.eq(invoice.id))
            .filter(Column::Status.eq("open"))
            .exec(db)
            .await?;
        voided += updated.rows_affected;
    }
    Ok(voided)
}

/// Voids `id` if it is still open (a renewal nobody will pay: the plan changed or ends).
pub async fn void_if_open(db: &impl ConnectionTrait, id: Uuid) -> Result<bool, DbErr> {
    let updated = Entity::update_many()
        .col_expr(Column::Status, Expr::value("void"))
        .filter(Column::Id.eq(id))
        .filter(Column::Status.eq("open"))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}
