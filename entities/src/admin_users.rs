//! The operators' view of users: searching and listing them with what the panel shows beside
//! each (when they were last active, what they pay a month). Reads only.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::billing::{invoices, periods};
use crate::{api_keys, sessions, users};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Status {
    #[default]
    Any,
    Active,
    Suspended,
    Unverified,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    Email,
}

/// Which users to list.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Part of the email, or a whole user id.
    pub search: Option<String>,
    pub plan_id: Option<String>,
    pub status: Status,
    pub sort: Sort,
}

/// One page of users matching `filter` and how many match in all.
pub async fn search(
    db: &impl ConnectionTrait,
    filter: &Filter,
    offset: u64,
    limit: u64,
) -> Result<(u64, Vec<users::Model>), DbErr> {
    let mut query = users::Entity::find().filter(condition(filter));
    query = match filter.sort {
        Sort::Newest => query.order_by_desc(users::Column::CreatedAt),
        Sort::Oldest => query.order_by_asc(users::Column::CreatedAt),
        Sort::Email => query.order_by_asc(users::Column::Email),
    };
    let total = query.clone().count(db).await?;
    let rows = query.offset(offset).limit(limit).all(db).await?;
    Ok((total, rows))
}

fn condition(filter: &Filter) -> Condition {
    let mut all = Condition::all();
    if let Some(text) = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        all = all.add(match Uuid::parse_str(text) {
            Ok(id) => users::Column::Id.eq(id),
            Err(_) => users::Column::Email.contains(text.to_lowercase()),
        });
    }
    if let Some(plan) = &filter.plan_id {
        all = all.add(users::Column::PlanId.eq(plan.as_str()));
    }
    match filter.status {
        Status::Any => {}
        Status::Active => all = all.add(users::Column::SuspendedAt.is_null()),
        Status::Suspended => all = all.add(users::Column::SuspendedAt.is_not_null()),
        Status::Unverified => all = all.add(users::Column::EmailVerified.eq(false)),
    }
    all
}

#[derive(FromQueryResult)]
struct Latest {
    user_id: Uuid,
    at: Option<DateTime<Utc>>,
}

/// When each of `ids` was last seen: their newest sign-in or their keys' last use.
pub async fn last_active(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, DateTime<Utc>>, DbErr> {
    let signed_in = sessions::Entity::find()
        .select_only()
        .column(sessions::Column::UserId)
        .column_as(sessions::Column::CreatedAt.max(), "at")
        .filter(sessions::Column::UserId.is_in(ids.iter().copied()))
        .group_by(sessions::Column::UserId)
        .into_model::<Latest>()
        .all(db)
        .await?;
    let used = api_keys::Entity::find()
        .select_only()
        .column(api_keys::Column::UserId)
        .column_as(api_keys::Column::LastUsedAt.max(), "at")
        .filter(api_keys::Column::UserId.is_in(ids.iter().copied()))
        .group_by(api_keys::Column::UserId)
        .into_model::<Latest>()
        .all(db)
        .await?;
    let mut latest = HashMap::new();
    for row in signed_in.into_iter().chain(used) {
        if let Some(at) = row.at {
            let seen = latest.entry(row.user_id).or_insert(at);
            *seen = (*seen).max(at);
        }
    }
    Ok(latest)
}

/// What each of `ids` pays a month now (Rupiah before PPN): the plan line of the paid
/// invoice behind their running period (an operator's grant pays nothing).
pub async fn monthly_revenue(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    at: DateTime<Utc>,
) -> Result<HashMap<Uuid, i64>, DbErr> {
    let running = paid_running(db, Some(ids), at).await?;
    let mut by_user = HashMap::new();
    for (period, invoice) in running {
        *by_user.entry(period.user_id).or_insert(0) += invoice.net + invoice.credit;
    }
    Ok(by_user)
}

/// Periods running at `at` (of `ids`, or everyone's) with the paid invoice that bought them.
pub async fn paid_running(
    db: &impl ConnectionTrait,
    ids: Option<&[Uuid]>,
    at: DateTime<Utc>,
) -> Result<Vec<(periods::Model, invoices::Model)>, DbErr> {
    let mut query = periods::Entity::find()
        .filter(periods::Column::RevokedAt.is_null())
        .filter(
            Condition::any()
                .add(periods::Column::LapsedAt.is_null())
                .add(periods::Column::LapsedAt.gt(at)),
        )
        .filter(periods::Column::Scheduled.eq(false))
        .filter(periods::Column::StartsAt.lte(at))
        .filter(periods::Column::EndsAt.gt(at));
    if let Some(ids) = ids {
        query = query.filter(periods::Column::UserId.is_in(ids.iter().copied()));
    }
    let running = query.all(db).await?;
    let invoice_ids: Vec<Uuid> = running.iter().map(|p| p.invoice_id).collect();
    let paid: HashMap<Uuid, invoices::Model> = invoices::Entity::find()
        .filter(invoices::Column::Id.is_in(invoice_ids))
        .filter(invoices::Column::Status.eq("paid"))
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    Ok(running
        .into_iter()
        .filter_map(|p| paid.get(&p.invoice_id).cloned().map(|i| (p, i)))
        .collect())
}

/// How many accounts were opened since `since`.
pub async fn signed_up_since(
    db: &impl ConnectionTrait,
    since: DateTime<Utc>,
) -> Result<u64, DbErr> {
    users::Entity::find()
        .filter(users::Column::CreatedAt.gte(since))
        .count(db)
        .await
}

/// Users per plan, every plan that has any.
pub async fn count_by_plan(db: &impl ConnectionTrait) -> Result<Vec<(String, i64)>, DbErr> {
    #[derive(FromQueryResult)]
    struct Row {
        plan_id: String,
        users: i64,
    }
    let rows = users::Entity::find()
        .select_only()
        .column(users::Column::PlanId)
        .column_as(users::Column::Id.count(), "users")
        .group_by(users::Column::PlanId)
        .order_by_asc(users::Column::PlanId)
        .into_model::<Row>()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| (r.plan_id, r.users)).collect())
}

/// Requests, errors and cost since `since`, of one workspace's rollups or of everyone's.
#[derive(Clone, Copy, Debug, Default, FromQueryResult)]
pub struct Totals {
    pub requests: Option<i64>,
    pub errors: Option<i64>,
    pub cost_nanos: Option<i64>,
}

pub async fn usage_totals(
    db: &impl ConnectionTrait,
    workspace_id: Option<Uuid>,
    since: DateTime<Utc>,
) -> Result<Totals, DbErr> {
    use crate::usage_hourly::{Column, Entity};
    let mut query = Entity::find()
        .select_only()
        .expr_as(bigint_sum(Column::Requests), "requests")
        .expr_as(bigint_sum(Column::Errors), "errors")
        .expr_as(bigint_sum(Column::CostNanos), "cost_nanos")
        .filter(Column::Hour.gte(since));
    if let Some(id) = workspace_id {
        query = query.filter(Column::UserId.eq(id));
    }
    Ok(query
        .into_model::<Totals>()
        .one(db)
        .await?
        .unwrap_or_default())
}

/// `CAST(SUM(column) AS BIGINT)`: Postgres sums BIGINTs as NUMERIC otherwise.
fn bigint_sum(column: impl sea_orm::sea_query::IntoColumnRef) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{Expr, Func};
    Func::cast_as(Func::sum(Expr::col(column)), "BIGINT").into()
}

/// The email of each of `ids` that still has an account.
pub async fn emails(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, String>, DbErr> {
    Ok(users::Entity::find()
        .filter(users::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect())
}
