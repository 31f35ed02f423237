//! Command-line interface. Operators and scripts depend on these names and flags.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "satu", version, about = "One API key for every AI model")]
pub struct Cli {
    /// Configuration file (default: ./satu.toml when present).
    #[arg(long, global = true, env = "SATU_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run Satu: every role in one process by default.
    Serve(ServeArgs),
    /// Run database migrations and exit.
    Migrate,
    /// Print the GraphQL schema (SDL); `schema.graphql` at the repository root is this output.
    Schema,
    /// Operator commands.
    #[command(subcommand)]
    Admin(AdminCommand),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (overrides server.bind).
    #[arg(long)]
    pub bind: Option<SocketAddr>,
    #[arg(long, value_enum, default_value_t = Role::All)]
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Role {
    /// Proxy, API and worker in one process (the embedded default).
    All,
    /// The data plane: /v1 endpoints.
    Proxy,
    /// The control plane.
    Api,
    /// Background jobs.
    Worker,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::All => "all",
            Role::Proxy => "proxy",
            Role::Api => "api",
            Role::Worker => "worker",
        }
    }
    pub fn runs_proxy(self) -> bool {
        matches!(self, Role::All | Role::Proxy)
    }
    pub fn serves_web(self) -> bool {
        matches!(self, Role::All | Role::Api)
    }
    pub fn runs_worker(self) -> bool {
        matches!(self, Role::All | Role::Worker)
    }
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create a user; prints the user id.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        password: Option<String>,
        #[arg(long, default_value = "free", value_parser = ["free", "starter", "pro", "team", "enterprise"])]
        plan: String,
        #[arg(long, value_parser = ["super_admin", "support", "finance"])]
        platform_role: Option<String>,
    },
    /// Create a team owned by an existing user; prints the team's id.
    CreateTeam {
        /// The owner's email.
        #[arg(long)]
        owner: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "team", value_parser = ["team", "enterprise"])]
        plan: String,
    },
    /// Create a Satu API key; prints the secret alone on the last line (shown once).
    CreateKey {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "default")]
        name: String,
    },
    /// Connect a provider account with an API key; prints the account id.
    AddAccount {
        #[arg(long)]
        email: String,
        #[arg(long)]
        provider: String,
        #[arg(long)]
        api_key: String,
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long)]
        label: Option<String>,
        /// Comma-separated model names this account serves (default: its provider's catalog).
        #[arg(long, value_delimiter = ',')]
        models: Vec<String>,
        /// Store the key without asking the provider whether it works.
        #[arg(long)]
        skip_check: bool,
    },
    /// Connect a subscription by signing in: prints the address to open (or the device code),
    /// then reads the pasted final address from stdin (or polls); prints the account id last.
    Connect {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["anthropic", "openai", "gemini", "qwen"])]
        provider: String,
        /// Sign in with a device code instead of pasting an address back (openai, qwen).
        #[arg(long)]
        device: bool,
        #[arg(long)]
        label: Option<String>,
    },
    /// Connect a subscription from the credential file its official CLI wrote
    /// (~/.claude/.credentials.json, ~/.codex/auth.json, ~/.gemini/oauth_creds.json,
    /// ~/.qwen/oauth_creds.json); prints the account id.
    ImportCredentials {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["anthropic", "openai", "gemini", "qwen"])]
        provider: String,
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        label: Option<String>,
    },
    /// Revoke a provider connection: its sealed credentials are deleted for good.
    RevokeAccount {
        #[arg(long)]
        email: String,
        #[arg(long)]
        id: uuid::Uuid,
    },
    /// List a user's provider accounts with their status and cooldowns.
    Accounts {
        #[arg(long)]
        email: String,
        #[arg(long)]
        json: bool,
    },
    /// Replace a user's routing rules with the ones in a TOML file.
    SetRouting {
        #[arg(long)]
        email: String,
        #[arg(long)]
        file: PathBuf,
    },
    /// List the plans with their prices and limits.
    Plans,
    /// Show the model catalog (prices in USD per million tokens, retirements); with --file,
    /// apply a catalog file (see services/catalog/models.toml): new models are added, changed
    /// ones updated, and running servers use it within a minute.
    Catalog {
        #[arg(long)]
        file: Option<PathBuf>,
    },
    /// Override a user's plan limits (enterprise deals, support); a flag left out returns that
    /// limit to the plan's value.
    SetLimits {
        #[arg(long)]
        email: String,
        /// Requests per billing period.
        #[arg(long)]
        monthly_requests: Option<i64>,
        /// Requests per minute across all the user's keys.
        #[arg(long)]
        rpm: Option<i64>,
        /// Tokens per minute across all the user's keys.
        #[arg(long)]
        tpm: Option<i64>,
    },
    /// Give one API key its own per-minute limits; a flag left out returns that limit to the
    /// plan's value.
    SetKeyLimits {
        #[arg(long)]
        key_id: uuid::Uuid,
        #[arg(long)]
        rpm: Option<i64>,
        #[arg(long)]
        tpm: Option<i64>,
    },
    /// Show a user's recent usage rows.
    Usage {
        #[arg(long)]
        email: String,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 50)]
        limit: u64,
    },
    /// Put a user on a plan now (manual and enterprise deals), optionally until a date; their
    /// quota period restarts today. Running servers apply it within the key cache TTL.
    SetPlan {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["free", "starter", "pro", "team", "enterprise"])]
        plan: String,
        /// The last day of the deal (YYYY-MM-DD, through midnight WIB); then it renews or lapses
        /// like a paid period.
        #[arg(long)]
        until: Option<chrono::NaiveDate>,
        /// Why, for the operators' audit trail.
        #[arg(long, default_value = "changed on the command line")]
        reason: String,
    },
    /// Write an invoice or credit note as PDF (`--number INV/2026/000123`).
    Invoice {
        #[arg(long)]
        number: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Show the newest emails Satu wrote (with their links), to one address with --email.
    /// Without SMTP configured, mail stays queued: this is how to read it.
    Emails {
        #[arg(long)]
        email: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: u64,
    },
    /// Seal every stored credential again under the current master key, so that a key in
    /// security.previous_master_keys can be retired. Safe to run while Satu serves.
    Reseal,
}
