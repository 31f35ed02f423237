//! Subscription plans (seeded from the PRD tiers). `None` limits mean unlimited.

use std::collections::BTreeSet;

use sea_orm::QueryFilter;
use sea_orm::entity::prelude::*;

use crate::{AccountKind, AccountStatus, PlanCap, Provider, RepoError, provider_accounts, users};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    pub price_idr: Option<i64>,
    pub price_usd_cents: Option<i64>,
    pub monthly_requests: Option<i64>,
    pub max_oauth_accounts: Option<i32>,
    pub max_providers: Option<i32>,
    pub max_members: Option<i32>,
    pub requests_per_minute: Option<i64>,
    pub tokens_per_minute: Option<i64>,
    pub sort_order: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub async fn find(db: &impl ConnectionTrait, id: &str) -> Result<Option<Model>, DbErr> {
    Entity::find_by_id(id.to_owned()).one(db).await
}

pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<Model>, DbErr> {
    use sea_orm::QueryOrder;
    Entity::find().order_by_asc(Column::SortOrder).all(db).await
}

/// Whether `user_id` may add a connection to `provider` of `kind` under their plan: the number of
/// providers and of subscription (OAuth) accounts are capped per plan. Revoked connections do
/// not count.
pub async fn check_new_connection(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    provider: Provider,
    kind: AccountKind,
) -> Result<(), RepoError> {
    let user = users::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("user"))?;
    let Some(plan) = find(db, &user.plan_id).await? else {
        return Err(RepoError::NotFound("plan"));
    };
    let connections = provider_accounts::Entity::find()
        .filter(provider_accounts::Column::UserId.eq(user_id))
        .filter(provider_accounts::Column::Status.ne(AccountStatus::Revoked.as_str()))
        .all(db)
        .await?;
    let providers: BTreeSet<&str> = connections.iter().map(|c| c.provider.as_str()).collect();
    if let Some(max) = plan.max_providers
        && !providers.contains(provider.as_str())
        && providers.len() >= usize::try_from(max).unwrap_or(0)
    {
        let have: Vec<&str> = providers.into_iter().collect();
        return Err(RepoError::PlanLimit(PlanCap {
            reason: "plan_providers",
            plan: plan.name.clone(),
            max,
            message: format!(
                "{} allows {max} provider{}; you have {}",
                plan.name,
                plural(max),
                join_and(&have)
            ),
        }));
    }
    let oauth = connections
        .iter()
        .filter(|c| c.kind == AccountKind::OAuth.as_str())
        .count();
    if kind == AccountKind::OAuth
        && let Some(max) = plan.max_oauth_accounts
        && oauth >= usize::try_from(max).unwrap_or(0)
    {
        return Err(RepoError::PlanLimit(PlanCap {
            reason: "plan_oauth_accounts",
            plan: plan.name.clone(),
            max,
            message: format!(
                "{} allows {max} subscription (OAuth) account{}; you have {oauth}",
                plan.name,
                plural(max)
            ),
        }));
    }
    Ok(())
}

fn plural(n: i32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => "none".to_owned(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        assert_eq!(join_and(&[]), "none");
        assert_eq!(join_and(&["anthropic"]), "anthropic");
        assert_eq!(join_and(&["anthropic", "openai"]), "anthropic and openai");
        assert_eq!(join_and(&["a", "b", "c"]), "a, b and c");
    }
}
