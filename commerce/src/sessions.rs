//! Sessions stored in the database, so they survive restarts and are shared by every instance.
//!
//! The browser holds a random 256-bit token; the `sessions` table stores only its SHA-256, so a
//! leaked database backup cannot be replayed as cookies. A session slides: each use more than
//! [`TOUCH_AFTER_SECONDS`] after the last one extends it to [`TTL_SECONDS`] from now (the idle
//! timeout), but never past [`MAX_AGE_SECONDS`] after it was created (the absolute lifetime):
//! a counter PC left signed in does not stay signed in forever.
//!
//! Each session has its own random CSRF token ([`Session::csrf_token`]): forms of a signed-in
//! visitor must carry it, so signing in or out changes the token a form needs.

use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

use crate::{
    db,
    entity::{session, staff_user},
    staff::accounts::store_codes,
    Result,
};

/// How long an idle session lives (12 hours: a working day).
pub const TTL_SECONDS: i64 = 12 * 60 * 60;
/// How long a session lives at most, however busy (7 days).
pub const MAX_AGE_SECONDS: i64 = 7 * 24 * 60 * 60;
/// A session is extended at most this often (avoids a write per request).
pub const TOUCH_AFTER_SECONDS: i64 = 5 * 60;

/// A new random token (256 bits, URL-safe base64), for session and CSRF cookies.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The CSRF token `token` as a page carries it: a fresh random pad and the token XOR the pad,
/// URL-safe base64. Each response shows different bytes for the same token, so a compressed
/// page that also reflects the visitor's input does not leak the token through its length
/// (BREACH). [`csrf_matches`] accepts it, and the bare token too.
pub fn mask_csrf(token: &str) -> String {
    let token = token.as_bytes();
    let mut pad = vec![0u8; token.len()];
    rand::rngs::OsRng.fill_bytes(&mut pad);
    let masked: Vec<u8> = pad.iter().zip(token).map(|(p, t)| p ^ t).collect();
    pad.extend(masked);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(pad)
}

/// Whether `sent` (from a form field or the `X-CSRF-Token` header) is the CSRF token
/// `expected`, bare or as [`mask_csrf`] gave it. Compares in constant time.
pub fn csrf_matches(expected: &str, sent: &str) -> bool {
    use crate::text::constant_eq;
    if expected.is_empty() {
        return false;
    }
    if constant_eq(expected.as_bytes(), sent.as_bytes()) {
        return true;
    }
    let Ok(bytes) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(sent) else {
        return false;
    };
    if bytes.len() != 2 * expected.len() {
        return false;
    }
    let (pad, masked) = bytes.split_at(expected.len());
    let unmasked: Vec<u8> = pad.iter().zip(masked).map(|(p, m)| p ^ m).collect();
    constant_eq(expected.as_bytes(), &unmasked)
}

fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The staff member a session belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionStaff {
    /// Staff user id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// `owner`, `manager` or `cashier`.
    pub role: String,
    /// Store codes (owners: all).
    pub stores: Vec<String>,
}

/// A live session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The signed-in staff member, if any.
    pub staff: Option<SessionStaff>,
    /// The signed-in customer, if any.
    pub customer_id: Option<i64>,
    /// The CSRF token of this session.
    pub csrf_token: String,
}

/// When a session last used at `last_seen` and created at `created` expires.
fn expiry(created: DateTime<Utc>, last_seen: DateTime<Utc>) -> DateTime<Utc> {
    (last_seen + Duration::seconds(TTL_SECONDS)).min(created + Duration::seconds(MAX_AGE_SECONDS))
}

/// Starts a session for a staff member; returns the token for the cookie.
pub async fn create_for_staff(db: &DatabaseConnection, staff_user_id: i64) -> Result<String> {
    let token = new_token();
    let now = Utc::now();
    let txn = db::begin_write(db).await?;
    let result = session::ActiveModel {
        id: Set(token_hash(&token)),
        staff_user_id: Set(Some(staff_user_id)),
        customer_id: Set(None),
        csrf_token: Set(new_token()),
        data: Set(serde_json::json!({})),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(expiry(now, now)),
    }
    .insert(&*txn)
    .await
    .map(|_| token)
    .map_err(Into::into);
    txn.finish(result).await
}

/// Looks a token up. Expired sessions, unknown tokens and sessions of deactivated staff give
/// `None` (and expired rows are deleted).
pub async fn load(db: &DatabaseConnection, token: &str) -> Result<Option<Session>> {
    if token.len() < 32 || token.len() > 64 {
        return Ok(None);
    }
    let id = token_hash(token);
    let Some(row) = session::Entity::find_by_id(id.clone()).one(db).await? else {
        return Ok(None);
    };
    let now = Utc::now();
    if row.expires_at <= now {
        destroy_hashed(db, id).await?;
        return Ok(None);
    }
    let staff = match row.staff_user_id {
        Some(staff_id) => match staff_user::Entity::find_by_id(staff_id).one(db).await? {
            Some(u) if u.active => {
                let stores = store_codes(db, &u).await?;
                Some(SessionStaff {
                    id: u.id,
                    name: u.name,
                    email: u.email,
                    role: u.role.word().to_owned(),
                    stores,
                })
            }
            _ => return Ok(None),
        },
        None => None,
    };
    let session = Session {
        staff,
        customer_id: row.customer_id,
        csrf_token: row.csrf_token.clone(),
    };
    if (now - row.last_seen_at).num_seconds() > TOUCH_AFTER_SECONDS {
        let expires = expiry(row.created_at, now);
        let mut active: session::ActiveModel = row.into();
        active.last_seen_at = Set(now);
        active.expires_at = Set(expires);
        let txn = db::begin_write(db).await?;
        let result = active.update(&*txn).await.map(|_| ()).map_err(Into::into);
        txn.finish(result).await?;
    }
    Ok(Some(session))
}

async fn destroy_hashed(db: &DatabaseConnection, id: String) -> Result<()> {
    let txn = db::begin_write(db).await?;
    let result = session::Entity::delete_by_id(id)
        .exec(&*txn)
        .await
        .map(|_| ())
        .map_err(Into::into);
    txn.finish(result).await
}

/// Ends a session (signing out). Unknown tokens are ignored.
pub async fn destroy(db: &DatabaseConnection, token: &str) -> Result<()> {
    destroy_hashed(db, token_hash(token)).await
}

/// Key of the one-shot flash in a session's `data`.
const FLASH: &str = "flash";

/// Keeps `value` (a failed form's error and input) in the session of `token` until the next
/// [`take_flash`] with the id returned; a newer flash replaces an older one. `None` when the
/// token has no live session.
pub async fn put_flash(
    db: &DatabaseConnection,
    token: &str,
    value: serde_json::Value,
) -> Result<Option<String>> {
    let id = new_token()[..12].to_owned();
    let txn = db::begin_write(db).await?;
    let result = async {
        let Some(row) = session::Entity::find_by_id(token_hash(token))
            .one(&*txn)
            .await?
        else {
            return Ok(None);
        };
        let mut data = match row.data.clone() {
            serde_json::Value::Object(map) => map,
            _ => serde_json::Map::new(),
        };
        data.insert(
            FLASH.into(),
            serde_json::json!({ "id": id, "value": value }),
        );
        let mut active: session::ActiveModel = row.into();
        active.data = Set(serde_json::Value::Object(data));
        active.update(&*txn).await?;
        Ok(Some(id.clone()))
    }
    .await;
    txn.finish(result).await
}

/// Takes the flash with this id out of the session of `token` (shown once). `None` when there
/// is none, or it has another id (an old link).
pub async fn take_flash(
    db: &DatabaseConnection,
    token: &str,
    id: &str,
) -> Result<Option<serde_json::Value>> {
    let Some(row) = session::Entity::find_by_id(token_hash(token))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let matches = row
        .data
        .get(FLASH)
        .and_then(|f| f.get("id"))
        .and_then(|v| v.as_str())
        .is_some_and(|stored| stored == id);
    if !matches {
        return Ok(None);
    }
    let mut data = row.data.clone();
    let value = data
        .as_object_mut()
        .and_then(|m| m.remove(FLASH))
        .and_then(|f| f.get("value").cloned());
    let mut active: session::ActiveModel = row.into();
    active.data = Set(data);
    let txn = db::begin_write(db).await?;
    let result = active.update(&*txn).await.map(|_| ()).map_err(Into::into);
    txn.finish(result).await?;
    Ok(value)
}

/// Deletes every expired session (a recurring job); returns how many.
pub async fn purge_expired(db: &DatabaseConnection) -> Result<u64> {
    let txn = db::begin_write(db).await?;
    let result = session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lte(Utc::now()))
        .exec(&*txn)
        .await
        .map(|r| r.rows_affected)
        .map_err(Into::into);
    txn.finish(result).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masked_csrf_tokens_differ_each_time_and_still_match() {
        let token = new_token();
        let (a, b) = (mask_csrf(&token), mask_csrf(&token));
        assert_ne!(a, b);
        assert!(csrf_matches(&token, &a));
        assert!(csrf_matches(&token, &b));
        assert!(csrf_matches(&token, &token), "the bare token");
        let other = new_token();
        assert!(!csrf_matches(&other, &a));
        assert!(!csrf_matches(&token, ""));
        assert!(!csrf_matches("", ""));
        assert!(!csrf_matches(&token, "not base64 !"));
        assert!(!csrf_matches(&token, &a[..a.len() - 2]));
    }

    #[test]
    fn sessions_slide_but_not_past_their_absolute_lifetime() {
        let created = Utc::now();
        assert_eq!(
            expiry(created, created),
            created + Duration::seconds(TTL_SECONDS)
        );
        let late = created + Duration::days(6) + Duration::hours(20);
        assert_eq!(
            expiry(created, late),
            created + Duration::seconds(MAX_AGE_SECONDS)
        );
    }
}
