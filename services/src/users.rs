//! Creating a user by hand (`satu admin create-user`): the same password policy as sign-up.

use entities::users::{self, NewUser};
use sea_orm::ConnectionTrait;

use crate::{ServiceError, passwords};

pub struct ManualUser<'a> {
    pub email: &'a str,
    /// None: the user signs in with Google or sets one through "forgot password".
    pub password: Option<String>,
    pub plan_id: &'a str,
    pub platform_role: Option<&'a str>,
}

pub async fn create(
    db: &impl ConnectionTrait,
    new: ManualUser<'_>,
) -> Result<users::Model, ServiceError> {
    let email = users::normalize_email(new.email)?;
    let password_hash = match new.password {
        Some(password) => Some(passwords::checked_hash(password, &email).await?),
        None => None,
    };
    let user = users::create(
        db,
        NewUser {
            email: &email,
            password_hash,
            plan_id: new.plan_id,
            platform_role: new.platform_role,
        },
    )
    .await?;
    Ok(user)
}
