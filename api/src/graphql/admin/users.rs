//! The Users section: find users, see one whole (profile, connections' status, usage,
//! billing, teams, what operators did to them), and act: suspend or restore, change or comp
//! the plan, extend the period, sign out everywhere, resend the verification email.

use async_graphql::{Context, InputObject, Object, SimpleObject};
use chrono::{Duration, NaiveDate, Utc};
use entities::admin_audit::{self, action};
use entities::admin_users::{self, Filter};
use proxy::bus::Message;
use uuid::Uuid;

use super::access::AdminSection;
use super::types::{
    AdminAuditEntry, AdminConnection, AdminPeriod, AdminTeamMembership, AdminUser, AdminUserPage,
    AdminUserSort, AdminUserStatus,
};
use crate::graphql::billing::Invoice;
use crate::graphql::context::admin::{AdminCtx, admin_reader, admin_writer};
use crate::graphql::context::deps;
use crate::graphql::error::{ApiError, ApiResult};

const MAX_PAGE: u64 = 200;

#[derive(InputObject, Default)]
pub struct AdminUserFilter {
    /// Part of the email, or a whole user id.
    pub search: Option<String>,
    pub plan_id: Option<String>,
    #[graphql(default)]
    pub status: AdminUserStatus,
    #[graphql(default)]
    pub sort: AdminUserSort,
}

/// Requests, errors and estimated cost over the last 30 days.
#[derive(SimpleObject)]
pub struct AdminUsage {
    pub requests: i64,
    pub errors: i64,
    pub cost_usd: f64,
}

impl From<admin_users::Totals> for AdminUsage {
    fn from(t: admin_users::Totals) -> Self {
        Self {
            requests: t.requests.unwrap_or(0),
            errors: t.errors.unwrap_or(0),
            cost_usd: t.cost_nanos.unwrap_or(0) as f64 / 1e9,
        }
    }
}

/// One user, whole.
#[derive(SimpleObject)]
pub struct AdminUserDetail {
    pub user: AdminUser,
    pub locale: Option<String>,
    pub signs_in_with_google: bool,
    pub connections: Vec<AdminConnection>,
    #[graphql(name = "usage30d")]
    pub usage_30d: AdminUsage,
    pub invoices: Vec<Invoice>,
    pub periods: Vec<AdminPeriod>,
    pub teams: Vec<AdminTeamMembership>,
    /// What operators did to this user, newest first (up to 50).
    pub audit: Vec<AdminAuditEntry>,
}

#[derive(Default)]
pub struct AdminUsersQuery;

#[Object]
impl AdminUsersQuery {
    /// Users matching `filter`, a page at a time (`first` up to 200).
    async fn admin_users(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: AdminUserFilter,
        #[graphql(default = 50)] first: u64,
        #[graphql(default = 0)] offset: u64,
    ) -> async_graphql::Result<AdminUserPage> {
        let admin = admin_reader(ctx, AdminSection::Users).await?;
        let filter = Filter {
            search: filter.search,
            plan_id: filter.plan_id,
            status: filter.status.into(),
            sort: filter.sort.into(),
        };
        let (total, rows) = admin
            .users(&filter, offset, first.clamp(1, MAX_PAGE))
            .await?;
        Ok(AdminUserPage {
            total,
            items: listed(&admin, &rows).await?,
        })
    }

    async fn admin_user(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
    ) -> async_graphql::Result<AdminUserDetail> {
        let admin = admin_reader(ctx, AdminSection::Users).await?;
        Ok(detail(&admin, id).await?)
    }
}

/// The rows with their last activity and monthly revenue.
async fn listed(
    admin: &AdminCtx<'_>,
    rows: &[entities::users::Model],
) -> ApiResult<Vec<AdminUser>> {
    let ids: Vec<Uuid> = rows.iter().map(|u| u.id).collect();
    let (seen, revenue) = admin.activity(&ids).await?;
    Ok(rows
        .iter()
        .map(|u| {
            let mrr = revenue.get(&u.id).copied().unwrap_or(0);
            AdminUser::new(u, seen.get(&u.id).copied(), mrr)
        })
        .collect())
}

async fn detail(admin: &AdminCtx<'_>, id: Uuid) -> ApiResult<AdminUserDetail> {
    let user = admin.user(id).await?;
    let listed = listed(admin, std::slice::from_ref(&user)).await?;
    let since = Utc::now() - Duration::days(30);
    let usage = admin_users::usage_totals(admin.db(), Some(id), since).await?;
    let audit_filter = admin_audit::Filter {
        target_id: Some(id.to_string()),
        ..Default::default()
    };
    Ok(AdminUserDetail {
        user: listed
            .into_iter()
            .next()
            .ok_or(ApiError::NotFound("User"))?,
        locale: user.locale.clone(),
        signs_in_with_google: user.google_sub.is_some(),
        connections: admin
            .connections_of(id)
            .await?
            .iter()
            .map(AdminConnection::from)
            .collect(),
        usage_30d: usage.into(),
        invoices: admin
            .invoices_of(id)
            .await?
            .iter()
            .map(Invoice::from)
            .collect(),
        periods: admin
            .periods_of(id)
            .await?
            .iter()
            .map(AdminPeriod::from)
            .collect(),
        teams: admin
            .teams_of(id)
            .await?
            .into_iter()
            .map(|(team, member)| AdminTeamMembership {
                team_id: team.id,
                name: team.name,
                plan_id: team.plan_id,
                role: member.role,
            })
            .collect(),
        audit: admin
            .audit(&audit_filter, None, 50)
            .await?
            .into_iter()
            .map(AdminAuditEntry::from)
            .collect(),
    })
}

#[derive(Default)]
pub struct AdminUsersMutation;

#[Object]
impl AdminUsersMutation {
    /// Suspends the user: their keys stop on every replica at once and their sessions end;
    /// signing in tells them the account is suspended.
    async fn admin_suspend_user(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        reason: String,
    ) -> async_graphql::Result<AdminUserDetail> {
        let admin = admin_writer(ctx, AdminSection::Users).await?;
        let outcome = services::admin::suspend(admin.db(), &admin.actor, id, &reason).await;
        changed(ctx, &admin, id, outcome).await
    }

    async fn admin_unsuspend_user(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        reason: String,
    ) -> async_graphql::Result<AdminUserDetail> {
        let admin = admin_writer(ctx, AdminSection::Users).await?;
        let outcome = services::admin::unsuspend(admin.db(), &admin.actor, id, &reason).await;
        changed(ctx, &admin, id, outcome).await
    }

    /// Puts the user on `planId` from now, or until the end of `until` (a day, WIB): a comp or
    /// a manual deal that lapses like a paid month.
    async fn admin_set_user_plan(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        plan_id: String,
        until: Option<NaiveDate>,
        reason: String,
    ) -> async_graphql::Result<AdminUserDetail> {
        let admin = admin_writer(ctx, AdminSection::Users).await?;
        let change = services::admin::PlanChange {
            plan_id: &plan_id,
            until: until.map(end_of_day).transpose()?,
            reason: &reason,
        };
        let outcome = services::admin::set_plan(admin.db(), &admin.actor, id, change).await;
        changed(ctx, &admin, id, outcome).await
    }

    /// Moves the end of the user's last paid or granted period to the end of `until` (WIB).
    async fn admin_extend_period(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        until: NaiveDate,
        reason: String,
    ) -> async_graphql::Result<AdminUserDetail> {
        let admin = admin_writer(ctx, AdminSection::Users).await?;
        services::admin::extend_period(admin.db(), &admin.actor, id, end_of_day(until)?, &reason)
            .await
            .map_err(ApiError::from)?;
        Ok(detail(&admin, id).await?)
    }

    /// Adds `requests` to the user's monthly quota for the period running now.
    async fn admin_grant_requests(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        requests: i64,
        reason: String,
    ) -> async_graphql::Result<AdminUserDetail> {
        let admin = admin_writer(ctx, AdminSection::Users).await?;
        let outcome =
            services::admin::grant_requests(admin.db(), &admin.actor, id, requests, &reason).await;
        changed(ctx, &admin, id, outcome).await
    }

    /// Ends every session of the user (their API keys keep working). Answers how many ended.
    async fn admin_sign_out_user(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        reason: String,
    ) -> async_graphql::Result<u64> {
        let admin = admin_writer(ctx, AdminSection::Users).await?;
        Ok(
            services::admin::sign_out(admin.db(), &admin.actor, id, &reason)
                .await
                .map_err(ApiError::from)?,
        )
    }

    /// Mails the user a new verification link; false when the address is already verified.
    async fn admin_resend_verification(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        reason: String,
    ) -> async_graphql::Result<bool> {
        let admin = admin_writer(ctx, AdminSection::Users).await?;
        let reason = services::admin::checked_reason(&reason).map_err(ApiError::from)?;
        let user = admin.user(id).await?;
        if user.email_verified {
            return Ok(false);
        }
        crate::graphql::recovery::mail_token(
            ctx,
            &user,
            entities::user_tokens::Purpose::VerifyEmail,
        )
        .await?;
        let entry = admin_audit::Entry {
            action: action::USER_VERIFICATION_SENT,
            target_kind: "user",
            target_id: Some(user.id.to_string()),
            target_label: Some(user.email.clone()),
            before: None,
            after: None,
            reason: Some(&reason),
        };
        admin_audit::record(admin.db(), &admin.actor, entry).await?;
        Ok(true)
    }
}

fn end_of_day(day: NaiveDate) -> ApiResult<chrono::DateTime<Utc>> {
    services::admin::end_of_day_wib(day)
        .ok_or_else(|| ApiError::rejected("until_invalid", "That day is out of range."))
}

/// After a change to the user's standing (plan, quota, suspension): every replica drops
/// their keys, so the next request reads it; answers the user as they are now.
async fn changed<T>(
    ctx: &Context<'_>,
    admin: &AdminCtx<'_>,
    user_id: Uuid,
    outcome: Result<T, services::ServiceError>,
) -> async_graphql::Result<AdminUserDetail> {
    outcome.map_err(ApiError::from)?;
    deps(ctx)
        .bus
        .publish(Message::PlanChanged { user_id })
        .await;
    Ok(detail(admin, user_id).await?)
}
