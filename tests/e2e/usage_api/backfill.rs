//! Daily rollups filled from the hourly rows written before they existed.

use super::*;
use crate::on_both_backends;

on_both_backends!(older_hourly_rollups_are_summed_into_daily_ones,);

/// Rollups written before the daily tables existed: the migration sums them per UTC and per WIB
/// day, so long ranges and WIB days read the same figures as the hourly rows hold.
async fn older_hourly_rollups_are_summed_into_daily_ones(backend: Backend) {
    use ::migration::{Migrator, MigratorTrait};
    use entities::usage_queries::{self as q, Bucket, Filter, Range};

    let test_db = crate::support::TestDb::new(backend).await;
    let db = sea_orm::Database::connect(&test_db.url).await.unwrap();
    // The migrations before the usage dashboard's.
    Migrator::up(&db, Some(7)).await.unwrap();
    let user = Uuid::new_v4();
    let b = base();
    for (hours, model, requests) in [(1, "a", 3), (1, "b", 4), (20, "a", 5), (30, "a", 6)] {
        let row = entities::usage_hourly::Model {
            id: 0,
            user_id: user,
            hour: b + TimeDelta::hours(hours),
            api_key_id: Uuid::nil(),
            account_id: Uuid::nil(),
            provider: "openai".to_owned(),
            model: model.to_owned(),
            requests,
            errors: 1,
            prompt_tokens: 10 * requests,
            completion_tokens: requests,
            cached_tokens: 0,
            reasoning_tokens: 0,
            cost_nanos: 100 * requests,
            latency_ms_sum: 50 * requests,
        };
        let mut row: entities::usage_hourly::ActiveModel = row.into();
        row.id = sea_orm::ActiveValue::NotSet;
        row.insert(&db).await.unwrap();
    }
    Migrator::up(&db, None).await.unwrap();

    let range = Range::new(b, b + TimeDelta::hours(48)).unwrap();
    let all = Filter::default();
    let summary = q::summary(&db, user, range, &all, None).await.unwrap();
    let totals = &summary[0].1;
    assert_eq!((totals.requests, totals.cost_nanos), (18, 1_800));
    assert_eq!(
        totals.latency.quantile(0.5),
        None,
        "no histogram before the migration"
    );
    let by_day = |offset| Bucket::Day {
        utc_offset_minutes: offset,
    };
    let requests = |series: Vec<q::Series>| -> Vec<i64> {
        series[0].points.iter().map(|(_, t)| t.requests).collect()
    };
    let utc = q::series(&db, user, range, &all, None, by_day(0)).await;
    assert_eq!(requests(utc.unwrap()), vec![12, 6]);
    // WIB days start at 17:00 UTC: hour 20 joins hour 30's day.
    let wib = q::series(&db, user, range, &all, None, by_day(420)).await;
    assert_eq!(requests(wib.unwrap()), vec![7, 11, 0]);
    db.close().await.unwrap();
    test_db.drop().await;
}
