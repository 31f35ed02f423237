//! Users of Satu.

use chrono::Utc;
use sea_orm::{ActiveValue::Set, QueryFilter, entity::prelude::*, sea_query::Expr};

use crate::RepoError;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub email: String,
    pub password_hash: Option<String>,
    pub plan_id: String,
    pub platform_role: Option<String>,
    pub email_verified: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Monthly quota periods start on this instant's day and time; `None`: the sign-up time.
    pub billing_anchor_at: Option<DateTimeUtc>,
    /// Operator overrides of the plan's limits (`None`: the plan's value).
    pub monthly_requests_limit: Option<i64>,
    pub rpm_limit: Option<i64>,
    pub tpm_limit: Option<i64>,
    pub display_name: Option<String>,
    /// `id` (Bahasa Indonesia) or `en`; `None`: the browser's choice.
    pub locale: Option<String>,
    /// The Google account (`sub`) this user signs in with.
    #[sea_orm(unique)]
    pub google_sub: Option<String>,
    /// Emails the user wants (see `Notifications`).
    pub notify_quota_80: bool,
    pub notify_quota_100: bool,
    pub notify_connection_expired: bool,
    /// When an operator suspended the account: its keys and sessions stop working.
    pub suspended_at: Option<DateTimeUtc>,
    /// Requests an operator granted on top of the monthly quota, until the end of the period
    /// they were granted in.
    pub extra_requests: Option<i64>,
    pub extra_requests_until: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// Extra requests granted for the period running at `now` (0 once it ended).
    pub fn extra_requests_at(&self, now: DateTimeUtc) -> i64 {
        match (self.extra_requests, self.extra_requests_until) {
            (Some(extra), Some(until)) if now < until => extra,
            _ => 0,
        }
    }
}

/// Operator roles; ordinary users have none.
pub const PLATFORM_ROLES: [&str; 3] = ["super_admin", "support", "finance"];

pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: Option<String>,
    pub plan_id: &'a str,
    pub platform_role: Option<&'a str>,
}

/// Lower-cases and checks an email address; the stored form is the normalised one.
pub fn normalize_email(email: &str) -> Result<String, RepoError> {
    let email = email.trim().to_lowercase();
    let invalid = |reason: &str| RepoError::Invalid {
        field: "email",
        reason: reason.to_owned(),
    };
    let (local, domain) = email.split_once('@').ok_or_else(|| invalid("missing @"))?;
    if local.is_empty() || domain.is_empty() || !domain.contains('.') || domain.starts_with('.') {
        return Err(invalid("expected name@domain.tld"));
    }
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid("contains spaces or is too long"));
    }
    Ok(email)
}

pub async fn create(db: &impl ConnectionTrait, new: NewUser<'_>) -> Result<Model, RepoError> {
    let email = normalize_email(new.email)?;
    if crate::plans::find(db, new.plan_id).await?.is_none() {
        return Err(RepoError::Invalid {
            field: "plan",
            reason: format!("no plan named `{}`", new.plan_id),
        });
    }
    if let Some(role) = new.platform_role
        && !PLATFORM_ROLES.contains(&role)
    {
        return Err(RepoError::Invalid {
            field: "platform role",
            reason: format!("`{role}` (expected one of: {})", PLATFORM_ROLES.join(", ")),
        });
    }
    let now = Utc::now();
    let user = ActiveModel {
        id: Set(Uuid::new_v4()),
        email: Set(email),
        password_hash: Set(new.password_hash),
        plan_id: Set(new.plan_id.to_owned()),
        platform_role: Set(new.platform_role.map(str::to_owned)),
        email_verified: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        billing_anchor_at: Set(Some(now)),
        monthly_requests_limit: Set(None),
        rpm_limit: Set(None),
        tpm_limit: Set(None),
        display_name: Set(None),
        locale: Set(None),
        google_sub: Set(None),
        notify_quota_80: Set(true),
        notify_quota_100: Set(true),
        notify_connection_expired: Set(true),
        suspended_at: Set(None),
        extra_requests: Set(None),
        extra_requests_until: Set(None),
    };
    user.insert(db)
        .await
        .map_err(|e| RepoError::on_unique(e, "a user with this email"))
}

/// Operator overrides of a user's plan limits; `None` returns a limit to the plan's value.
pub struct LimitOverrides {
    pub monthly_requests: Option<i64>,
    pub rpm: Option<i64>,
    pub tpm: Option<i64>,
}

pub async fn set_limits(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    limits: LimitOverrides,
) -> Result<(), RepoError> {
    use crate::api_keys::check_limit;
    check_limit("requests per month", limits.monthly_requests)?;
    check_limit("requests per minute", limits.rpm)?;
    check_limit("tokens per minute", limits.tpm)?;
    let updated = Entity::update_many()
        .col_expr(
            Column::MonthlyRequestsLimit,
            Expr::value(limits.monthly_requests),
        )
        .col_expr(Column::RpmLimit, Expr::value(limits.rpm))
        .col_expr(Column::TpmLimit, Expr::value(limits.tpm))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(user_id))
        .exec(db)
        .await?;
    RepoError::updated(updated.rows_affected, "user")
}

/// Moves the instant monthly periods are counted from (a subscription starting or renewing).
pub async fn set_billing_anchor(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    anchor: DateTimeUtc,
) -> Result<(), RepoError> {
    let updated = Entity::update_many()
        .col_expr(Column::BillingAnchorAt, Expr::value(anchor))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(user_id))
        .exec(db)
        .await?;
    RepoError::updated(updated.rows_affected, "user")
}

/// Puts the user on `plan_id` with monthly quota periods starting at `anchor` (a payment starts
/// a fresh period).
pub async fn set_plan(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    plan_id: &str,
    anchor: DateTimeUtc,
) -> Result<crate::plan_caps::Fit, RepoError> {
    let Some(plan) = crate::plans::find(db, plan_id).await? else {
        return Err(RepoError::Invalid {
            field: "plan",
            reason: format!("no plan named `{plan_id}`"),
        });
    };
    let updated = Entity::update_many()
        .col_expr(Column::PlanId, Expr::value(plan_id))
        .col_expr(Column::BillingAnchorAt, Expr::value(anchor))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(user_id))
        .exec(db)
        .await?;
    RepoError::updated(updated.rows_affected, "user")?;
    crate::teams::follow_owner(db, user_id, &plan).await?;
    // Connections follow the plan: over its caps they pause, within them they resume.
    crate::plan_caps::fit(db, crate::Workspace::Personal(user_id), &plan).await
}

/// Languages the dashboard and emails speak.
pub const LOCALES: [&str; 2] = ["id", "en"];

#[derive(Clone, Debug, Default)]
pub struct Profile {
    pub display_name: Option<String>,
    pub locale: Option<String>,
}

impl Profile {
    /// The profile as stored: the display name trimmed (1–80 characters; empty clears it), the
    /// language one of `LOCALES`.
    pub fn checked(self) -> Result<Profile, RepoError> {
        let name = self
            .display_name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty());
        if let Some(n) = &name
            && (n.chars().count() > 80 || n.chars().any(char::is_control))
        {
            return Err(RepoError::Invalid {
                field: "display name",
                reason: "must be at most 80 characters, without control characters".to_owned(),
            });
        }
        if let Some(l) = &self.locale
            && !LOCALES.contains(&l.as_str())
        {
            return Err(RepoError::Invalid {
                field: "locale",
                reason: format!("`{l}` (expected one of: {})", LOCALES.join(", ")),
            });
        }
        Ok(Profile {
            display_name: name,
            locale: self.locale,
        })
    }
}

/// Sets the display name and language (see `Profile::checked`).
pub async fn update_profile(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    profile: Profile,
) -> Result<Model, RepoError> {
    let profile = profile.checked()?;
    let user = Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("user"))?;
    let mut row: ActiveModel = user.into();
    row.display_name = Set(profile.display_name);
    row.locale = Set(profile.locale);
    row.updated_at = Set(Utc::now());
    Ok(row.update(db).await?)
}

/// Which emails the user wants; `None` leaves a choice as it is.
#[derive(Clone, Copy, Debug, Default)]
pub struct Notifications {
    pub quota_80: Option<bool>,
    pub quota_100: Option<bool>,
    pub connection_expired: Option<bool>,
}

pub async fn update_notifications(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    changes: Notifications,
) -> Result<Model, RepoError> {
    let user = Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("user"))?;
    let mut row: ActiveModel = user.into();
    if let Some(on) = changes.quota_80 {
        row.notify_quota_80 = Set(on);
    }
    if let Some(on) = changes.quota_100 {
        row.notify_quota_100 = Set(on);
    }
    if let Some(on) = changes.connection_expired {
        row.notify_connection_expired = Set(on);
    }
    row.updated_at = Set(Utc::now());
    Ok(row.update(db).await?)
}

/// Replaces the password hash (the caller has checked the old password and the new one).
pub async fn set_password_hash(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    hash: String,
) -> Result<(), RepoError> {
    let updated = Entity::update_many()
        .col_expr(Column::PasswordHash, Expr::value(hash))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(user_id))
        .exec(db)
        .await?;
    RepoError::updated(updated.rows_affected, "user")
}

pub async fn mark_email_verified(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<(), RepoError> {
    let updated = Entity::update_many()
        .col_expr(Column::EmailVerified, Expr::value(true))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(user_id))
        .exec(db)
        .await?;
    RepoError::updated(updated.rows_affected, "user")
}

pub async fn find_by_google_sub(
    db: &impl ConnectionTrait,
    sub: &str,
) -> Result<Option<Model>, RepoError> {
    Ok(Entity::find()
        .filter(Column::GoogleSub.eq(sub))
        .one(db)
        .await?)
}

/// Links a Google account (its `sub`) to the user; Google verified the email.
pub async fn link_google(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    sub: &str,
) -> Result<Model, RepoError> {
    let user = Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("user"))?;
    let mut row: ActiveModel = user.into();
    row.google_sub = Set(Some(sub.to_owned()));
    row.email_verified = Set(true);
    row.updated_at = Set(Utc::now());
    row.update(db)
        .await
        .map_err(|e| RepoError::on_unique(e, "a user with this Google account"))
}

pub async fn find_by_email(db: &impl ConnectionTrait, email: &str) -> Result<Model, RepoError> {
    let email = normalize_email(email)?;
    Entity::find()
        .filter(Column::Email.eq(email))
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("user"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            super::normalize_email(" Ana@Example.COM ").unwrap(),
            "ana@example.com"
        );
        for bad in ["", "ana", "ana@", "@x.com", "ana@localhost", "a b@x.com"] {
            assert!(super::normalize_email(bad).is_err(), "{bad}");
        }
    }
}
