//! What each staff role may do.
//!
//! Roles are stored as the database enum `StaffRole` (`owner`, `manager`, `cashier`); here they
//! are taken by that snake_case name so this table does not depend on the entity layer. Every
//! staff server function checks a [`Permission`] with [`role_allows`] on the server.

use serde::{Deserialize, Serialize};

/// One thing a staff member may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Open the staff home page (`/staff`) and see the day's summary for one's stores.
    ViewStaffHome,
    /// Ring up sales on the POS register, open/close a shift and record cash in/out.
    UsePos,
    /// Work the pickup queue: verify a pickup code and hand over a click-and-collect order.
    HandOverPickups,
    /// Receive a booked or walk-in return at the counter and refund it.
    TakeReturns,
    /// See the order list and order details of every channel.
    ViewOrders,
    /// Cancel orders and issue refunds (full or partial) outside the returns desk.
    RefundOrders,
    /// See stock by location, receive stock and transfer it between locations.
    ManageInventory,
    /// Adjust stock levels with a reason and run stock counts.
    AdjustStock,
    /// Build carts for customers and issue, send and cancel payment links.
    IssuePaymentLinks,
    /// Create and edit products, variants, categories, barcodes and images; import/export CSV.
    ManageProducts,
    /// Change prices, promotions and discount codes.
    ManagePrices,
    /// See sales, top-product and returns reports.
    ViewReports,
    /// Create staff accounts, change roles and store memberships, reset passwords.
    ManageStaff,
    /// Change shop settings: stores and locations, VAT, currency, languages, payment and e-mail.
    ManageSettings,
}

impl Permission {
    /// Every permission, in declaration order.
    pub const ALL: [Permission; 14] = [
        Permission::ViewStaffHome,
        Permission::UsePos,
        Permission::HandOverPickups,
        Permission::TakeReturns,
        Permission::ViewOrders,
        Permission::RefundOrders,
        Permission::ManageInventory,
        Permission::AdjustStock,
        Permission::IssuePaymentLinks,
        Permission::ManageProducts,
        Permission::ManagePrices,
        Permission::ViewReports,
        Permission::ManageStaff,
        Permission::ManageSettings,
    ];

    /// The snake_case name, as serialized (e.g. `"use_pos"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Permission::ViewStaffHome => "view_staff_home",
            Permission::UsePos => "use_pos",
            Permission::HandOverPickups => "hand_over_pickups",
            Permission::TakeReturns => "take_returns",
            Permission::ViewOrders => "view_orders",
            Permission::RefundOrders => "refund_orders",
            Permission::ManageInventory => "manage_inventory",
            Permission::AdjustStock => "adjust_stock",
            Permission::IssuePaymentLinks => "issue_payment_links",
            Permission::ManageProducts => "manage_products",
            Permission::ManagePrices => "manage_prices",
            Permission::ViewReports => "view_reports",
            Permission::ManageStaff => "manage_staff",
            Permission::ManageSettings => "manage_settings",
        }
    }
}

impl std::fmt::Display for Permission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The role names [`role_allows`] knows, most powerful first.
pub const ROLES: [&str; 3] = ["owner", "manager", "cashier"];

/// Whether a staff member with `role` (`"owner"`, `"manager"` or `"cashier"`, exactly as the
/// database stores it) may do `p`.
///
/// - owner: everything;
/// - manager: everything except [`Permission::ManageStaff`] and [`Permission::ManageSettings`];
/// - cashier: [`Permission::ViewStaffHome`], [`Permission::UsePos`],
///   [`Permission::HandOverPickups`], [`Permission::TakeReturns`], [`Permission::ViewOrders`].
///
/// Any other string (including different case or spacing) allows nothing.
pub fn role_allows(role: &str, p: Permission) -> bool {
    use Permission::*;
    match role {
        "owner" => true,
        "manager" => !matches!(p, ManageStaff | ManageSettings),
        "cashier" => matches!(
            p,
            ViewStaffHome | UsePos | HandOverPickups | TakeReturns | ViewOrders
        ),
        _ => false,
    }
}

/// Every permission `role` has, in [`Permission::ALL`] order (empty for an unknown role).
pub fn permissions(role: &str) -> Vec<Permission> {
    Permission::ALL
        .into_iter()
        .filter(|&p| role_allows(role, p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::*;

    /// The whole table, written out: (permission, owner, manager, cashier).
    const TABLE: [(Permission, bool, bool, bool); 14] = [
        (ViewStaffHome, true, true, true),
        (UsePos, true, true, true),
        (HandOverPickups, true, true, true),
        (TakeReturns, true, true, true),
        (ViewOrders, true, true, true),
        (RefundOrders, true, true, false),
        (ManageInventory, true, true, false),
        (AdjustStock, true, true, false),
        (IssuePaymentLinks, true, true, false),
        (ManageProducts, true, true, false),
        (ManagePrices, true, true, false),
        (ViewReports, true, true, false),
        (ManageStaff, true, false, false),
        (ManageSettings, true, false, false),
    ];

    #[test]
    fn every_role_permission_pair() {
        assert_eq!(
            TABLE.map(|row| row.0),
            Permission::ALL,
            "table covers every permission"
        );
        for (p, owner, manager, cashier) in TABLE {
            assert_eq!(role_allows("owner", p), owner, "owner {p}");
            assert_eq!(role_allows("manager", p), manager, "manager {p}");
            assert_eq!(role_allows("cashier", p), cashier, "cashier {p}");
        }
    }

    #[test]
    fn unknown_roles_get_nothing() {
        for role in [
            "", "Owner", "OWNER", " owner", "admin", "customer", "owner\0",
        ] {
            for p in Permission::ALL {
                assert!(!role_allows(role, p), "{role:?} {p}");
            }
            assert!(permissions(role).is_empty());
        }
    }

    #[test]
    fn permission_lists() {
        assert_eq!(permissions("owner"), Permission::ALL.to_vec());
        assert_eq!(permissions("manager").len(), 12);
        assert_eq!(
            permissions("cashier"),
            vec![
                ViewStaffHome,
                UsePos,
                HandOverPickups,
                TakeReturns,
                ViewOrders
            ]
        );
        // Each role can do at least what the next one down can.
        for pair in ROLES.windows(2) {
            for p in permissions(pair[1]) {
                assert!(role_allows(pair[0], p), "{} lacks {p}", pair[0]);
            }
        }
    }

    #[test]
    fn names_match_serde() {
        for p in Permission::ALL {
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.as_str())
            );
        }
    }
}
