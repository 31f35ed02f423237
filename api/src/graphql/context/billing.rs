//! The user's plan, subscription periods, invoices, payments, checkout and plan changes.

use billing::quote::{self, Quote};
use billing::{Billing, Checkout, CheckoutError};
use chrono::Utc;
use entities::billing::plan_change::{self, ChangeError};
use entities::billing::tax::TaxRule;
use entities::billing::{attempts, invoices, periods};
use entities::{Workspace, plans, users};
use sea_orm::EntityTrait;
use uuid::Uuid;

use super::UserCtx;
use crate::graphql::error::{ApiError, ApiResult};

impl UserCtx<'_> {
    /// A plan by id (the user's own, or the one a period moves to); a missing one is an error.
    pub(crate) async fn plan(&self, id: &str) -> ApiResult<plans::Model> {
        plans::find(self.db, id)
            .await?
            .ok_or(ApiError::NotFound("Plan"))
    }

    /// The plan of the workspace: the user's own, or the team's.
    pub(crate) async fn workspace_plan(&self) -> ApiResult<plans::Model> {
        let plan_id = match self.workspace() {
            Workspace::Personal(_) => self.user().await?.plan_id,
            Workspace::Team(team_id) => entities::teams::find(self.db, team_id).await?.plan_id,
        };
        self.plan(&plan_id).await
    }

    /// Invoices and credit notes, newest first.
    pub(crate) async fn invoices(&self) -> ApiResult<Vec<invoices::Model>> {
        Ok(invoices::for_user(self.db, self.user_id).await?)
    }

    /// One of the user's invoices; another user's reads as none.
    pub(crate) async fn invoice(&self, id: Uuid) -> ApiResult<Option<invoices::Model>> {
        let invoice = invoices::Entity::find_by_id(id).one(self.db).await?;
        Ok(invoice.filter(|i| i.user_id == self.user_id))
    }

    /// Payment attempts, newest first.
    pub(crate) async fn payments(&self) -> ApiResult<Vec<attempts::Model>> {
        Ok(attempts::for_user(self.db, self.user_id).await?)
    }

    /// One of the user's payments by its order id; another user's reads as none.
    pub(crate) async fn payment(&self, order_id: &str) -> ApiResult<Option<attempts::Model>> {
        let attempt = attempts::find(self.db, order_id).await?;
        Ok(attempt.filter(|a| a.user_id == self.user_id))
    }

    /// What buying `plan` costs now; none when it is not for sale. `me`: this user's row
    /// (from [`UserCtx::user`]).
    pub(crate) async fn quote(
        &self,
        tax: &TaxRule,
        me: &users::Model,
        plan: &str,
    ) -> ApiResult<Option<Quote>> {
        Ok(quote::quote(self.db, tax, me, plan, Utc::now()).await?)
    }

    /// An invoice and a Snap page for `plan`; `me` as for [`UserCtx::quote`]. The domain error
    /// comes back as it is: the resolver says it in the API's words.
    pub(crate) async fn start_checkout(
        &self,
        billing: &Billing,
        me: &users::Model,
        plan: &str,
    ) -> Result<Checkout, CheckoutError> {
        billing::start_checkout(self.db, billing, me, plan).await
    }

    /// Sets what follows the running period (`None`: renew as before).
    pub(crate) async fn schedule_plan_change(
        &self,
        next: Option<&str>,
    ) -> Result<periods::Model, ChangeError> {
        plan_change::schedule(self.db, self.user_id, next).await
    }

    /// The period of `plan_id` in force now, if any.
    pub(crate) async fn current_period(&self, plan_id: &str) -> ApiResult<Option<periods::Model>> {
        Ok(periods::current(self.db, self.user_id, plan_id, Utc::now()).await?)
    }
}
