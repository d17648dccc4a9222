//! Sign-in throttling, shared by every kind of account (staff now, customers with checkout).
//!
//! Failed attempts are counted per account (the e-mail, whether or not it has an account, so a
//! refusal says nothing about which addresses exist) and per client address, in the database,
//! so every instance on it sees the same counts. Past a threshold each further failure locks
//! the key for twice as long as the previous one, up to an hour; while a key is locked, no
//! password is checked at all (a locked attempt costs no hashing). A successful sign-in clears
//! the account's count; a count whose last failure is a day old starts again.
//!
//! | key             | free failures | first lock | longest lock |
//! |-----------------|---------------|------------|--------------|
//! | account         | 5             | 1 minute   | 1 hour       |
//! | client address  | 20            | 1 minute   | 1 hour       |

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ActiveValue::Set,
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use crate::{db, entity::sign_in_throttle, CommerceError, Result};

/// How many failures a key may have before it is locked, and how long the locks last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    /// Failures that lock the key: this many attempts are checked before the first lock.
    pub free_failures: i32,
    /// Length of the first lock, in seconds; each further failure doubles it.
    pub first_lock_secs: i64,
    /// Longest lock, in seconds.
    pub max_lock_secs: i64,
}

/// Per account.
pub const ACCOUNT: Policy = Policy {
    free_failures: 5,
    first_lock_secs: 60,
    max_lock_secs: 60 * 60,
};

/// Per client address.
pub const CLIENT: Policy = Policy {
    free_failures: 20,
    first_lock_secs: 60,
    max_lock_secs: 60 * 60,
};

/// A count whose last failure is older than this starts again from zero.
pub const FORGET_AFTER_SECS: i64 = 24 * 60 * 60;

impl Policy {
    /// How long a key with `failures` failures is locked after the latest one (`None`: not
    /// locked).
    pub fn lock_secs(&self, failures: i32) -> Option<i64> {
        let over = failures - self.free_failures;
        if over < 0 {
            return None;
        }
        // 2^over, without overflow: beyond 2^20 minutes the cap applies anyway.
        let factor = 1_i64 << over.min(20);
        Some((self.first_lock_secs * factor).min(self.max_lock_secs))
    }
}

/// The throttle key of an account: its kind (`staff`, `customer`) and e-mail, lower-cased.
pub fn account_key(kind: &str, email: &str) -> String {
    let email: String = email.trim().to_lowercase().chars().take(254).collect();
    format!("account:{kind}:{email}")
}

/// The throttle key of a client address. IPv6 clients are counted by their /64 network (one
/// household or host usually holds a whole /64).
pub fn client_key(addr: IpAddr) -> String {
    match addr {
        IpAddr::V4(v4) => format!("client:{v4}"),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => format!("client:{v4}"),
            None => {
                let s = v6.segments();
                format!("client:{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// One key with the policy that applies to it.
#[derive(Clone, Debug)]
pub struct Throttle {
    /// From [`account_key`] or [`client_key`].
    pub key: String,
    /// Its policy.
    pub policy: Policy,
}

impl Throttle {
    /// The account `email` of kind `kind` ([`ACCOUNT`]).
    pub fn account(kind: &str, email: &str) -> Throttle {
        Throttle {
            key: account_key(kind, email),
            policy: ACCOUNT,
        }
    }

    /// The client address ([`CLIENT`]).
    pub fn client(addr: IpAddr) -> Throttle {
        Throttle {
            key: client_key(addr),
            policy: CLIENT,
        }
    }
}

/// Seconds until `row` may try again at `now`, if it is locked.
fn locked_for(row: &sign_in_throttle::Model, now: DateTime<Utc>) -> Option<u64> {
    row.locked_until
        .filter(|until| *until > now)
        .map(|until| (until - now).num_seconds().max(1) as u64)
}

/// Refuses with [`CommerceError::TooManyAttempts`] while any of `keys` is locked.
pub async fn check(db: &DatabaseConnection, keys: &[Throttle]) -> Result<()> {
    let names: Vec<&str> = keys.iter().map(|k| k.key.as_str()).collect();
    let now = Utc::now();
    let wait = sign_in_throttle::Entity::find()
        .filter(sign_in_throttle::Column::Key.is_in(names))
        .all(db)
        .await?
        .iter()
        .filter_map(|row| locked_for(row, now))
        .max();
    match wait {
        Some(retry_after_secs) => Err(CommerceError::TooManyAttempts { retry_after_secs }),
        None => Ok(()),
    }
}

/// Counts a failed attempt against every key, locking those past their policy's threshold.
pub async fn record_failure(db: &DatabaseConnection, keys: &[Throttle]) -> Result<()> {
    let now = Utc::now();
    let txn = db::begin_write(db).await?;
    let result = async {
        for k in keys {
            // Create the row if missing, then count on the row itself (on PostgreSQL the UPDATE
            // locks it, so concurrent failures each count).
            sign_in_throttle::Entity::insert(sign_in_throttle::ActiveModel {
                key: Set(k.key.clone()),
                failures: Set(0),
                locked_until: Set(None),
                last_failure_at: Set(now),
            })
            .on_conflict(
                OnConflict::column(sign_in_throttle::Column::Key)
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(&*txn)
            .await?;
            let forget_before = now - Duration::seconds(FORGET_AFTER_SECS);
            sign_in_throttle::Entity::update_many()
                .col_expr(
                    sign_in_throttle::Column::Failures,
                    Expr::case(
                        sign_in_throttle::Column::LastFailureAt.lt(forget_before),
                        Expr::value(1),
                    )
                    .finally(Expr::col(sign_in_throttle::Column::Failures).add(1))
                    .into(),
                )
                .col_expr(sign_in_throttle::Column::LastFailureAt, Expr::value(now))
                .filter(sign_in_throttle::Column::Key.eq(k.key.as_str()))
                .exec(&*txn)
                .await?;
            let row = sign_in_throttle::Entity::find_by_id(k.key.clone())
                .one(&*txn)
                .await?
                .ok_or_else(|| CommerceError::Internal("throttle row vanished".into()))?;
            if let Some(secs) = k.policy.lock_secs(row.failures) {
                sign_in_throttle::Entity::update_many()
                    .col_expr(
                        sign_in_throttle::Column::LockedUntil,
                        Expr::value(Some(now + Duration::seconds(secs))),
                    )
                    .filter(sign_in_throttle::Column::Key.eq(k.key.as_str()))
                    .exec(&*txn)
                    .await?;
            }
        }
        Ok(())
    }
    .await;
    txn.finish(result).await
}

/// Clears the count of `key` after a successful sign-in.
pub async fn record_success(db: &DatabaseConnection, key: &Throttle) -> Result<()> {
    let txn = db::begin_write(db).await?;
    let result = sign_in_throttle::Entity::delete_by_id(key.key.clone())
        .exec(&*txn)
        .await
        .map(|_| ())
        .map_err(CommerceError::from);
    txn.finish(result).await
}

/// Deletes counts whose last failure is older than [`FORGET_AFTER_SECS`] and that hold no lock
/// (a recurring job); returns how many.
pub async fn purge_stale(db: &DatabaseConnection) -> Result<u64> {
    let now = Utc::now();
    let txn = db::begin_write(db).await?;
    let result = sign_in_throttle::Entity::delete_many()
        .filter(
            sign_in_throttle::Column::LastFailureAt.lt(now - Duration::seconds(FORGET_AFTER_SECS)),
        )
        .filter(
            sign_in_throttle::Column::LockedUntil
                .is_null()
                .or(sign_in_throttle::Column::LockedUntil.lt(now)),
        )
        .exec(&*txn)
        .await
        .map(|r| r.rows_affected)
        .map_err(CommerceError::from);
    txn.finish(result).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_grow_and_are_capped() {
        assert_eq!(ACCOUNT.lock_secs(0), None);
        assert_eq!(ACCOUNT.lock_secs(4), None);
        assert_eq!(ACCOUNT.lock_secs(5), Some(60));
        assert_eq!(ACCOUNT.lock_secs(6), Some(120));
        assert_eq!(ACCOUNT.lock_secs(7), Some(240));
        assert_eq!(ACCOUNT.lock_secs(11), Some(3600));
        assert_eq!(ACCOUNT.lock_secs(i32::MAX), Some(3600));
        assert_eq!(CLIENT.lock_secs(19), None);
        assert_eq!(CLIENT.lock_secs(20), Some(60));
    }

    #[test]
    fn keys() {
        assert_eq!(
            account_key("staff", " Owner@Stoa.test "),
            "account:staff:owner@stoa.test"
        );
        assert_eq!(
            client_key("203.0.113.9".parse().unwrap()),
            "client:203.0.113.9"
        );
        assert_eq!(
            client_key("2001:db8:1:2:3:4:5:6".parse().unwrap()),
            "client:2001:db8:1:2::/64"
        );
        assert_eq!(
            client_key("::ffff:198.51.100.7".parse().unwrap()),
            "client:198.51.100.7"
        );
    }
}
