//! The admin panel's API: every field is `admin…`, answers only operators whose platform role
//! opens its section (`access`), and every change is written to the audit trail with the
//! operator, their role, the reason and the values before and after. See docs/admin.md.

pub mod access;
mod analytics;
mod audit;
mod finance;
mod health;
mod impersonation;
mod live;
mod logs;
mod overview;
mod queries;
mod types;
mod users;

use async_graphql::{Context, MergedObject, MergedSubscription, Object};

use self::access::{AdminSection, sections};
use self::types::AdminMe;
use super::context::admin::admin_reader;

#[derive(MergedObject, Default)]
pub struct AdminQuery(
    AdminMeQuery,
    overview::AdminOverviewQuery,
    users::AdminUsersQuery,
    audit::AdminAuditQuery,
    impersonation::AdminImpersonationQuery,
    finance::AdminFinanceQuery,
    health::AdminHealthQuery,
    logs::AdminLogsQuery,
    analytics::AdminAnalyticsQuery,
    queries::AdminQueriesQuery,
);

#[derive(MergedObject, Default)]
pub struct AdminMutation(
    users::AdminUsersMutation,
    impersonation::AdminImpersonationMutation,
    finance::AdminFinanceMutation,
    queries::AdminQueriesMutation,
);

#[derive(MergedSubscription, Default)]
pub struct AdminSubscription(live::AdminLiveSubscription);

#[derive(Default)]
pub struct AdminMeQuery;

#[Object]
impl AdminMeQuery {
    /// The signed-in operator's role and the panel sections it opens ("not found" for
    /// everyone else).
    async fn admin_me(&self, ctx: &Context<'_>) -> async_graphql::Result<AdminMe> {
        // Any section an operator has: the overview for finance, users for support.
        let admin = match admin_reader(ctx, AdminSection::Users).await {
            Ok(admin) => admin,
            Err(_) => admin_reader(ctx, AdminSection::Overview).await?,
        };
        Ok(AdminMe {
            user_id: admin.actor.user_id.unwrap_or_default(),
            email: admin.actor.email.clone(),
            role: admin.role,
            sections: sections(admin.role),
        })
    }
}
