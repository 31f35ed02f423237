//! Messages to a team's Slack incoming webhook: queued here once per event (the dedupe key
//! names it), delivered by the worker, retried with backoff on failures Slack may recover
//! from. Only teams with a webhook get them.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set,
    QueryFilter, QueryOrder, QuerySelect,
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, OnConflict},
};

use crate::{RepoError, teams};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "team_notices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub team_id: Uuid,
    /// `quota`, `budget`, `connection_expired` or `test`.
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    #[sea_orm(unique)]
    pub dedupe_key: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTimeUtc>,
    pub lease_until: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub const QUEUED: &str = "queued";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";
/// Attempts before a notice is given up.
pub const MAX_ATTEMPTS: i32 = 6;

/// Queues `text` for the team's webhook, once per `dedupe_key`; nothing when the team has no
/// webhook. Returns whether it was queued.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    kind: &str,
    text: String,
    dedupe_key: String,
) -> Result<bool, RepoError> {
    let team = teams::find(db, team_id).await?;
    if team.slack_webhook_sealed.is_none() {
        return Ok(false);
    }
    let row = ActiveModel {
        id: Set(Uuid::new_v4()),
        team_id: Set(team_id),
        kind: Set(kind.to_owned()),
        text: Set(text),
        dedupe_key: Set(dedupe_key),
        status: Set(QUEUED.to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(Some(Utc::now())),
        lease_until: Set(None),
        last_error: Set(None),
        created_at: Set(Utc::now()),
        sent_at: Set(None),
    };
    let inserted = Entity::insert(row)
        .on_conflict(
            OnConflict::column(Column::DedupeKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted == 1)
}

/// Takes up to `limit` due notices for `lease` (a conditional update per row, so two workers
/// never send one twice).
pub async fn claim_due(
    db: &impl ConnectionTrait,
    limit: u64,
    lease: Duration,
) -> Result<Vec<Model>, DbErr> {
    let now = Utc::now();
    let due = Entity::find()
        .filter(Column::Status.eq(QUEUED))
        .filter(Column::NextAttemptAt.lte(now))
        .filter(
            sea_orm::Condition::any()
                .add(Column::LeaseUntil.is_null())
                .add(Column::LeaseUntil.lt(now)),
        )
        .order_by_asc(Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await?;
    let mut claimed = Vec::with_capacity(due.len());
    for notice in due {
        let taken = Entity::update_many()
            .col_expr(Column::LeaseUntil, Expr::value(now + lease))
            .filter(Column::Id.eq(notice.id))
            .filter(Column::Status.eq(QUEUED))
            .filter(
                sea_orm::Condition::any()
                    .add(Column::LeaseUntil.is_null())
                    .add(Column::LeaseUntil.lt(now)),
            )
            .exec(db)
            .await?;
        if taken.rows_affected == 1 {
            claimed.push(notice);
        }
    }
    Ok(claimed)
}

pub async fn mark_sent(db: &impl ConnectionTrait, id: Uuid) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(Column::Status, Expr::value(SENT))
        .col_expr(Column::SentAt, Expr::value(Utc::now()))
        .col_expr(Column::LeaseUntil, Expr::value(Option::<DateTimeUtc>::None))
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Records a failed attempt: tried again after `retry_in`, or given up (`None`, or the last
/// attempt).
pub async fn mark_failed(
    db: &impl ConnectionTrait,
    notice: &Model,
    error: &str,
    retry_in: Option<Duration>,
) -> Result<(), DbErr> {
    let attempts = notice.attempts + 1;
    let (status, next) = match retry_in {
        Some(wait) if attempts < MAX_ATTEMPTS => (QUEUED, Some(Utc::now() + wait)),
        _ => (FAILED, None),
    };
    Entity::update_many()
        .col_expr(Column::Status, Expr::value(status))
        .col_expr(Column::Attempts, Expr::value(attempts))
        .col_expr(Column::NextAttemptAt, Expr::value(next))
        .col_expr(Column::LeaseUntil, Expr::value(Option::<DateTimeUtc>::None))
        .col_expr(
            Column::LastError,
            Expr::value(error.chars().take(500).collect::<String>()),
        )
        .filter(Column::Id.eq(notice.id))
        .exec(db)
        .await?;
    Ok(())
}

/// The team's newest notice, for the settings page to show how delivery went.
pub async fn latest(db: &impl ConnectionTrait, team_id: Uuid) -> Result<Option<Model>, DbErr> {
    Entity::find()
        .filter(Column::TeamId.eq(team_id))
        .order_by_desc(Column::CreatedAt)
        .one(db)
        .await
}

/// What a notice says: the event, written for the team in its owner's language.
pub enum Notice<'a> {
    Quota {
        percent: u8,
        limit: i64,
    },
    Budget {
        percent: u8,
        budget_nanos: i64,
        spent_nanos: i64,
    },
    ConnectionExpired {
        label: &'a str,
        provider: &'a str,
    },
    Test,
}

impl Notice<'_> {
    pub fn kind(&self) -> &'static str {
        match self {
            Notice::Quota { .. } => "quota",
            Notice::Budget { .. } => "budget",
            Notice::ConnectionExpired { .. } => "connection_expired",
            Notice::Test => "test",
        }
    }

    /// The message for team `team`; `locale` `en` is English, anything else Indonesian.
    pub fn text(&self, team: &str, locale: Option<&str>) -> String {
        use crate::billing::money::{thousands, usd_from_nanos as usd};
        let en = locale == Some("en");
        match self {
            Notice::Quota { percent, limit } if en => format!(
                "Satu: team {team} has used {percent}% of its {} requests this month.",
                thousands(*limit)
            ),
            Notice::Quota { percent, limit } => format!(
                "Satu: tim {team} telah memakai {percent}% dari {} permintaan bulan ini.",
                thousands(*limit)
            ),
            Notice::Budget {
                percent,
                budget_nanos,
                spent_nanos,
            } if en => format!(
                "Satu: team {team} has spent {} ({percent}%) of its {} monthly budget.",
                usd(*spent_nanos),
                usd(*budget_nanos)
            ),
            Notice::Budget {
                percent,
                budget_nanos,
                spent_nanos,
            } => format!(
                "Satu: tim {team} telah memakai {} ({percent}%) dari anggaran bulanan {}.",
                usd(*spent_nanos),
                usd(*budget_nanos)
            ),
            Notice::ConnectionExpired { label, provider } if en => format!(
                "Satu: team {team}'s {provider} connection \"{label}\" needs a new sign-in; requests no longer use it."
            ),
            Notice::ConnectionExpired { label, provider } => format!(
                "Satu: koneksi {provider} \"{label}\" milik tim {team} perlu masuk ulang; permintaan tidak lagi memakainya."
            ),
            Notice::Test if en => {
                format!("Satu: test message for team {team}. Notifications will arrive here.")
            }
            Notice::Test => {
                format!("Satu: pesan uji untuk tim {team}. Notifikasi akan dikirim ke sini.")
            }
        }
    }
}

/// Queues `notice` for the team in its owner's language, once per `dedupe_key`.
pub async fn notify(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    notice: Notice<'_>,
    dedupe_key: String,
) -> Result<bool, RepoError> {
    let team = teams::find(db, team_id).await?;
    if team.slack_webhook_sealed.is_none() {
        return Ok(false);
    }
    let owner = crate::team_members::list(db, team_id)
        .await?
        .into_iter()
        .find(|m| m.role() == crate::team_members::Role::Owner);
    let locale = match owner {
        Some(owner) => crate::users::Entity::find_by_id(owner.user_id)
            .one(db)
            .await?
            .and_then(|u| u.locale),
        None => None,
    };
    let text = notice.text(&team.name, locale.as_deref());
    enqueue(db, team_id, notice.kind(), text, dedupe_key).await
}
