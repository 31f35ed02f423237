//! Whose rows: a user's personal workspace or a team's. Rows that can belong to a team carry
//! `user_id` (who made or sent it) and `team_id` (NULL in the personal workspace); every query
//! of such rows filters with [`Workspace::owns`], so one workspace never reads another's.

use sea_orm::{ColumnTrait, Condition};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Workspace {
    /// The user's own rows (`team_id IS NULL`).
    Personal(Uuid),
    /// The team's rows, whoever made them.
    Team(Uuid),
}

impl Workspace {
    /// The user's or the team's id: what limits, caches and rollups are keyed by.
    pub fn id(self) -> Uuid {
        match self {
            Workspace::Personal(id) | Workspace::Team(id) => id,
        }
    }

    pub fn team_id(self) -> Option<Uuid> {
        match self {
            Workspace::Personal(_) => None,
            Workspace::Team(id) => Some(id),
        }
    }

    /// The condition selecting this workspace's rows of a table with both columns.
    pub fn owns(self, user_id: impl ColumnTrait, team_id: impl ColumnTrait) -> Condition {
        match self {
            Workspace::Personal(user) => Condition::all()
                .add(user_id.eq(user))
                .add(team_id.is_null()),
            Workspace::Team(team) => Condition::all().add(team_id.eq(team)),
        }
    }

    /// The workspace a row with these columns belongs to.
    pub fn of_row(user_id: Uuid, team_id: Option<Uuid>) -> Self {
        match team_id {
            Some(team) => Workspace::Team(team),
            None => Workspace::Personal(user_id),
        }
    }
}
