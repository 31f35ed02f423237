//! A subscription lives only as long as its session: signing a session out (from Settings, a
//! password change or reset, account deletion) also ends the live streams it opened, within
//! `CHECK_EVERY`, with one `UNAUTHENTICATED` item so the client knows why.

use std::time::Duration;

use futures::{Stream, StreamExt, future, stream};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::error::ApiError;

/// How often an open subscription asks whether its session still works.
const CHECK_EVERY: Duration = Duration::from_secs(5);

enum Step<T> {
    Item(async_graphql::Result<T>),
    SignedOut,
}

pub fn while_signed_in<T, S>(
    db: DatabaseConnection,
    session_id: Uuid,
    items: S,
) -> impl Stream<Item = async_graphql::Result<T>> + use<T, S>
where
    S: Stream<Item = async_graphql::Result<T>>,
{
    let signed_out = stream::once(until_signed_out(db, session_id)).map(|()| Step::SignedOut);
    // After the sign-out: its error item, then `None`, which ends the stream at once (the
    // events side never ends by itself).
    stream::select(items.map(Step::Item), signed_out)
        .flat_map(|step| {
            stream::iter(match step {
                Step::Item(item) => vec![Some(item)],
                Step::SignedOut => vec![Some(Err(ApiError::Unauthenticated.into())), None],
            })
        })
        .take_while(|item| future::ready(item.is_some()))
        .filter_map(future::ready)
}

async fn until_signed_out(db: DatabaseConnection, session_id: Uuid) {
    loop {
        tokio::time::sleep(CHECK_EVERY).await;
        match entities::sessions::is_active(&db, session_id).await {
            Ok(true) => {}
            Ok(false) => return,
            // A database hiccup is not a sign-out: ask again next time.
            Err(e) => tracing::warn!(error = %e, "checking a live subscription's session failed"),
        }
    }
}
