//! A plan's caps on connections (how many providers, how many subscription accounts) and the
//! one rule that applies them: to a new connection, to turning one back on, to a plan change
//! (connections over the caps are paused, never deleted; paused ones resume when the plan
//! allows them again) and to the user's own pick of which stay.

use std::collections::BTreeSet;

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};
use uuid::Uuid;

use crate::{
    AccountKind, AccountStatus, PlanCap, Provider, RepoError, Workspace, plans, provider_accounts,
};

/// What a plan change or a pick did to the user's connections.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fit {
    pub paused: u64,
    pub resumed: u64,
}

/// The connections a plan still has room for, filled one by one.
struct Room<'a> {
    plan: &'a plans::Model,
    providers: BTreeSet<String>,
    oauth: usize,
}

impl<'a> Room<'a> {
    fn new(plan: &'a plans::Model) -> Self {
        Self {
            plan,
            providers: BTreeSet::new(),
            oauth: 0,
        }
    }

    /// The cap adding a connection to `provider` of `kind` would break, if any.
    fn refusal(&self, provider: &str, kind: &str) -> Option<PlanCap> {
        let plan = self.plan;
        if let Some(max) = plan.max_providers
            && !self.providers.contains(provider)
            && self.providers.len() >= usize::try_from(max).unwrap_or(0)
        {
            let have: Vec<&str> = self.providers.iter().map(String::as_str).collect();
            return Some(PlanCap {
                reason: "plan_providers",
                plan: plan.name.clone(),
                max,
                message: format!(
                    "{} allows {max} provider{}; you have {}",
                    plan.name,
                    plural(max),
                    join_and(&have)
                ),
            });
        }
        if kind == AccountKind::OAuth.as_str()
            && let Some(max) = plan.max_oauth_accounts
            && self.oauth >= usize::try_from(max).unwrap_or(0)
        {
            return Some(PlanCap {
                reason: "plan_oauth_accounts",
                plan: plan.name.clone(),
                max,
                message: format!(
                    "{} allows {max} subscription (OAuth) account{}; you have {}",
                    plan.name,
                    plural(max),
                    self.oauth
                ),
            });
        }
        None
    }

    fn take(&mut self, provider: &str, kind: &str) {
        self.providers.insert(provider.to_owned());
        if kind == AccountKind::OAuth.as_str() {
            self.oauth += 1;
        }
    }

    /// Takes the connection if it fits; whether it did.
    fn admit(&mut self, account: &provider_accounts::Model) -> bool {
        let fits = self.refusal(&account.provider, &account.kind).is_none();
        if fits {
            self.take(&account.provider, &account.kind);
        }
        fits
    }

    /// The room left once `accounts` (those in use, except `except`) are counted.
    fn with_in_use(
        plan: &'a plans::Model,
        accounts: &[provider_accounts::Model],
        except: Option<Uuid>,
    ) -> Self {
        let mut room = Room::new(plan);
        accounts
            .iter()
            .filter(|a| Some(a.id) != except && counts(a))
            .for_each(|a| room.take(&a.provider, &a.kind));
        room
    }
}

fn counts(account: &provider_accounts::Model) -> bool {
    account
        .status()
        .is_some_and(AccountStatus::counts_against_plan)
}

/// The plan of the user, or of the team.
async fn workspace_plan(
    db: &impl ConnectionTrait,
    workspace: Workspace,
) -> Result<plans::Model, RepoError> {
    let plan_id = match workspace {
        Workspace::Personal(user_id) => {
            crate::users::Entity::find_by_id(user_id)
                .one(db)
                .await?
                .ok_or(RepoError::NotFound("user"))?
                .plan_id
        }
        Workspace::Team(team_id) => crate::teams::find(db, team_id).await?.plan_id,
    };
    plans::find(db, &plan_id)
        .await?
        .ok_or(RepoError::NotFound("plan"))
}

async fn live_accounts(
    db: &impl ConnectionTrait,
    workspace: Workspace,
) -> Result<Vec<provider_accounts::Model>, RepoError> {
    Ok(provider_accounts::list_in(db, workspace)
        .await?
        .into_iter()
        .filter(|a| a.status() != Some(AccountStatus::Revoked))
        .collect())
}

/// Whether `workspace` may add a connection to `provider` of `kind` under its plan.
pub async fn check_new_connection(
    db: &impl ConnectionTrait,
    workspace: Workspace,
    provider: Provider,
    kind: AccountKind,
) -> Result<(), RepoError> {
    let plan = workspace_plan(db, workspace).await?;
    let accounts = live_accounts(db, workspace).await?;
    match Room::with_in_use(&plan, &accounts, None).refusal(provider.as_str(), kind.as_str()) {
        Some(cap) => Err(RepoError::PlanLimit(cap)),
        None => Ok(()),
    }
}

/// Whether the plan has room to turn `account` (turned off or paused) back on.
pub async fn check_room(
    db: &impl ConnectionTrait,
    account: &provider_accounts::Model,
) -> Result<(), RepoError> {
    let plan = workspace_plan(db, account.workspace()).await?;
    let accounts = live_accounts(db, account.workspace()).await?;
    let room = Room::with_in_use(&plan, &accounts, Some(account.id));
    match room.refusal(&account.provider, &account.kind) {
        Some(cap) => Err(RepoError::PlanLimit(cap)),
        None => Ok(()),
    }
}

/// After a plan change: keeps the connections in use that fit (the most recently used first),
/// pauses the rest, and resumes paused ones the plan has room for again.
pub async fn fit(
    db: &impl ConnectionTrait,
    workspace: Workspace,
    plan: &plans::Model,
) -> Result<Fit, RepoError> {
    let mut accounts = live_accounts(db, workspace).await?;
    // Most recently used first, then oldest; never-used last.
    accounts.sort_by(|a, b| {
        b.last_used_at
            .cmp(&a.last_used_at)
            .then(a.created_at.cmp(&b.created_at))
    });
    let mut room = Room::new(plan);
    let mut pause = Vec::new();
    for account in accounts.iter().filter(|a| counts(a)) {
        if !room.admit(account) {
            pause.push(account.id);
        }
    }
    let resume: Vec<Uuid> = accounts
        .iter()
        .filter(|a| a.status() == Some(AccountStatus::Paused))
        .filter(|a| room.admit(a))
        .map(|a| a.id)
        .collect();
    Ok(Fit {
        paused: set_status(db, &pause, AccountStatus::Paused).await?,
        resumed: set_status(db, &resume, AccountStatus::Active).await?,
    })
}

/// The user's pick after a move to a smaller plan: `keep` are used (they must fit the plan
/// together); every other connection in use or paused is paused.
pub async fn keep(
    db: &DatabaseConnection,
    workspace: Workspace,
    keep: &[Uuid],
) -> Result<Fit, RepoError> {
    crate::retry_on_contention(|| keep_once(db, workspace, keep)).await
}

async fn keep_once(
    db: &DatabaseConnection,
    workspace: Workspace,
    keep: &[Uuid],
) -> Result<Fit, RepoError> {
    let txn = db.begin().await?;
    let plan = workspace_plan(&txn, workspace).await?;
    let accounts = live_accounts(&txn, workspace).await?;
    let mut room = Room::new(&plan);
    let mut resume = Vec::new();
    for id in keep {
        let account = accounts
            .iter()
            .find(|a| a.id == *id)
            .ok_or(RepoError::NotFound("connection"))?;
        if resume.contains(id) {
            continue;
        }
        if let Some(mut cap) = room.refusal(&account.provider, &account.kind) {
            cap.message = cap.message.replace("you have", "you picked");
            return Err(RepoError::PlanLimit(cap));
        }
        room.take(&account.provider, &account.kind);
        resume.push(*id);
    }
    let pause: Vec<Uuid> = accounts
        .iter()
        .filter(|a| !keep.contains(&a.id))
        .filter(|a| counts(a))
        .map(|a| a.id)
        .collect();
    let fit = Fit {
        paused: set_status(&txn, &pause, AccountStatus::Paused).await?,
        resumed: set_status(&txn, &resume, AccountStatus::Active).await?,
    };
    txn.commit().await?;
    Ok(fit)
}

/// Moves `ids` to `status` (an in-use connection keeps a status of its own, such as expired,
/// when it is kept); returns how many changed.
async fn set_status(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    status: AccountStatus,
) -> Result<u64, RepoError> {
    if ids.is_empty() {
        return Ok(0);
    }
    let mut update = provider_accounts::Entity::update_many()
        .col_expr(
            provider_accounts::Column::Status,
            Expr::value(status.as_str()),
        )
        .col_expr(
            provider_accounts::Column::UpdatedAt,
            Expr::value(Utc::now()),
        )
        .filter(provider_accounts::Column::Id.is_in(ids.iter().copied()));
    update = match status {
        // Only turned-off or paused connections come back on; in-use ones stay as they are.
        AccountStatus::Active => update.filter(provider_accounts::Column::Status.is_in([
            AccountStatus::Paused.as_str(),
            AccountStatus::Disabled.as_str(),
        ])),
        _ => update.filter(provider_accounts::Column::Status.ne(status.as_str())),
    };
    Ok(update.exec(db).await?.rows_affected)
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
