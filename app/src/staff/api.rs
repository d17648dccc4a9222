//! Staff server functions. Each one checks the session and the role on the server.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A page of the staff area the signed-in person may open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffLink {
    /// Path, e.g. `/staff/settings`.
    pub href: String,
    /// Key of the label in the message catalogue (`settings`…).
    pub key: String,
}

/// What the staff home shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHomeView {
    /// Display name.
    pub name: String,
    /// Sign-in e-mail.
    pub email: String,
    /// `owner`, `manager`, `cashier`.
    pub role: String,
    /// "ATH · Stoa Athens" for each store this person works in.
    pub stores: Vec<String>,
    /// Pages this role may open.
    pub links: Vec<StaffLink>,
    /// Permission names this role has (snake_case).
    pub permissions: Vec<String>,
}

/// A row of the stores table on the settings page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreRow {
    /// Store code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Street, postcode and city.
    pub address: String,
    /// IANA time zone.
    pub timezone: String,
    /// Whether click-and-collect is on.
    pub pickup_enabled: bool,
}

/// A row of the locations table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationRow {
    /// Location code.
    pub code: String,
    /// Name.
    pub name: String,
    /// `warehouse` or `store`.
    pub kind: String,
    /// Ships online orders.
    pub ships_online: bool,
}

/// A row of the staff table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRow {
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

/// The owner's settings overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsPageView {
    /// Name of the signed-in owner (for the header).
    pub signed_in_as: String,
    /// Stores.
    pub stores: Vec<StoreRow>,
    /// Stock locations.
    pub locations: Vec<LocationRow>,
    /// VAT rates: (code, name, basis points).
    pub vat_rates: Vec<(String, String, i32)>,
    /// Staff accounts.
    pub staff: Vec<StaffRow>,
}

/// The signed-in staff member, or `Unauthorized`; with `perm`, `Forbidden` unless the role has it.
#[cfg(feature = "ssr")]
pub fn require(
    perm: Option<commerce::staff::role::Permission>,
) -> Result<crate::context::StaffSession, AppError> {
    // `request_ctx` reads this request's own session (see there for why that matters).
    let staff = crate::context::request_ctx()
        .staff
        .ok_or(AppError::Unauthorized)?;
    match perm {
        Some(p) if !commerce::staff::role::role_allows(&staff.role, p) => {
            tracing::warn!(staff_id = staff.id, role = %staff.role, permission = ?p, "refused: role lacks permission");
            Err(AppError::Forbidden)
        }
        _ => Ok(staff),
    }
}

/// Data for the staff home page.
#[server(input = GetUrl, endpoint = "staff/home")]
pub async fn staff_home() -> Result<StaffHomeView, AppError> {
    use commerce::staff::role::{permissions, role_allows, Permission};
    let staff = require(Some(Permission::ViewStaffHome))?;
    let db = use_context::<sea_orm::DatabaseConnection>().ok_or(AppError::Internal)?;
    let stores = commerce::staff::store_names(&db, &staff.stores).await?;
    let mut links = Vec::new();
    if role_allows(&staff.role, Permission::ManageInventory) {
        links.push(StaffLink {
            href: "/staff/inventory".into(),
            key: "inventory".into(),
        });
    }
    if role_allows(&staff.role, Permission::ManageSettings) {
        links.push(StaffLink {
            href: "/staff/settings".into(),
            key: "settings".into(),
        });
    }
    Ok(StaffHomeView {
        name: staff.name,
        email: staff.email,
        role: staff.role.clone(),
        stores: stores
            .into_iter()
            .map(|(code, name)| format!("{code} · {name}"))
            .collect(),
        links,
        permissions: permissions(&staff.role)
            .into_iter()
            .map(|p| format!("{p:?}"))
            .collect(),
    })
}

/// Data for the owner's settings page.
#[server(input = GetUrl, endpoint = "staff/settings")]
pub async fn settings_overview() -> Result<SettingsPageView, AppError> {
    use commerce::staff::role::Permission;
    let me = require(Some(Permission::ManageSettings))?;
    let db = use_context::<sea_orm::DatabaseConnection>().ok_or(AppError::Internal)?;
    let o = commerce::staff::settings_overview(&db).await?;
    Ok(SettingsPageView {
        signed_in_as: me.name,
        stores: o
            .stores
            .into_iter()
            .map(|s| StoreRow {
                code: s.code,
                name: s.name,
                address: s.address,
                timezone: s.timezone,
                pickup_enabled: s.pickup_enabled,
            })
            .collect(),
        locations: o
            .locations
            .into_iter()
            .map(|l| LocationRow {
                code: l.code,
                name: l.name,
                kind: l.kind,
                ships_online: l.ships_online,
            })
            .collect(),
        vat_rates: o.vat_rates,
        staff: o
            .staff
            .into_iter()
            .map(|s| StaffRow {
                email: s.email,
                name: s.name,
                role: s.role,
                stores: s.stores,
                active: s.active,
            })
            .collect(),
    })
}
