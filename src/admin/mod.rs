//! `satu admin …`: operator commands. Each either completes or changes nothing, and reports a
//! problem in one line. The rules they apply are the service layer's, the same as GraphQL's.

mod accounts;
mod catalog;
mod connect;
mod emails;
mod limits;
mod usage;

use std::io::Write;

use anyhow::{Context, bail};
use entities::admin_audit::Actor;
use entities::routing_rules::RoutingConfig;
use entities::{Provider, RepoError, Workspace, api_keys, users};
use sea_orm::DatabaseConnection;
use services::ServiceError;
use services::connections::{KeyChecks, NewKeyConnection};
use uuid::Uuid;

use crate::cli::AdminCommand;
use crate::config::Config;
use crate::master_key;

pub async fn run(
    config: &Config,
    db: &DatabaseConnection,
    command: AdminCommand,
) -> anyhow::Result<()> {
    let admin = Admin {
        config,
        db,
        out: std::io::stdout().lock(),
    };
    admin.run(command).await
}

/// One operator command's surroundings: configuration, database, where answers go.
struct Admin<'a, W> {
    config: &'a Config,
    db: &'a DatabaseConnection,
    out: W,
}

impl<W: Write> Admin<'_, W> {
    async fn run(mut self, command: AdminCommand) -> anyhow::Result<()> {
        use AdminCommand as C;
        match command {
            C::CreateUser {
                email,
                password,
                plan,
                platform_role,
            } => {
                self.create_user(&email, password, &plan, platform_role.as_deref())
                    .await
            }
            C::CreateKey { email, name } => self.create_key(&email, &name).await,
            C::CreateTeam { owner, name, plan } => self.create_team(&owner, &name, &plan).await,
            C::AddAccount {
                email,
                provider,
                api_key,
                base_url,
                label,
                models,
                skip_check,
            } => {
                let provider: Provider = provider.parse()?;
                let user = self.user(&email).await?;
                let new = NewKeyConnection {
                    provider,
                    api_key: &api_key,
                    base_url: base_url.as_deref(),
                    label: label.as_deref(),
                    models,
                    skip_check,
                };
                self.add_account(user.id, new).await
            }
            C::Connect {
                email,
                provider,
                device,
                label,
            } => {
                let user = self.user(&email).await?;
                let id = connect::connect(self.config, self.db, user.id, &provider, device, label)
                    .await?;
                Ok(writeln!(self.out, "{id}")?)
            }
            C::ImportCredentials {
                email,
                provider,
                file,
                label,
            } => {
                let user = self.user(&email).await?;
                let id =
                    connect::import(self.config, self.db, user.id, &provider, &file, label).await?;
                Ok(writeln!(self.out, "{id}")?)
            }
            C::RevokeAccount { email, id } => self.revoke_account(&email, id).await,
            C::Accounts { email, json } => {
                let user = self.user(&email).await?;
                accounts::print(self.db, user.id, json, &mut self.out).await
            }
            C::SetRouting { email, file } => self.set_routing(&email, &file).await,
            C::Plans => limits::print_plans(self.db, &mut self.out).await,
            C::Catalog { file: Some(file) } => {
                catalog::apply_file(self.db, &file, &mut self.out).await
            }
            C::Catalog { file: None } => catalog::print(self.db, &mut self.out).await,
            C::SetLimits {
                email,
                monthly_requests,
                rpm,
                tpm,
            } => {
                let limits = users::LimitOverrides {
                    monthly_requests,
                    rpm,
                    tpm,
                };
                self.set_limits(&email, limits).await
            }
            C::SetKeyLimits { key_id, rpm, tpm } => self.set_key_limits(key_id, rpm, tpm).await,
            C::Reseal => reseal(self.config, self.db, &mut self.out).await,
            C::SetPlan {
                email,
                plan,
                until,
                reason,
            } => self.set_plan(&email, &plan, until, &reason).await,
            C::Invoice { number, out } => self.invoice(&number, &out).await,
            C::Emails { email, limit } => {
                emails::print_emails(self.config, self.db, email.as_deref(), limit, &mut self.out)
                    .await
            }
            C::Usage { email, json, limit } => {
                let user = self.user(&email).await?;
                usage::print(self.db, user.id, json, limit, &mut self.out).await
            }
        }
    }

    async fn user(&self, email: &str) -> anyhow::Result<users::Model> {
        users::find_by_email(self.db, email)
            .await
            .map_err(|e| match e {
                RepoError::NotFound(_) => anyhow::anyhow!("no user with email {email}"),
                other => anyhow::anyhow!(other),
            })
    }

    async fn create_user(
        &mut self,
        email: &str,
        password: Option<String>,
        plan: &str,
        platform_role: Option<&str>,
    ) -> anyhow::Result<()> {
        let new = services::users::ManualUser {
            email,
            password,
            plan_id: plan,
            platform_role,
        };
        let user = services::users::create(self.db, new)
            .await
            .map_err(service)?;
        Ok(writeln!(self.out, "{}", user.id)?)
    }

    async fn create_team(&mut self, owner: &str, name: &str, plan: &str) -> anyhow::Result<()> {
        let owner = self.user(owner).await?;
        let team = services::teams::create(self.db, owner.id, name, Some(plan))
            .await
            .map_err(service)?;
        Ok(writeln!(self.out, "{}", team.id)?)
    }

    async fn create_key(&mut self, email: &str, name: &str) -> anyhow::Result<()> {
        let user = self.user(email).await?;
        let (key, secret) = api_keys::create(self.db, user.id, name).await?;
        writeln!(self.out, "key id: {}", key.id)?;
        writeln!(self.out, "name: {}", key.name)?;
        writeln!(self.out, "Store this key now; it is shown only once:")?;
        Ok(writeln!(self.out, "{secret}")?)
    }

    async fn add_account(
        &mut self,
        user_id: Uuid,
        new: NewKeyConnection<'_>,
    ) -> anyhow::Result<()> {
        let private = self.config.proxy.allow_private_upstreams;
        let checks = KeyChecks {
            http: proxy::oauth::oauth_client(&self.config.oauth, private)?,
            providers: self.config.providers.clone(),
            allow_private_upstreams: private,
        };
        let checked = checks.check(new).await.map_err(|e| match e {
            ServiceError::Unreachable(m) => {
                anyhow::anyhow!("{m} (add --skip-check to store it anyway)")
            }
            other => service(other),
        })?;
        // Only now: the first use of the sealer may create the master key.
        let sealer = master_key::sealer(self.config)?;
        let account = services::connections::add_api_key(
            self.db,
            &sealer,
            Workspace::Personal(user_id),
            user_id,
            checked,
        )
        .await
        .map_err(service)?;
        Ok(writeln!(self.out, "{}", account.id)?)
    }

    async fn revoke_account(&mut self, email: &str, id: Uuid) -> anyhow::Result<()> {
        let user = self.user(email).await?;
        entities::provider_accounts::revoke(self.db, Workspace::Personal(user.id), id).await?;
        Ok(writeln!(self.out, "revoked {id}")?)
    }

    async fn set_routing(&mut self, email: &str, file: &std::path::Path) -> anyhow::Result<()> {
        let user = self.user(email).await?;
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        let config: RoutingConfig = toml::from_str(&text)
            .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), e.message()))?;
        let rules = config.rules.len();
        services::routing::set(self.db, Workspace::Personal(user.id), config)
            .await
            .map_err(service)?;
        Ok(writeln!(self.out, "routing saved: {rules} rule(s)")?)
    }

    async fn set_limits(
        &mut self,
        email: &str,
        limits: users::LimitOverrides,
    ) -> anyhow::Result<()> {
        let user = self.user(email).await?;
        users::set_limits(self.db, user.id, limits).await?;
        Ok(writeln!(
            self.out,
            "limits saved for {email} (in effect within the key cache TTL)"
        )?)
    }

    async fn set_key_limits(
        &mut self,
        key_id: Uuid,
        rpm: Option<i64>,
        tpm: Option<i64>,
    ) -> anyhow::Result<()> {
        api_keys::set_limits(self.db, key_id, rpm, tpm).await?;
        Ok(writeln!(
            self.out,
            "limits saved for key {key_id} (in effect within the key cache TTL)"
        )?)
    }

    async fn set_plan(
        &mut self,
        email: &str,
        plan: &str,
        until: Option<chrono::NaiveDate>,
        reason: &str,
    ) -> anyhow::Result<()> {
        let user = self.user(email).await?;
        let ends = match until {
            Some(day) => {
                Some(services::admin::end_of_day_wib(day).context("--until is out of range")?)
            }
            None => None,
        };
        let change = services::admin::PlanChange {
            plan_id: plan,
            until: ends,
            reason,
        };
        services::admin::set_plan(self.db, &Actor::command_line(), user.id, change)
            .await
            .map_err(service)?;
        let until = until.map_or("from now".to_owned(), |day| format!("until {day}"));
        Ok(writeln!(
            self.out,
            "{email} is on {plan} {until} (in effect within the key cache TTL)"
        )?)
    }

    async fn invoice(&mut self, number: &str, path: &std::path::Path) -> anyhow::Result<()> {
        let invoice = entities::billing::invoices::find_by_number(self.db, number)
            .await
            .context("reading the invoice")?
            .with_context(|| format!("no invoice numbered {number}"))?;
        let pdf = billing::invoice_pdf::for_invoice(self.db, &invoice, &self.config.seller())
            .await
            .context("rendering the invoice")?;
        std::fs::write(path, pdf).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(writeln!(
            self.out,
            "{} written to {}",
            invoice.number,
            path.display()
        )?)
    }
}

/// A service-layer refusal in one line for the operator.
fn service(e: ServiceError) -> anyhow::Error {
    anyhow::anyhow!(e.message())
}

async fn reseal(
    config: &Config,
    db: &DatabaseConnection,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let sealer = master_key::sealer(config)?;
    let report = entities::reseal::reseal_all(db, &sealer)
        .await
        .context("resealing credentials")?;
    writeln!(
        out,
        "{} of {} sealed values resealed under key {}",
        report.resealed,
        report.checked,
        sealer.current_id()
    )?;
    if !report.unreadable.is_empty() {
        let rows: Vec<String> = report.unreadable.iter().map(ToString::to_string).collect();
        bail!(
            "{} sealed values open with no configured key (rows {}); keep their key in security.previous_master_keys",
            rows.len(),
            rows.join(", ")
        );
    }
    writeln!(
        out,
        "every sealed value now uses key {}; earlier keys can leave security.previous_master_keys",
        sealer.current_id()
    )?;
    Ok(())
}
