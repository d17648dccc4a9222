//! The outbox is pruned below every live consumer's position (a consumer that fell behind the
//! pruned rows rebuilds its search index), and a recurring job is claimed by one instance at a
//! time.

use std::time::Duration;

use chrono::Utc;
use commerce::{
    entity::{outbox, outbox_cursor},
    jobs,
    outbox::{emit, prune, pruned_through, Change, PRUNED_CONSUMER},
    search::SearchIndex,
};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait};

async fn fresh_db(dir: &std::path::Path) -> DatabaseConnection {
    let url = format!("sqlite://{}?mode=rwc", dir.join("stoa.db").display());
    let db = commerce::db::connect(&url).await.unwrap();
    commerce::db::migrate(&db).await.unwrap();
    db
}

async fn set_cursor(db: &DatabaseConnection, consumer: &str, last_id: i64, age: chrono::Duration) {
    outbox_cursor::Entity::insert(outbox_cursor::ActiveModel {
        consumer: Set(consumer.into()),
        last_id: Set(last_id),
        updated_at: Set(Utc::now() - age),
    })
    .on_conflict(
        sea_orm::sea_query::OnConflict::column(outbox_cursor::Column::Consumer)
            .update_columns([
                outbox_cursor::Column::LastId,
                outbox_cursor::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .unwrap();
}

async fn age_all_rows(db: &DatabaseConnection, hours: i64) {
    let old = Utc::now() - chrono::Duration::hours(hours);
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::CreatedAt,
            sea_orm::sea_query::Expr::value(old),
        )
        .exec(db)
        .await
        .unwrap();
}

#[tokio::test]
async fn prune_keeps_what_a_live_consumer_has_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_db(dir.path()).await;
    for v in 1..=10 {
        emit(&db, Change::Variant(v)).await.unwrap();
    }
    // No consumer yet: nothing may go.
    assert_eq!(prune(&db, chrono::Duration::hours(1)).await.unwrap(), 0);

    set_cursor(&db, "search-index@a", 7, chrono::Duration::zero()).await;
    set_cursor(&db, "search-index@b", 9, chrono::Duration::zero()).await;
    // A consumer gone for two days does not hold the outbox back.
    set_cursor(&db, "search-index@gone", 2, chrono::Duration::hours(48)).await;
    // Rows younger than the minimum age stay.
    assert_eq!(prune(&db, chrono::Duration::hours(1)).await.unwrap(), 0);
    age_all_rows(&db, 2).await;
    assert_eq!(prune(&db, chrono::Duration::hours(1)).await.unwrap(), 7);
    assert_eq!(pruned_through(&db).await.unwrap(), 7);
    assert_eq!(outbox::Entity::find().count(&db).await.unwrap(), 3);
    // Nothing more until a consumer moves on.
    assert_eq!(prune(&db, chrono::Duration::hours(1)).await.unwrap(), 0);
    // New rows get new ids (never reused after deletion).
    emit(&db, Change::Variant(11)).await.unwrap();
    let max = outbox::Entity::find().all(&db).await.unwrap();
    assert!(max.iter().all(|r| r.id > 7), "{max:?}");
    let pruned_row = outbox_cursor::Entity::find_by_id(PRUNED_CONSUMER.to_owned())
        .one(&db)
        .await
        .unwrap();
    assert_eq!(pruned_row.map(|r| r.last_id), Some(7));
}

#[tokio::test]
async fn a_search_index_behind_the_pruned_outbox_rebuilds() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_db(dir.path()).await;
    demo::load(&db, dir.path()).await.unwrap();
    let index = SearchIndex::open(&db, dir.path()).await.unwrap();
    let docs = index.num_docs();
    assert!(docs > 300, "{docs}");
    let before = index.position().await;
    // Changes this index has not applied yet are pruned on behalf of another live consumer
    // (this one's cursor is made stale so it does not hold them back).
    for v in 1..=5 {
        emit(&db, Change::Variant(v)).await.unwrap();
    }
    age_all_rows(&db, 2).await;
    let last = outbox::Entity::find().all(&db).await.unwrap();
    let last_id = last.iter().map(|r| r.id).max().unwrap();
    db.execute_unprepared("UPDATE outbox_cursors SET updated_at = '2000-01-01T00:00:00Z'")
        .await
        .unwrap();
    set_cursor(&db, "search-index@other", last_id, chrono::Duration::zero()).await;
    assert!(prune(&db, chrono::Duration::hours(1)).await.unwrap() > 0);
    assert!(before < pruned_through(&db).await.unwrap());
    // The next sync sees it is behind and rebuilds: same documents, position past the prune.
    index.sync(&db).await.unwrap();
    assert_eq!(index.num_docs(), docs);
    let position = index.position().await;
    assert!(position >= last_id, "{position} < {last_id}");
    // And it keeps following new changes afterwards.
    emit(&db, Change::Variant(1)).await.unwrap();
    assert_eq!(index.sync(&db).await.unwrap(), 1);
}

#[tokio::test]
async fn a_recurring_job_is_claimed_by_one_instance_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_db(dir.path()).await;
    let lease = Duration::from_secs(30);
    assert!(jobs::claim(&db, "test_job", "a", lease).await.unwrap());
    // Held by a: b cannot claim it, nor can a again.
    assert!(!jobs::claim(&db, "test_job", "b", lease).await.unwrap());
    assert!(!jobs::claim(&db, "test_job", "a", lease).await.unwrap());
    // b cannot finish a's run.
    jobs::finish(&db, "test_job", "b", Duration::ZERO, Ok(()))
        .await
        .unwrap();
    assert!(!jobs::claim(&db, "test_job", "b", lease).await.unwrap());
    // a finishes with an error and schedules the next run an hour later: not due yet.
    jobs::finish(
        &db,
        "test_job",
        "a",
        Duration::from_secs(3600),
        Err("boom".into()),
    )
    .await
    .unwrap();
    assert!(!jobs::claim(&db, "test_job", "b", lease).await.unwrap());
    let row = commerce::entity::job::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(row.attempts, 1);
    assert_eq!(row.last_error.as_deref(), Some("boom"));
    assert!(row.locked_by.is_none());
    // Due now: exactly one of many concurrent claimers wins.
    db.execute_unprepared("UPDATE jobs SET run_at = '2000-01-01T00:00:00Z'")
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for i in 0..16 {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            jobs::claim(&db, "test_job", &format!("i{i}"), lease)
                .await
                .unwrap()
        }));
    }
    let mut winners = 0;
    for t in tasks {
        winners += usize::from(t.await.unwrap());
    }
    assert_eq!(winners, 1);
    // A lease that ran out (a crashed runner) can be taken over.
    db.execute_unprepared("UPDATE jobs SET locked_until = '2000-01-01T00:00:00Z'")
        .await
        .unwrap();
    assert!(jobs::claim(&db, "test_job", "b", lease).await.unwrap());
}
