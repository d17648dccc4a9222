//! Staff accounts: creating them, signing in, and the settings overview.

use std::net::IpAddr;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::password;
use crate::{
    db,
    entity::{
        enums::{LocationKind, StaffRole},
        location, staff_store_membership, staff_user, store, vat_rate,
    },
    error::{Conflict, Problem},
    sign_in::{self, Throttle},
    types::Email,
    CommerceError, Result,
};

/// Input of [`create_staff`].
#[derive(Clone, Debug)]
pub struct NewStaff {
    /// Sign-in e-mail.
    pub email: String,
    /// Password (validated by [`password::validate_new_password`]).
    pub password: String,
    /// `owner`, `manager` or `cashier`.
    pub role: String,
    /// Display name (defaults to the e-mail's local part).
    pub name: Option<String>,
    /// Store codes this person works in.
    pub store_codes: Vec<String>,
}

fn parse_role(role: &str) -> Result<StaffRole> {
    StaffRole::from_word(role).ok_or(CommerceError::validation("role", Problem::UnknownRole))
}

/// Creates a staff account with its store memberships, all or nothing.
///
/// Errors: invalid e-mail, weak password, unknown role or store code → `Validation`; e-mail
/// already used → `Conflict`.
pub async fn create_staff(db: &DatabaseConnection, new: NewStaff) -> Result<staff_user::Model> {
    let email = Email::parse(&new.email)?;
    password::validate_new_password(&new.password)?;
    let role = parse_role(&new.role)?;
    let hash = password::hash_password(&new.password)?;
    let name = new
        .name
        .filter(|n| !n.trim().is_empty())
        .map(|n| n.trim().to_owned())
        .unwrap_or_else(|| {
            email
                .as_str()
                .split('@')
                .next()
                .unwrap_or_default()
                .to_owned()
        });
    let txn = db::begin_write(db).await?;
    let result = async {
        if staff_user::Entity::find()
            .filter(staff_user::Column::Email.eq(email.as_str()))
            .one(&*txn)
            .await?
            .is_some()
        {
            return Err(Conflict::StaffExists {
                email: email.as_str().to_owned(),
            }
            .into());
        }
        let mut store_ids = Vec::new();
        for code in &new.store_codes {
            let code = code.trim().to_uppercase();
            let s = store::Entity::find()
                .filter(store::Column::Code.eq(code.as_str()))
                .one(&*txn)
                .await?
                .ok_or(CommerceError::validation("store", Problem::UnknownStore))?;
            store_ids.push(s.id);
        }
        let user = staff_user::ActiveModel {
            email: Set(email.as_str().to_owned()),
            name: Set(name),
            password_hash: Set(hash),
            role: Set(role),
            active: Set(true),
            created_at: Set(Utc::now()),
            last_sign_in_at: Set(None),
            ..Default::default()
        }
        .insert(&*txn)
        .await?;
        for store_id in store_ids {
            staff_store_membership::ActiveModel {
                staff_user_id: Set(user.id),
                store_id: Set(store_id),
            }
            .insert(&*txn)
            .await?;
        }
        Ok(user)
    }
    .await;
    txn.finish(result).await
}

/// Checks an e-mail and password for a staff sign-in from `client` (when known), throttled per
/// account and per client address ([`crate::sign_in`]).
///
/// Unknown e-mail, inactive account, a password longer than [`password::MAX_LEN`] and a wrong
/// password all give [`CommerceError::InvalidCredentials`] and take the same time (a dummy hash
/// is verified), and all count as failures. While the account or the address is locked the
/// answer is [`CommerceError::TooManyAttempts`], without checking the password; when every
/// hashing slot is busy it is [`CommerceError::Busy`]. A successful sign-in clears the
/// account's count and, when the stored hash was made with other parameters, rehashes the
/// password.
pub async fn authenticate(
    db: &DatabaseConnection,
    email: &str,
    password_attempt: &str,
    client: Option<IpAddr>,
) -> Result<staff_user::Model> {
    let email = email.trim().to_lowercase();
    let mut throttles = vec![Throttle::account("staff", &email)];
    throttles.extend(client.map(Throttle::client));
    sign_in::check(db, &throttles).await?;

    let user = staff_user::Entity::find()
        .filter(staff_user::Column::Email.eq(email.as_str()))
        .one(db)
        .await?
        .filter(|u| u.active);
    let attempt = password_attempt.to_owned();
    let too_long = attempt.chars().count() > password::MAX_LEN;
    let ok = match &user {
        Some(u) if !too_long => {
            let hash = u.password_hash.clone();
            password::gated(move || password::verify_password(&attempt, &hash)).await?
        }
        _ => {
            // Same cost as a real check (a long attempt is cut: the work stays bounded).
            let attempt: String = attempt.chars().take(password::MAX_LEN).collect();
            password::gated(move || password::verify_dummy(&attempt)).await?;
            false
        }
    };
    let Some(user) = user.filter(|_| ok) else {
        sign_in::record_failure(db, &throttles).await?;
        return Err(CommerceError::InvalidCredentials);
    };
    sign_in::record_success(db, &throttles[0]).await?;

    let mut active: staff_user::ActiveModel = user.clone().into();
    active.last_sign_in_at = Set(Some(Utc::now()));
    if password::needs_rehash(&user.password_hash) {
        let attempt = password_attempt.to_owned();
        let fresh = password::gated(move || password::hash_password(&attempt)).await??;
        active.password_hash = Set(fresh);
        tracing::info!(
            staff_id = user.id,
            "password rehashed with the current parameters"
        );
    }
    let txn = db::begin_write(db).await?;
    let result = active.update(&*txn).await.map_err(CommerceError::from);
    txn.finish(result).await
}

/// Store codes a staff member works in (owners: every store).
pub async fn store_codes<C: ConnectionTrait>(
    db: &C,
    user: &staff_user::Model,
) -> Result<Vec<String>> {
    let stores = if user.role == StaffRole::Owner {
        store::Entity::find()
            .order_by_asc(store::Column::Code)
            .all(db)
            .await?
    } else {
        let ids: Vec<i64> = staff_store_membership::Entity::find()
            .filter(staff_store_membership::Column::StaffUserId.eq(user.id))
            .all(db)
            .await?
            .into_iter()
            .map(|m| m.store_id)
            .collect();
        store::Entity::find()
            .filter(store::Column::Id.is_in(ids))
            .order_by_asc(store::Column::Code)
            .all(db)
            .await?
    };
    Ok(stores.into_iter().map(|s| s.code).collect())
}

/// (code, name) of the given store codes, in code order.
pub async fn store_names<C: ConnectionTrait>(
    db: &C,
    codes: &[String],
) -> Result<Vec<(String, String)>> {
    Ok(store::Entity::find()
        .filter(store::Column::Code.is_in(codes.to_vec()))
        .order_by_asc(store::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.code, s.name))
        .collect())
}

/// A store in the settings overview.
#[derive(Clone, Debug)]
pub struct StoreSummary {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// "Street, postcode city, country".
    pub address: String,
    /// IANA time zone.
    pub timezone: String,
    /// Click-and-collect on.
    pub pickup_enabled: bool,
}

/// A location in the settings overview.
#[derive(Clone, Debug)]
pub struct LocationSummary {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// `warehouse` or `store`.
    pub kind: String,
    /// Ships online orders.
    pub ships_online: bool,
}

/// A staff account in the settings overview.
#[derive(Clone, Debug)]
pub struct StaffSummary {
    /// E-mail.
    pub email: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
    /// Store codes.
    pub stores: Vec<String>,
    /// Can sign in.
    pub active: bool,
}

/// Everything on the owner's settings page.
#[derive(Clone, Debug)]
pub struct SettingsOverview {
    /// Stores.
    pub stores: Vec<StoreSummary>,
    /// Stock locations.
    pub locations: Vec<LocationSummary>,
    /// (code, name, basis points).
    pub vat_rates: Vec<(String, String, i32)>,
    /// Staff accounts.
    pub staff: Vec<StaffSummary>,
}

/// Stores, locations, VAT rates and staff accounts.
pub async fn settings_overview<C: ConnectionTrait>(db: &C) -> Result<SettingsOverview> {
    let stores = store::Entity::find()
        .order_by_asc(store::Column::Code)
        .all(db)
        .await?;
    let locations = location::Entity::find()
        .order_by_asc(location::Column::Id)
        .all(db)
        .await?;
    let vat = vat_rate::Entity::find()
        .order_by_desc(vat_rate::Column::RateBp)
        .all(db)
        .await?;
    let users = staff_user::Entity::find()
        .order_by_asc(staff_user::Column::Email)
        .all(db)
        .await?;
    let mut staff = Vec::with_capacity(users.len());
    for u in users {
        let codes = store_codes(db, &u).await?;
        staff.push(StaffSummary {
            email: u.email,
            name: u.name,
            role: u.role.word().to_owned(),
            stores: codes,
            active: u.active,
        });
    }
    Ok(SettingsOverview {
        stores: stores
            .into_iter()
            .map(|s| StoreSummary {
                address: format!(
                    "{}, {} {}, {}",
                    s.address_line, s.postal_code, s.city, s.country
                ),
                code: s.code,
                name: s.name,
                timezone: s.timezone,
                pickup_enabled: s.pickup_enabled,
            })
            .collect(),
        locations: locations
            .into_iter()
            .map(|l| LocationSummary {
                code: l.code,
                name: l.name,
                kind: match l.kind {
                    LocationKind::Warehouse => "warehouse".into(),
                    LocationKind::Store => "store".into(),
                },
                ships_online: l.ships_online,
            })
            .collect(),
        vat_rates: vat
            .into_iter()
            .map(|v| (v.code, v.name, v.rate_bp))
            .collect(),
        staff,
    })
}
