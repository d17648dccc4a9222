//! Sessions stored in the database, so they survive restarts and are shared by every instance.
//!
//! The browser holds a random 256-bit token; the `sessions` table stores only its SHA-256, so a
//! leaked database backup cannot be replayed as cookies. A session slides: each use more than
//! [`TOUCH_AFTER_SECONDS`] after the last one extends it to [`TTL_SECONDS`] from now.

use base64::Engine;
use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

use crate::{
    entity::{session, staff_user},
    staff::accounts::{role_name, store_codes},
    Result,
};

/// How long an idle session lives (12 hours: a working day).
pub const TTL_SECONDS: i64 = 12 * 60 * 60;
/// A session is extended at most this often (avoids a write per request).
pub const TOUCH_AFTER_SECONDS: i64 = 5 * 60;

/// A new random token (256 bits, URL-safe base64), for session and CSRF cookies.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
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
}

/// Starts a session for a staff member; returns the token for the cookie.
pub async fn create_for_staff<C: ConnectionTrait>(db: &C, staff_user_id: i64) -> Result<String> {
    let token = new_token();
    let now = Utc::now();
    session::ActiveModel {
        id: Set(token_hash(&token)),
        staff_user_id: Set(Some(staff_user_id)),
        customer_id: Set(None),
        csrf_token: Set(new_token()),
        data: Set(serde_json::json!({})),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + Duration::seconds(TTL_SECONDS)),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Looks a token up. Expired sessions, unknown tokens and sessions of deactivated staff give
/// `None` (and expired rows are deleted).
pub async fn load<C: ConnectionTrait>(db: &C, token: &str) -> Result<Option<Session>> {
    if token.len() < 32 || token.len() > 64 {
        return Ok(None);
    }
    let id = token_hash(token);
    let Some(row) = session::Entity::find_by_id(id.clone()).one(db).await? else {
        return Ok(None);
    };
    let now = Utc::now();
    if row.expires_at <= now {
        session::Entity::delete_by_id(id).exec(db).await?;
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
                    role: role_name(u.role).to_owned(),
                    stores,
                })
            }
            _ => return Ok(None),
        },
        None => None,
    };
    if (now - row.last_seen_at).num_seconds() > TOUCH_AFTER_SECONDS {
        let customer_id = row.customer_id;
        let mut active: session::ActiveModel = row.into();
        active.last_seen_at = Set(now);
        active.expires_at = Set(now + Duration::seconds(TTL_SECONDS));
        active.update(db).await?;
        return Ok(Some(Session { staff, customer_id }));
    }
    Ok(Some(Session {
        staff,
        customer_id: row.customer_id,
    }))
}

/// Ends a session (signing out). Unknown tokens are ignored.
pub async fn destroy<C: ConnectionTrait>(db: &C, token: &str) -> Result<()> {
    session::Entity::delete_by_id(token_hash(token))
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes every expired session; returns how many.
pub async fn purge_expired<C: ConnectionTrait>(db: &C) -> Result<u64> {
    let res = session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lte(Utc::now()))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}
