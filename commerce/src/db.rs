//! Opening the database (SQLite by default, PostgreSQL by URL) and running migrations.

use std::{str::FromStr, time::Duration};

use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    SqlxSqliteConnector, TransactionTrait,
};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use tokio::sync::{Mutex, MutexGuard};

use crate::{CommerceError, Result};

/// Opens a connection pool for `url`.
///
/// `sqlite://path` (or `sqlite:path`) opens or creates the file with WAL journaling, foreign keys
/// on, `synchronous=NORMAL`, a 512 KiB page cache and a 5 s busy timeout on every connection;
/// the log is checkpointed by a background task (call it inside a Tokio runtime).
/// `postgres://…` connects to PostgreSQL. Anything else is a [`CommerceError::Config`].
pub async fn connect(url: &str) -> Result<DatabaseConnection> {
    if url.starts_with("sqlite:") {
        let opts = SqliteConnectOptions::from_str(url)
            .map_err(|e| CommerceError::Config(format!("invalid SQLite URL {url}: {e}")))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5))
            // Checkpoints (which fsync) run in the background, not in a committing writer.
            .pragma("wal_autocheckpoint", "0")
            // A page cache of 512 KiB per connection instead of 2 MB: the catalogue lives in
            // the read model, so what pages read (stock levels, descriptions) is scattered
            // over the file and rarely read again soon; the system's file cache holds it
            // anyway. Eight connections kept up to 16 MB of copies at 100k products.
            .pragma("cache_size", "-512");
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .min_connections(1)
            // A local file does not drop connections: no ping before every use.
            .test_before_acquire(false)
            .connect_with(opts)
            .await
            .map_err(|e| CommerceError::Config(format!("cannot open SQLite database: {e}")))?;
        spawn_checkpointer(pool.clone());
        Ok(SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let mut opts = ConnectOptions::new(url.to_owned());
        opts.max_connections(16)
            .min_connections(1)
            .connect_timeout(Duration::from_secs(5))
            .acquire_timeout(Duration::from_secs(10))
            .sqlx_logging(false);
        let db = Database::connect(opts)
            .await
            .map_err(|e| CommerceError::Config(format!("cannot connect to PostgreSQL: {e}")))?;
        // Fail early on an unreachable server rather than on the first request.
        db.execute_unprepared("SELECT 1")
            .await
            .map_err(|e| CommerceError::Config(format!("cannot connect to PostgreSQL: {e}")))?;
        Ok(db)
    } else {
        Err(CommerceError::Config(format!(
            "unsupported DATABASE_URL (expected sqlite:// or postgres://): {}",
            redact(url)
        )))
    }
}

/// Serialises this process's write transactions on SQLite (see [`begin_write`]).
///
/// SQLite allows one writer at a time. Writers that wait for each other inside SQLite poll with
/// growing sleeps (the busy handler), which makes tail latency jump; writers queued on a fair
/// async mutex hand over as soon as the previous one commits. One gate serves every SQLite
/// database the process opens (tests open many): write transactions are short.
static SQLITE_WRITE_GATE: Mutex<()> = Mutex::const_new(());

/// A write transaction from [`begin_write`]: commit it with [`WriteTxn::finish`] (or
/// [`WriteTxn::commit`]); dropping it rolls back.
pub struct WriteTxn {
    txn: DatabaseTransaction,
    // Declared after `txn` so the transaction ends before the gate opens.
    _gate: Option<MutexGuard<'static, ()>>,
}

impl std::ops::Deref for WriteTxn {
    type Target = DatabaseTransaction;

    fn deref(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

impl WriteTxn {
    /// Commits.
    pub async fn commit(self) -> Result<()> {
        self.txn.commit().await?;
        Ok(())
    }

    /// Rolls back explicitly (so the database lock is released before the gate opens).
    pub async fn rollback(self) -> Result<()> {
        self.txn.rollback().await?;
        Ok(())
    }

    /// Commits when `result` is `Ok`, rolls back otherwise, and hands `result` back.
    pub async fn finish<T>(self, result: Result<T>) -> Result<T> {
        match result {
            Ok(v) => {
                self.commit().await?;
                Ok(v)
            }
            Err(e) => {
                if let Err(rollback) = self.rollback().await {
                    tracing::warn!(error = %rollback, "rollback failed");
                }
                Err(e)
            }
        }
    }
}

/// Begins a transaction that is going to write.
///
/// On SQLite it first waits its turn at this process's write gate, then takes the database's
/// write lock at once (the effect of `BEGIN IMMEDIATE`, which SeaORM cannot issue: its first
/// statement is a write that changes no row), so the transaction never has to upgrade a read
/// lock halfway through — the cause of `SQLITE_BUSY` errors busy timeouts cannot cure — and
/// other processes (a `stoa` command beside the server) wait on the busy timeout. On PostgreSQL
/// it is a plain `BEGIN` (READ COMMITTED); callers lock rows with conditional updates in a fixed
/// order.
pub async fn begin_write(db: &DatabaseConnection) -> Result<WriteTxn> {
    let sqlite = db.get_database_backend() == DbBackend::Sqlite;
    let gate = if sqlite {
        Some(SQLITE_WRITE_GATE.lock().await)
    } else {
        None
    };
    let txn = db.begin().await?;
    if sqlite {
        txn.execute_unprepared("UPDATE outbox_cursors SET last_id = last_id WHERE 0")
            .await?;
    }
    Ok(WriteTxn { txn, _gate: gate })
}

/// How often the write-ahead log of a SQLite database is copied back into the database file.
pub const SQLITE_CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// Copies the SQLite write-ahead log into the database file every [`SQLITE_CHECKPOINT_EVERY`]
/// until the pool closes. A checkpoint writes and syncs the database file, which takes
/// milliseconds to tens of milliseconds on a slow disk; done by the writer whose commit fills
/// the log (SQLite's default), every writer queued behind it waits that long. A `PASSIVE`
/// checkpoint here runs beside readers and writers instead; the log is reused from its start
/// once everything in it has been copied.
fn spawn_checkpointer(pool: sqlx::SqlitePool) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SQLITE_CHECKPOINT_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if pool.is_closed() {
                return;
            }
            if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                .execute(&pool)
                .await
            {
                if pool.is_closed() {
                    return;
                }
                tracing::warn!(error = %e, "SQLite checkpoint failed; retrying");
            }
        }
    });
}

/// Runs every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<()> {
    use migrations::MigratorTrait;
    migrations::Migrator::up(db, None)
        .await
        .map_err(|e| CommerceError::Config(format!("migration failed: {e}")))
}

/// Checks that the database answers (for `/healthz`).
pub async fn ping(db: &DatabaseConnection) -> Result<()> {
    db.ping().await.map_err(CommerceError::from)
}

/// Which backend a connection talks to.
pub fn backend(db: &DatabaseConnection) -> DbBackend {
    db.get_database_backend()
}

/// `url` with its database name replaced by `name` (the query string kept): the URL of another
/// database on the same server, e.g. a fresh one for a test or a benchmark.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// Hides the password in a database URL so it can be logged or printed.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{connect, redact};
    use sea_orm::{ConnectionTrait, Statement};

    /// Every pooled SQLite connection gets the settings (each pragma is per connection).
    #[tokio::test]
    async fn sqlite_connections_get_their_settings() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/s.db?mode=rwc", dir.path().display());
        let db = connect(&url).await.unwrap();
        async fn read(db: &sea_orm::DatabaseConnection, pragma: &str) -> String {
            let sql = format!("PRAGMA {pragma}");
            let row = db
                .query_one(Statement::from_string(db.get_database_backend(), sql))
                .await
                .unwrap()
                .unwrap();
            row.try_get_by_index::<i64>(0)
                .map(|n| n.to_string())
                .or_else(|_| row.try_get_by_index::<String>(0))
                .unwrap()
        }
        // Several at once, so that more than one connection answers.
        let tasks: Vec<_> = (0..4)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move {
                    let mut got = vec![];
                    for pragma in ["cache_size", "journal_mode", "foreign_keys", "busy_timeout"] {
                        got.push(read(&db, pragma).await);
                    }
                    got
                })
            })
            .collect();
        for t in tasks {
            assert_eq!(t.await.unwrap(), ["-512", "wal", "1", "5000"]);
        }
    }

    #[test]
    fn redact_hides_password_only() {
        assert_eq!(
            redact("postgres://stoa:secret@db:5432/shop"),
            "postgres://stoa:***@db:5432/shop"
        );
        assert_eq!(redact("postgres://stoa@db/shop"), "postgres://stoa@db/shop");
        assert_eq!(redact("sqlite://data/stoa.db"), "sqlite://data/stoa.db");
    }
}
