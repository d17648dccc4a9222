//! Opening the database (SQLite by default, PostgreSQL by URL) and running migrations.

use std::{str::FromStr, time::Duration};

use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, SqlxSqliteConnector,
};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::{CommerceError, Result};

/// Opens a connection pool for `url`.
///
/// `sqlite://path` (or `sqlite:path`) opens or creates the file with WAL journaling, foreign keys
/// on, `synchronous=NORMAL` and a 5 s busy timeout on every connection. `postgres://…` connects to
/// PostgreSQL. Anything else is a [`CommerceError::Config`].
pub async fn connect(url: &str) -> Result<DatabaseConnection> {
    if url.starts_with("sqlite:") {
        let opts = SqliteConnectOptions::from_str(url)
            .map_err(|e| CommerceError::Config(format!("invalid SQLite URL {url}: {e}")))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .min_connections(1)
            .connect_with(opts)
            .await
            .map_err(|e| CommerceError::Config(format!("cannot open SQLite database: {e}")))?;
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
    use super::redact;

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
