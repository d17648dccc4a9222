//! Inventory server functions: each checks the role on the server, builds the
//! [`commerce::inventory::Actor`] from the session, calls `commerce::inventory` and maps the
//! error.
//!
//! Reads are `GET` (`staff/inventory/…`). Changes are form posts: every one takes the `csrf`
//! field (checked by the server's CSRF middleware before the function runs) and the form's
//! fields as text, parsed here so that bad input is a message next to its field, never a failed
//! request. A change posted by a plain HTML form (`Accept: text/html`, no JavaScript) answers with
//! a redirect: to the result on success, or back to the form with the error and the input in the
//! query string (see [`super::FormState`]). Called from script or by anything else, a failure
//! answers with the error's HTTP status: 403 for a role without the permission (or a manager
//! acting at another store), 422 for bad input, 409 for a conflict.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::*;
use crate::{error::AppError, i18n::Locale};

/// Documents listed on the receive, transfer and count pages.
#[cfg(feature = "ssr")]
const RECENT: u64 = 30;

#[cfg(feature = "ssr")]
mod support {
    use commerce::{
        inventory::{Actor, Scope},
        staff::role::{role_allows, Permission},
        CommerceError,
    };

    pub(super) use commerce::{error::Problem, input};

    use super::*;
    use crate::context::StaffSession;

    pub(super) fn who(s: &StaffSession) -> Who {
        Who {
            name: s.name.clone(),
            can_adjust: role_allows(&s.role, Permission::AdjustStock),
            everywhere: actor(s).scope == commerce::inventory::Scope::All,
        }
    }

    pub(super) fn actor(s: &StaffSession) -> Actor {
        Actor::staff(s.id, &s.role, &s.stores)
    }

    /// The locations `s` may change stock at (commerce checks again on every change).
    pub(super) fn writable(s: &StaffSession, all: &[LocationInfo]) -> Vec<LocationInfo> {
        let actor = actor(s);
        all.iter()
            .filter(|l| match &actor.scope {
                Scope::All => true,
                Scope::Stores(codes) => l.store_code.as_ref().is_some_and(|c| codes.contains(c)),
            })
            .cloned()
            .collect()
    }

    /// The name of variant `id` from `labels`, or its id when it is gone.
    pub(super) fn name_of(
        labels: &std::collections::BTreeMap<i64, VariantLabel>,
        id: i64,
    ) -> VariantLabel {
        labels
            .get(&id)
            .cloned()
            .unwrap_or_else(|| VariantLabel::missing(id))
    }

    /// A commerce error as the pages show it; a shortage becomes a message on `stock_field`
    /// when the form has a field for the quantity.
    pub(super) fn map_err(e: CommerceError, stock_field: Option<&str>) -> AppError {
        match (e, stock_field) {
            (CommerceError::InsufficientStock(s), Some(field)) => {
                AppError::invalid(field, Problem::NotEnoughStock(s))
            }
            (e, _) => e.into(),
        }
    }

    /// A location chosen in a `<select>`; nothing chosen is a validation error on `field`.
    pub(super) fn parse_location(value: &str, field: &'static str) -> Result<i64, AppError> {
        Ok(commerce::input::chosen_id(
            value,
            field,
            Problem::UnknownLocation,
        )?)
    }
}

#[cfg(feature = "ssr")]
use crate::form::server::{db, finish, read, Back, Then};
#[cfg(feature = "ssr")]
use support::*;

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

/// `/staff/inventory`: stock by variant and location; `query` is the page's raw query string
/// (`location`, `category`, `low`, `q`, `page`).
#[server(input = GetUrl, endpoint = "staff/inventory/stock")]
pub async fn stock_page(locale: Locale, query: String) -> Result<StockPageView, AppError> {
    read(async move {
        use commerce::{inventory::views, staff::role::Permission};
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        let db = db()?;
        let filter = StockQuery::from_query(&query);
        let page = views::stock(&db, locale.code(), &filter).await?;
        Ok::<_, AppError>(StockPageView {
            who: who(&staff),
            all_locations: views::locations(&db).await?,
            categories: views::category_options(&db, locale.code()).await?,
            stock: page,
            page_query: filter.to_query(),
            filter,
        })
    })
    .await
}

/// `/staff/inventory/receive`: where this person may receive, and the latest receipts.
#[server(input = GetUrl, endpoint = "staff/inventory/receive-form")]
pub async fn receive_form(locale: Locale) -> Result<ReceiveFormView, AppError> {
    read(async move {
        use commerce::{inventory::views, staff::role::Permission};
        let _ = locale;
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        let db = db()?;
        let all = views::locations(&db).await?;
        let receipts = views::recent_receipts(&db, RECENT).await?;
        Ok::<_, AppError>(ReceiveFormView {
            who: who(&staff),
            locations: writable(&staff, &all),
            receipts,
        })
    })
    .await
}

/// `/staff/inventory/receipts/{id}`: a receipt and its lines.
#[server(input = GetUrl, endpoint = "staff/inventory/receipt")]
pub async fn receipt_page(locale: Locale, id: i64) -> Result<ReceiptView, AppError> {
    read(async move {
        use commerce::{
            inventory::{receipts, views},
            staff::role::Permission,
        };
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        let db = db()?;
        let (receipt, lines) = receipts::get(&db, id).await?;
        let ids: Vec<i64> = lines.iter().map(|l| l.variant_id).collect();
        let labels = views::variant_labels(&db, locale.code(), Some(&ids)).await?;
        let location = views::locations(&db)
            .await?
            .into_iter()
            .find(|l| l.id == receipt.location_id)
            .ok_or(AppError::NotFound)?;
        Ok::<_, AppError>(ReceiptView {
            who: who(&staff),
            number: receipt.number,
            location,
            supplier: receipt.supplier,
            note: receipt.note,
            created_at: receipt.created_at,
            lines: lines
                .into_iter()
                .map(|l| QuantityLine {
                    variant: name_of(&labels, l.variant_id),
                    quantity: l.quantity,
                })
                .collect(),
        })
    })
    .await
}

/// `/staff/inventory/adjust`: where this person may adjust, and the variant of `?variant=`.
#[server(input = GetUrl, endpoint = "staff/inventory/adjust-form")]
pub async fn adjust_form(locale: Locale, variant: Option<i64>) -> Result<AdjustFormView, AppError> {
    read(async move {
        use commerce::{inventory::views, staff::role::Permission};
        let staff = crate::staff::api::require(Some(Permission::AdjustStock))?;
        let db = db()?;
        let all = views::locations(&db).await?;
        let variant = match variant {
            Some(id) => views::variant_labels(&db, locale.code(), Some(&[id]))
                .await?
                .remove(&id),
            None => None,
        };
        Ok::<_, AppError>(AdjustFormView {
            who: who(&staff),
            locations: writable(&staff, &all),
            variant,
        })
    })
    .await
}

/// `/staff/inventory/transfers`: the latest transfers and the new-transfer form's choices.
#[server(input = GetUrl, endpoint = "staff/inventory/transfers")]
pub async fn transfers_page(locale: Locale) -> Result<TransfersView, AppError> {
    read(async move {
        use commerce::{inventory::views, staff::role::Permission};
        let _ = locale;
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        let db = db()?;
        let all = views::locations(&db).await?;
        let transfers = views::recent_transfers(&db, RECENT).await?;
        Ok::<_, AppError>(TransfersView {
            who: who(&staff),
            from_locations: writable(&staff, &all),
            to_locations: all,
            transfers,
        })
    })
    .await
}

/// `/staff/inventory/transfers/{id}`: a transfer with its lines.
#[server(input = GetUrl, endpoint = "staff/inventory/transfer")]
pub async fn transfer_page(locale: Locale, id: i64) -> Result<TransferView, AppError> {
    read(async move {
        use commerce::{
            inventory::{transfers, views},
            staff::role::Permission,
        };
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        let db = db()?;
        let t = transfers::get(&db, id).await?;
        let ids: Vec<i64> = t.lines.iter().map(|l| l.variant_id).collect();
        let labels = views::variant_labels(&db, locale.code(), Some(&ids)).await?;
        let all = views::locations(&db).await?;
        let find = |id: i64| {
            all.iter()
                .find(|l| l.id == id)
                .cloned()
                .ok_or(AppError::NotFound)
        };
        let mine = writable(&staff, &all);
        let may = |id: i64| mine.iter().any(|l| l.id == id);
        Ok::<_, AppError>(TransferView {
            who: who(&staff),
            may_send: may(t.transfer.from_location_id),
            may_receive: may(t.transfer.to_location_id),
            id: t.transfer.id,
            number: t.transfer.number.clone(),
            status: t.transfer.status,
            from: find(t.transfer.from_location_id)?,
            to: find(t.transfer.to_location_id)?,
            note: t.transfer.note.clone(),
            created_at: t.transfer.created_at,
            sent_at: t.transfer.sent_at,
            received_at: t.transfer.received_at,
            lines: t
                .lines
                .into_iter()
                .map(|l| TransferLineView {
                    variant: name_of(&labels, l.variant_id),
                    sent: l.quantity_sent,
                    received: l.quantity_received,
                })
                .collect(),
        })
    })
    .await
}

/// `/staff/inventory/counts`: the latest counts and the new-count form's choices.
#[server(input = GetUrl, endpoint = "staff/inventory/counts")]
pub async fn counts_page(locale: Locale) -> Result<CountsView, AppError> {
    read(async move {
        use commerce::{inventory::views, staff::role::Permission};
        let staff = crate::staff::api::require(Some(Permission::AdjustStock))?;
        let db = db()?;
        let all = views::locations(&db).await?;
        let categories = views::category_options(&db, locale.code()).await?;
        let counts = views::recent_counts(&db, RECENT).await?;
        Ok::<_, AppError>(CountsView {
            who: who(&staff),
            locations: writable(&staff, &all),
            categories,
            counts,
        })
    })
    .await
}

/// Count lines shown per page.
pub const COUNT_PAGE_SIZE: u64 = 100;

/// `/staff/inventory/counts/{id}`: a count with its lines compared with what is on hand now;
/// `query` holds `show` (`counted`, `differences`, else every line) and `page`
/// ([`COUNT_PAGE_SIZE`] lines a page). The review lists every counted difference.
#[server(input = GetUrl, endpoint = "staff/inventory/count")]
pub async fn count_page(locale: Locale, id: i64, query: String) -> Result<CountView, AppError> {
    read(async move {
        use commerce::{
            inventory::{counts, views},
            staff::role::Permission,
        };
        let staff = crate::staff::api::require(Some(Permission::AdjustStock))?;
        let db = db()?;
        let count = counts::get(&db, id).await?.count;
        let diffs = counts::differences(&db, id).await?;
        let CountQuery { show, page } = CountQuery::from_query(&query);
        let differs = |d: &&counts::Difference| d.counted.is_some() && d.change() != 0;
        let shown: Vec<&counts::Difference> = match show {
            CountShow::Counted => diffs.iter().filter(|d| d.counted.is_some()).collect(),
            CountShow::Differences => diffs.iter().filter(differs).collect(),
            CountShow::All => diffs.iter().collect(),
        };
        let shown_total = shown.len() as u64;
        let pages = shown_total.div_ceil(COUNT_PAGE_SIZE).max(1);
        let page = page.clamp(1, pages);
        let on_page: Vec<&counts::Difference> = shown
            .into_iter()
            .skip(((page - 1) * COUNT_PAGE_SIZE) as usize)
            .take(COUNT_PAGE_SIZE as usize)
            .collect();
        let review: Vec<&counts::Difference> = diffs.iter().filter(differs).collect();
        let ids: Vec<i64> = on_page
            .iter()
            .chain(&review)
            .map(|d| d.variant_id)
            .collect();
        let labels = views::variant_labels(&db, locale.code(), Some(&ids)).await?;
        let line = |d: &counts::Difference| CountLineView {
            variant: name_of(&labels, d.variant_id),
            expected: d.expected,
            on_hand: d.on_hand,
            counted: d.counted,
            change: d.change(),
        };
        let location = views::locations(&db)
            .await?
            .into_iter()
            .find(|l| l.id == count.location_id)
            .ok_or(AppError::NotFound)?;
        let category = match count.category_id {
            Some(c) => views::category_options(&db, locale.code())
                .await?
                .into_iter()
                .find(|o| o.id == c)
                .map(|o| o.path),
            None => None,
        };
        Ok::<_, AppError>(CountView {
            who: who(&staff),
            id: count.id,
            number: count.number,
            status: count.status,
            location,
            category,
            created_at: count.created_at,
            posted_at: count.posted_at,
            lines: on_page.into_iter().map(line).collect(),
            differences: review.into_iter().map(line).collect(),
            total_lines: diffs.len() as u64,
            counted_lines: diffs.iter().filter(|d| d.counted.is_some()).count() as u64,
            show,
            shown_total,
            page,
            pages,
        })
    })
    .await
}

/// `/staff/inventory/low-stock`: variants at or below their threshold; `query` holds
/// `location` and `page`.
#[server(input = GetUrl, endpoint = "staff/inventory/low-stock")]
pub async fn low_stock_page(locale: Locale, query: String) -> Result<LowStockView, AppError> {
    read(async move {
        use commerce::{inventory::views, staff::role::Permission};
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        let db = db()?;
        let asked = StockQuery::from_query(&query);
        let filter = StockQuery {
            location_id: asked.location_id,
            low_only: true,
            page: asked.page,
            ..StockQuery::default()
        };
        let page = views::stock(&db, locale.code(), &filter).await?;
        let all = views::locations(&db).await?;
        let mut rows = Vec::new();
        for r in page.rows {
            for (loc, c) in page.locations.iter().zip(r.cells) {
                if c.low {
                    rows.push(LowStockRow {
                        variant: r.label.clone(),
                        location_code: loc.code.clone(),
                        cell: c,
                    });
                }
            }
        }
        let page_query = StockQuery {
            location_id: filter.location_id,
            ..StockQuery::default()
        }
        .to_query();
        Ok::<_, AppError>(LowStockView {
            who: who(&staff),
            writable_locations: writable(&staff, &all),
            all_locations: all,
            location: filter.location_id,
            rows,
            total: page.total,
            page: page.page,
            pages: page.pages,
            page_query,
        })
    })
    .await
}

/// `/staff/inventory/variant/{id}`: a variant's stock everywhere and its movements; `query`
/// holds `location` and `page`.
#[server(input = GetUrl, endpoint = "staff/inventory/ledger")]
pub async fn ledger_page(locale: Locale, id: i64, query: String) -> Result<LedgerView, AppError> {
    read(async move {
        use commerce::{inventory::views, staff::role::Permission};
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        let db = db()?;
        let f = StockQuery::from_query(&query);
        Ok::<_, AppError>(LedgerView {
            who: who(&staff),
            ledger: views::ledger(&db, locale.code(), id, f.location_id, f.page).await?,
            location: f.location_id,
        })
    })
    .await
}

// ---------------------------------------------------------------------------------------------
// Changes
// ---------------------------------------------------------------------------------------------

/// Receives a delivery at `location`: `lines` holds one SKU or barcode per line, optionally
/// with a quantity. Success leads to the receipt.
#[server(endpoint = "staff/inventory/receive")]
pub async fn receive_stock(
    #[server(default)] csrf: String,
    #[server(default)] location: String,
    #[server(default)] supplier: String,
    #[server(default)] note: String,
    #[server(default)] lines: String,
) -> Result<i64, AppError> {
    use commerce::{
        inventory::{parse_code_lines, receipts},
        staff::role::Permission,
    };
    let _ = csrf;
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        let db = db()?;
        let location_id = parse_location(&location, "location")?;
        let parsed = parse_code_lines(&db, &lines, "lines").await?;
        let receipt = receipts::receive(
            &db,
            &actor(&staff),
            receipts::NewReceipt {
                location_id,
                supplier: Some(supplier.clone()),
                note: Some(note.clone()),
                lines: parsed,
            },
        )
        .await?;
        Ok::<_, AppError>(receipt.id)
    };
    finish(
        work,
        |id| Then::Go(format!("/staff/inventory/receipts/{id}?done=receive")),
        Back {
            path: "/staff/inventory/receive".into(),
            form: "receive",
            inputs: vec![
                ("location", &location),
                ("supplier", &supplier),
                ("note", &note),
                ("lines", &lines),
            ],
        },
    )
    .await
}

/// Adjusts the stock of the variant with SKU or barcode `code` at `location` by the signed
/// `change`, for `reason` (`damaged`, `lost`, `found`, `correction`). Success leads to the
/// variant's ledger.
#[server(endpoint = "staff/inventory/adjust")]
pub async fn adjust_stock(
    #[server(default)] csrf: String,
    #[server(default)] location: String,
    #[server(default)] code: String,
    #[server(default)] change: String,
    #[server(default)] reason: String,
    #[server(default)] note: String,
) -> Result<i64, AppError> {
    use commerce::{
        entity::enums::AdjustmentReason,
        inventory::{adjustments, find_variant_by_code},
        staff::role::Permission,
    };
    let _ = csrf;
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::AdjustStock))?;
        let db = db()?;
        let location_id = parse_location(&location, "location")?;
        let variant = find_variant_by_code(&db, &code).await?.ok_or_else(|| {
            AppError::invalid(
                "code",
                Problem::UnknownCode {
                    code: code.trim().to_owned(),
                },
            )
        })?;
        let units = input::whole(&change, "change")?;
        let reason = input::choice(&reason, "reason", AdjustmentReason::from_word)?;
        adjustments::adjust(
            &db,
            &actor(&staff),
            adjustments::NewAdjustment {
                location_id,
                variant_id: variant.id,
                change: units,
                reason,
                note: Some(note.clone()),
            },
        )
        .await
        .map_err(|e| map_err(e, Some("change")))?;
        Ok::<_, AppError>(variant.id)
    };
    finish(
        work,
        |id| Then::Go(format!("/staff/inventory/variant/{id}?done=adjust")),
        Back {
            path: "/staff/inventory/adjust".into(),
            form: "adjust",
            inputs: vec![
                ("location", &location),
                ("code", &code),
                ("change", &change),
                ("reason", &reason),
                ("note", &note),
            ],
        },
    )
    .await
}

/// Drafts a transfer from `from` to `to` of the codes in `lines`. Success leads to the
/// transfer, where it is sent.
#[server(endpoint = "staff/inventory/transfer-create")]
pub async fn create_transfer(
    #[server(default)] csrf: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] lines: String,
    #[server(default)] note: String,
) -> Result<i64, AppError> {
    use commerce::{
        inventory::{parse_code_lines, transfers},
        staff::role::Permission,
    };
    let _ = csrf;
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        let db = db()?;
        let from_id = parse_location(&from, "from")?;
        let to_id = parse_location(&to, "to")?;
        let parsed = parse_code_lines(&db, &lines, "lines").await?;
        let t = transfers::create(
            &db,
            &actor(&staff),
            transfers::NewTransfer {
                from_location_id: from_id,
                to_location_id: to_id,
                lines: parsed,
                note: Some(note.clone()),
            },
        )
        .await?;
        Ok::<_, AppError>(t.transfer.id)
    };
    finish(
        work,
        |id| Then::Go(format!("/staff/inventory/transfers/{id}")),
        Back {
            path: "/staff/inventory/transfers".into(),
            form: "create",
            inputs: vec![
                ("from", &from),
                ("to", &to),
                ("lines", &lines),
                ("note", &note),
            ],
        },
    )
    .await
}

/// Sends a draft transfer: its units leave the source.
#[server(endpoint = "staff/inventory/transfer-send")]
pub async fn send_transfer(
    #[server(default)] csrf: String,
    #[server(default)] id: String,
) -> Result<(), AppError> {
    use commerce::{inventory::transfers, staff::role::Permission};
    let _ = csrf;
    let id = input::record_id(&id);
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        transfers::send(&db()?, &actor(&staff), id).await?;
        Ok::<_, AppError>(())
    };
    let page = format!("/staff/inventory/transfers/{id}");
    finish(
        work,
        |_| Then::Stay(page.clone()),
        Back {
            path: page.clone(),
            form: "send",
            inputs: vec![],
        },
    )
    .await
}

/// Cancels a draft transfer.
#[server(endpoint = "staff/inventory/transfer-cancel")]
pub async fn cancel_transfer(
    #[server(default)] csrf: String,
    #[server(default)] id: String,
) -> Result<(), AppError> {
    use commerce::{inventory::transfers, staff::role::Permission};
    let _ = csrf;
    let id = input::record_id(&id);
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        transfers::cancel(&db()?, &actor(&staff), id).await?;
        Ok::<_, AppError>(())
    };
    let page = format!("/staff/inventory/transfers/{id}");
    finish(
        work,
        |_| Then::Stay(page.clone()),
        Back {
            path: page.clone(),
            form: "cancel",
            inputs: vec![],
        },
    )
    .await
}

/// Receives a sent transfer at its destination: `received` maps variant ids to the units that
/// arrived (a line not named arrived in full).
#[server(endpoint = "staff/inventory/transfer-receive")]
pub async fn receive_transfer(
    #[server(default)] csrf: String,
    #[server(default)] id: String,
    #[server(default)] received: HashMap<String, String>,
) -> Result<(), AppError> {
    use commerce::{inventory::transfers, staff::role::Permission};
    let _ = csrf;
    let id = input::record_id(&id);
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        let mut arrived = Vec::with_capacity(received.len());
        for (variant, units) in &received {
            let variant = input::whole(variant, "received")?;
            arrived.push((variant, input::whole(units, "received")?));
        }
        arrived.sort_unstable();
        transfers::receive(&db()?, &actor(&staff), id, &arrived).await?;
        Ok::<_, AppError>(())
    };
    let page = format!("/staff/inventory/transfers/{id}");
    finish(
        work,
        |_| Then::Stay(page.clone()),
        Back {
            path: page.clone(),
            form: "receive",
            inputs: vec![],
        },
    )
    .await
}

/// Opens a count at `location` of one category (with its subcategories) or, when `category`
/// is empty, of everything. Success leads to the count.
#[server(endpoint = "staff/inventory/count-open")]
pub async fn open_count(
    #[server(default)] csrf: String,
    #[server(default)] location: String,
    #[server(default)] category: String,
) -> Result<i64, AppError> {
    use commerce::{inventory::counts, staff::role::Permission};
    let _ = csrf;
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::AdjustStock))?;
        let location_id = parse_location(&location, "location")?;
        let category_id = match category.trim() {
            "" => None,
            c => Some(input::chosen_id(c, "category", Problem::UnknownCategory)?),
        };
        let c = counts::open(&db()?, &actor(&staff), location_id, category_id).await?;
        Ok::<_, AppError>(c.count.id)
    };
    finish(
        work,
        |id| Then::Go(format!("/staff/inventory/counts/{id}")),
        Back {
            path: "/staff/inventory/counts".into(),
            form: "open",
            inputs: vec![("location", &location), ("category", &category)],
        },
    )
    .await
}

/// Adds scanned or typed codes to a count (`codes`: one code per line, optionally with a
/// quantity; each adds its units to the line's counted quantity). Answers with what is counted
/// now of each scanned variant; `show` and `page` bring a plain post back to the same page.
#[server(endpoint = "staff/inventory/count-scan")]
pub async fn scan_count(
    #[server(default)] csrf: String,
    #[server(default)] id: String,
    #[server(default)] show: String,
    #[server(default)] page: String,
    #[server(default)] codes: String,
) -> Result<ScanResult, AppError> {
    use commerce::{
        inventory::{counts, parse_code_lines, views},
        staff::role::Permission,
    };
    let _ = csrf;
    let id = input::record_id(&id);
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::AdjustStock))?;
        let db = db()?;
        let lines = parse_code_lines(&db, &codes, "codes").await?;
        let count = counts::add_scanned(&db, &actor(&staff), id, &lines).await?;
        let mut ids: Vec<i64> = lines.iter().map(|l| l.variant_id).collect();
        ids.dedup();
        let labels = views::variant_labels(&db, "en", Some(&ids)).await?;
        Ok::<_, AppError>(ScanResult {
            lines: ids
                .iter()
                .filter_map(|v| {
                    let counted = count.lines.iter().find(|l| l.variant_id == *v)?.counted?;
                    Some(ScannedLine {
                        sku: labels.get(v)?.sku.clone(),
                        counted,
                    })
                })
                .collect(),
        })
    };
    let here = CountQuery::from_fields(&show, &page).href(id);
    finish(
        work,
        |r| {
            let scanned: Vec<String> = r
                .lines
                .iter()
                .map(|l| format!("{} {}", l.sku, l.counted))
                .collect();
            let sep = if here.contains('?') { '&' } else { '?' };
            Then::Stay(format!(
                "{here}{sep}scanned={}",
                commerce::text::query_value(&scanned.join("\n"))
            ))
        },
        Back {
            path: CountQuery::from_fields(&show, &page).href(id),
            form: "scan",
            inputs: vec![("show", &show), ("page", &page), ("codes", &codes)],
        },
    )
    .await
}

/// Saves counted quantities: `counted` maps variant ids to what was counted (empty: not
/// counted); `was` holds the values the form showed, so only lines changed in the form are
/// written (a colleague's scans of other lines meanwhile are kept).
#[server(endpoint = "staff/inventory/count-record")]
pub async fn record_count(
    #[server(default)] csrf: String,
    #[server(default)] id: String,
    #[server(default)] show: String,
    #[server(default)] page: String,
    #[server(default)] counted: HashMap<String, String>,
    #[server(default)] was: HashMap<String, String>,
) -> Result<(), AppError> {
    use commerce::{inventory::counts, staff::role::Permission};
    let _ = csrf;
    let id = input::record_id(&id);
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::AdjustStock))?;
        let mut entries = Vec::new();
        for (variant, value) in &counted {
            if was.get(variant).is_some_and(|w| w.trim() == value.trim()) {
                continue;
            }
            let variant = input::whole(variant, "counted")?;
            let units = input::optional_whole(value, "counted")?;
            entries.push((variant, units));
        }
        entries.sort_unstable();
        if !entries.is_empty() {
            counts::record(&db()?, &actor(&staff), id, &entries).await?;
        }
        Ok::<_, AppError>(())
    };
    let here = CountQuery::from_fields(&show, &page).href(id);
    finish(
        work,
        |_| Then::Stay(here.clone()),
        Back {
            path: CountQuery::from_fields(&show, &page).href(id),
            form: "record",
            inputs: vec![("show", &show), ("page", &page)],
        },
    )
    .await
}

/// Posts a count: every counted difference becomes a `count` movement.
#[server(endpoint = "staff/inventory/count-post")]
pub async fn post_count(
    #[server(default)] csrf: String,
    #[server(default)] id: String,
) -> Result<(), AppError> {
    use commerce::{inventory::counts, staff::role::Permission};
    let _ = csrf;
    let id = input::record_id(&id);
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::AdjustStock))?;
        counts::post(&db()?, &actor(&staff), id).await?;
        Ok::<_, AppError>(())
    };
    let page = format!("/staff/inventory/counts/{id}");
    finish(
        work,
        |_| Then::Stay(page.clone()),
        Back {
            path: page.clone(),
            form: "post",
            inputs: vec![],
        },
    )
    .await
}

/// Cancels an open count (nothing is booked).
#[server(endpoint = "staff/inventory/count-cancel")]
pub async fn cancel_count(
    #[server(default)] csrf: String,
    #[server(default)] id: String,
) -> Result<(), AppError> {
    use commerce::{inventory::counts, staff::role::Permission};
    let _ = csrf;
    let id = input::record_id(&id);
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::AdjustStock))?;
        counts::cancel(&db()?, &actor(&staff), id).await?;
        Ok::<_, AppError>(())
    };
    let page = format!("/staff/inventory/counts/{id}");
    finish(
        work,
        |_| Then::Stay(page.clone()),
        Back {
            path: page.clone(),
            form: "cancel",
            inputs: vec![],
        },
    )
    .await
}

/// Sets a location's default low-stock threshold.
#[server(endpoint = "staff/inventory/location-threshold")]
pub async fn set_location_threshold(
    #[server(default)] csrf: String,
    #[server(default)] location: String,
    #[server(default)] threshold: String,
) -> Result<(), AppError> {
    use commerce::{inventory::thresholds, staff::role::Permission};
    let _ = csrf;
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        let location_id = parse_location(&location, "location")?;
        let value = input::whole(&threshold, "threshold")?;
        thresholds::set_location_default(&db()?, &actor(&staff), location_id, value).await?;
        Ok::<_, AppError>(())
    };
    finish(
        work,
        |_| Then::Stay("/staff/inventory/low-stock".into()),
        Back {
            path: "/staff/inventory/low-stock".into(),
            form: "threshold",
            inputs: vec![("location", &location), ("threshold", &threshold)],
        },
    )
    .await
}

/// Sets a variant's own low-stock threshold (`threshold` empty: each location's default).
#[server(endpoint = "staff/inventory/variant-threshold")]
pub async fn set_variant_threshold(
    #[server(default)] csrf: String,
    #[server(default)] variant: String,
    #[server(default)] threshold: String,
) -> Result<(), AppError> {
    use commerce::{inventory::thresholds, staff::role::Permission};
    let _ = csrf;
    let variant = input::record_id(&variant);
    let work = async {
        let staff = crate::staff::api::require(Some(Permission::ManageInventory))?;
        let value = match threshold.trim() {
            "" => None,
            t => Some(input::whole(t, "threshold")?),
        };
        thresholds::set_variant_threshold(&db()?, &actor(&staff), variant, value).await?;
        Ok::<_, AppError>(())
    };
    let page = format!("/staff/inventory/variant/{variant}");
    finish(
        work,
        |_| Then::Stay(page.clone()),
        Back {
            path: page.clone(),
            form: "threshold",
            inputs: vec![("threshold", &threshold)],
        },
    )
    .await
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::support::*;
    use crate::error::AppError;

    #[test]
    fn locations_as_chosen() {
        assert_eq!(parse_location("2", "location"), Ok(2));
        for bad in ["", "0"] {
            assert_eq!(
                parse_location(bad, "from"),
                Err(AppError::invalid("from", Problem::UnknownLocation))
            );
        }
    }
}
