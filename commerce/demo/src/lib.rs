//! `stoa demo`: a realistic multilingual demo shop.
//!
//! [`load`] fills an empty database with an online warehouse and stores in Athens and Kraków,
//! a few hundred products in English, Greek and Polish with variants, barcodes, prices and
//! placeholder photos, opening stock at every location, staff accounts for each role and a few
//! customers. The content itself is generated, deterministically, by [`content`]; the pictures
//! are drawn by [`images`].
//!
//! Loading is idempotent: once the shop is there (the `WEB` location or the `demo_loaded`
//! setting exists), [`load`] changes nothing and says so in its [`DemoReport`]. It loads only
//! into an empty shop (no staff accounts, no products) unless forced, so a production database
//! cannot be filled with demo data by mistake.
//!
//! The staff accounts get random passwords, drawn at each load, reported once and written to
//! [`ACCOUNTS_FILE`] in the data folder (readable by its owner only), where the operator finds
//! them again.

pub mod bulk;
pub mod content;
pub mod images;

use std::{collections::HashMap, path::Path};

use chrono::Utc;
use sea_orm::{
    sea_query::OnConflict, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, Set,
};

use commerce::{
    entity::{
        category, category_translation, customer,
        enums::{LocationKind, MovementReason, ProductStatus, StaffRole},
        locale, location, option_value, option_value_translation, product, product_image,
        product_option, product_translation, setting, staff_store_membership, staff_user, store,
        variant, variant_option_value, vat_rate,
    },
    error::Conflict,
    inventory::{self, NewMovement},
    staff::password::hash_password,
    CommerceError, Result,
};

use content::{Catalogue, StaffSeed};

/// The file in the data folder that lists the demo staff accounts and their passwords (one
/// account a line: e-mail, password, role, store codes, separated by tabs).
pub const ACCOUNTS_FILE: &str = "demo-accounts.txt";

/// Key of the `settings` row written when the demo shop has been loaded.
pub const DEMO_SETTING: &str = "demo_loaded";

/// Code of the location whose presence marks the demo shop as loaded.
pub const MARKER_LOCATION: &str = "WEB";

/// Rows per multi-row `INSERT` (well under SQLite's and PostgreSQL's bind-parameter limits).
const BATCH: usize = 250;

/// A demo staff account, to print after loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    /// Sign-in e-mail.
    pub email: String,
    /// Demo password.
    pub password: String,
    /// `owner`, `manager` or `cashier`.
    pub role: String,
    /// Codes of the stores the account works in.
    pub stores: Vec<String>,
}

/// What [`load`] did (or found).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoReport {
    /// `true` when the demo shop was already there and nothing was changed.
    pub already_loaded: bool,
    /// Products in the database.
    pub products: u64,
    /// Variants in the database.
    pub variants: u64,
    /// Categories in the database.
    pub categories: u64,
    /// Stock locations in the database.
    pub locations: u64,
    /// Product images registered in the database.
    pub images: u64,
    /// Image files drawn by this run (full size and thumbnail count as one).
    pub images_written: usize,
    /// The demo staff accounts present in the database, with the passwords of
    /// [`ACCOUNTS_FILE`] (empty when the file is gone).
    pub staff: Vec<DemoAccount>,
    /// Where the accounts and passwords are written.
    pub accounts_file: std::path::PathBuf,
}

/// Whether the demo shop has been loaded into `db`.
pub async fn is_loaded<C: ConnectionTrait>(db: &C) -> Result<bool> {
    let marker = location::Entity::find()
        .filter(location::Column::Code.eq(MARKER_LOCATION))
        .count(db)
        .await?;
    if marker > 0 {
        return Ok(true);
    }
    Ok(setting::Entity::find_by_id(DEMO_SETTING.to_owned())
        .one(db)
        .await?
        .is_some())
}

/// Loads the demo shop into `db` and draws its product pictures under
/// `<data_dir>/images/products/`.
///
/// Everything goes into the database in one transaction, which commits only once every picture
/// is on disk and the accounts are written to [`ACCOUNTS_FILE`], so a failure leaves the
/// database as it was (pictures already drawn stay and are reused next time). Opening stock is
/// posted through [`inventory::post_movement`] with reason `initial`. If the demo shop is
/// already there, nothing is changed and the report says `already_loaded`.
///
/// # Errors
/// [`CommerceError::Conflict`] when the database already holds staff accounts or products
/// that are not the demo's; [`CommerceError::Db`] on a database error;
/// [`CommerceError::Internal`] when a picture or the accounts file cannot be written.
pub async fn load(db: &DatabaseConnection, data_dir: &Path) -> Result<DemoReport> {
    load_with(db, data_dir, false).await
}

/// [`load`], also into a database that already holds staff accounts or products when `force`
/// is set (`stoa demo --force`).
#[tracing::instrument(skip(db))]
pub async fn load_with(
    db: &DatabaseConnection,
    data_dir: &Path,
    force: bool,
) -> Result<DemoReport> {
    if is_loaded(db).await? {
        return report(db, data_dir, true, 0).await;
    }
    if !force {
        let staff = staff_user::Entity::find().count(db).await?;
        let products = product::Entity::find().count(db).await?;
        if staff > 0 || products > 0 {
            return Err(Conflict::ShopNotEmpty { staff, products }.into());
        }
    }
    let started = std::time::Instant::now();
    let catalogue = content::catalogue();

    // Draw the pictures on other threads while the database is filled.
    let images_dir = data_dir.join("images");
    let products = catalogue.products.clone();
    let drawing =
        tokio::task::spawn_blocking(move || images::write_product_images(&images_dir, &products));
    // Fresh random passwords; argon2 is slow on purpose, so hash them in parallel too.
    let accounts: Vec<DemoAccount> = content::staff()
        .into_iter()
        .map(|s| DemoAccount {
            password: random_password(),
            ..account(s)
        })
        .collect();
    let hashing: Vec<_> = accounts
        .iter()
        .map(|a| {
            let password = a.password.clone();
            tokio::task::spawn_blocking(move || hash_password(&password))
        })
        .collect();
    let mut hashes = Vec::with_capacity(hashing.len());
    for h in hashing {
        hashes.push(h.await.map_err(join_error)??);
    }

    let txn = commerce::db::begin_write(db).await?;
    // Another `stoa demo` may have finished meanwhile.
    if is_loaded(&*txn).await? {
        txn.rollback().await?;
        return report(db, data_dir, true, 0).await;
    }
    let result = async {
        insert_everything(&*txn, &catalogue, &hashes).await?;
        // A whole catalogue at once: search indexes rebuild rather than apply thousands of
        // changes.
        commerce::outbox::emit(&*txn, commerce::outbox::Change::Rebuild).await?;
        let stats = drawing
            .await
            .map_err(join_error)?
            .map_err(|e| CommerceError::Internal(format!("cannot write demo images: {e}")))?;
        write_accounts(data_dir, &accounts)?;
        Ok(stats)
    }
    .await;
    let stats = txn.finish(result).await?;
    tracing::info!(
        products = catalogue.products.len(),
        images_written = stats.written,
        images_rendered = stats.rendered,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "demo shop loaded"
    );
    report(db, data_dir, false, stats.written).await
}

/// A random demo password: three groups of four letters and digits (about 62 bits), without
/// the look-alikes 0/o, 1/l/i.
fn random_password() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    let group = |rng: &mut rand::rngs::OsRng| -> String {
        (0..4)
            .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
            .collect()
    };
    format!(
        "{}-{}-{}",
        group(&mut rng),
        group(&mut rng),
        group(&mut rng)
    )
}

/// Writes [`ACCOUNTS_FILE`], readable and writable by its owner only.
fn write_accounts(data_dir: &Path, accounts: &[DemoAccount]) -> Result<()> {
    use std::io::Write;
    let path = data_dir.join(ACCOUNTS_FILE);
    let fail = |e: std::io::Error| {
        CommerceError::Internal(format!("cannot write {}: {e}", path.display()))
    };
    std::fs::create_dir_all(data_dir).map_err(fail)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&path).map_err(fail)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(fail)?;
    }
    let mut text = String::from("# Stoa demo staff accounts: e-mail, password, role, stores\n");
    for a in accounts {
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            a.email,
            a.password,
            a.role,
            a.stores.join(",")
        ));
    }
    file.write_all(text.as_bytes()).map_err(fail)?;
    file.sync_all().map_err(fail)
}

/// The accounts of [`ACCOUNTS_FILE`] in `data_dir` (none when it is missing or unreadable).
pub fn read_accounts(data_dir: &Path) -> Vec<DemoAccount> {
    let Ok(text) = std::fs::read_to_string(data_dir.join(ACCOUNTS_FILE)) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some(DemoAccount {
                email: f.next()?.to_owned(),
                password: f.next()?.to_owned(),
                role: f.next()?.to_owned(),
                stores: f
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect(),
            })
        })
        .collect()
}

fn join_error(e: tokio::task::JoinError) -> CommerceError {
    CommerceError::Internal(format!("demo loader task failed: {e}"))
}

/// Counts what is in the database and lists the demo accounts that exist, with their passwords
/// from [`ACCOUNTS_FILE`].
async fn report<C: ConnectionTrait>(
    db: &C,
    data_dir: &Path,
    already_loaded: bool,
    images_written: usize,
) -> Result<DemoReport> {
    let emails: Vec<&str> = content::staff().iter().map(|s| s.email).collect();
    let present: Vec<String> = staff_user::Entity::find()
        .filter(staff_user::Column::Email.is_in(emails))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.email)
        .collect();
    let written = read_accounts(data_dir);
    let staff = content::staff()
        .into_iter()
        .filter(|s| present.iter().any(|e| e == s.email))
        .map(|s| {
            let password = written
                .iter()
                .find(|a| a.email == s.email)
                .map(|a| a.password.clone())
                .unwrap_or_default();
            DemoAccount {
                password,
                ..account(s)
            }
        })
        .collect();
    Ok(DemoReport {
        already_loaded,
        products: product::Entity::find().count(db).await?,
        variants: variant::Entity::find().count(db).await?,
        categories: category::Entity::find().count(db).await?,
        locations: location::Entity::find().count(db).await?,
        images: product_image::Entity::find().count(db).await?,
        images_written,
        staff,
        accounts_file: data_dir.join(ACCOUNTS_FILE),
    })
}

fn account(s: StaffSeed) -> DemoAccount {
    DemoAccount {
        email: s.email.to_owned(),
        password: String::new(),
        role: s.role.to_owned(),
        stores: s.stores.iter().map(|c| (*c).to_owned()).collect(),
    }
}

/// Inserts `rows` in batches of [`BATCH`], optionally skipping conflicting rows.
async fn insert_batched<A, C>(db: &C, rows: Vec<A>, on_conflict: Option<OnConflict>) -> Result<()>
where
    A: ActiveModelTrait,
    <A::Entity as EntityTrait>::Model: sea_orm::IntoActiveModel<A>,
    C: ConnectionTrait,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<A> = rows.by_ref().take(BATCH).collect();
        let mut insert = A::Entity::insert_many(batch);
        if let Some(c) = &on_conflict {
            insert = insert.on_conflict(c.clone());
        }
        insert.exec_without_returning(db).await?;
    }
    Ok(())
}

fn missing(what: &str, key: &str) -> CommerceError {
    CommerceError::Internal(format!("demo loader: {what} {key} was not inserted"))
}

async fn insert_everything<C: ConnectionTrait>(
    txn: &C,
    cat: &Catalogue,
    hashes: &[String],
) -> Result<()> {
    let now = Utc::now();

    // Languages and VAT rates (kept if the shop already has them).
    let locales = content::locales().into_iter().map(|l| locale::ActiveModel {
        code: Set(l.code.to_owned()),
        name: Set(l.name.to_owned()),
        is_default: Set(l.is_default),
        enabled: Set(true),
        position: Set(l.position),
    });
    insert_batched(
        txn,
        locales.collect(),
        Some(
            OnConflict::column(locale::Column::Code)
                .do_nothing()
                .to_owned(),
        ),
    )
    .await?;
    let rates = content::vat_rates()
        .into_iter()
        .map(|r| vat_rate::ActiveModel {
            code: Set(r.code.to_owned()),
            name: Set(r.name.to_owned()),
            rate_bp: Set(r.rate_bp),
            ..Default::default()
        });
    insert_batched(
        txn,
        rates.collect(),
        Some(
            OnConflict::column(vat_rate::Column::Code)
                .do_nothing()
                .to_owned(),
        ),
    )
    .await?;
    let vat_ids: HashMap<String, i64> = vat_rate::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|r| (r.code, r.id))
        .collect();

    // Stores and locations.
    let stores = content::stores().into_iter().map(|s| store::ActiveModel {
        code: Set(s.code.to_owned()),
        name: Set(s.name.to_owned()),
        address_line: Set(s.address_line.to_owned()),
        city: Set(s.city.to_owned()),
        postal_code: Set(s.postal_code.to_owned()),
        country: Set(s.country.to_owned()),
        phone: Set(Some(s.phone.to_owned())),
        timezone: Set(s.timezone.to_owned()),
        opening_hours: Set(Some(s.opening_hours.to_owned())),
        pickup_enabled: Set(s.pickup_enabled),
        created_at: Set(now),
        ..Default::default()
    });
    insert_batched(
        txn,
        stores.collect(),
        Some(
            OnConflict::column(store::Column::Code)
                .do_nothing()
                .to_owned(),
        ),
    )
    .await?;
    let store_ids: HashMap<String, i64> = store::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|s| (s.code, s.id))
        .collect();
    let mut locations = Vec::new();
    for l in content::locations() {
        let store_id = match l.store {
            Some(code) => Some(*store_ids.get(code).ok_or_else(|| missing("store", code))?),
            None => None,
        };
        locations.push(location::ActiveModel {
            code: Set(l.code.to_owned()),
            name: Set(l.name.to_owned()),
            kind: Set(if l.warehouse {
                LocationKind::Warehouse
            } else {
                LocationKind::Store
            }),
            store_id: Set(store_id),
            ships_online: Set(l.ships_online),
            default_low_stock_threshold: Set(l.default_low_stock_threshold),
            created_at: Set(now),
            ..Default::default()
        });
    }
    insert_batched(
        txn,
        locations,
        Some(
            OnConflict::column(location::Column::Code)
                .do_nothing()
                .to_owned(),
        ),
    )
    .await?;
    let location_ids: HashMap<String, i64> = location::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|l| (l.code, l.id))
        .collect();

    // Categories, parents before children.
    let mut category_ids: HashMap<String, i64> = HashMap::new();
    let mut pending: Vec<&content::CategorySeed> = cat.categories.iter().collect();
    while !pending.is_empty() {
        let (ready, later): (Vec<_>, Vec<_>) = pending.into_iter().partition(|c| {
            c.parent
                .as_ref()
                .is_none_or(|p| category_ids.contains_key(p))
        });
        if ready.is_empty() {
            return Err(CommerceError::Internal(
                "demo loader: category parents form a cycle".into(),
            ));
        }
        let rows = ready
            .iter()
            .map(|c| category::ActiveModel {
                parent_id: Set(c.parent.as_ref().map(|p| category_ids[p])),
                slug: Set(c.slug.clone()),
                position: Set(c.position),
                created_at: Set(now),
                ..Default::default()
            })
            .collect();
        insert_batched(txn, rows, None).await?;
        let slugs: Vec<&str> = ready.iter().map(|c| c.slug.as_str()).collect();
        for row in category::Entity::find()
            .filter(category::Column::Slug.is_in(slugs))
            .all(txn)
            .await?
        {
            category_ids.insert(row.slug, row.id);
        }
        pending = later;
    }
    let mut rows = Vec::new();
    for c in &cat.categories {
        for ((loc, name), ((_, slug), (_, description))) in
            c.name.iter().zip(c.slugs.iter().zip(c.description.iter()))
        {
            rows.push(category_translation::ActiveModel {
                category_id: Set(category_ids[&c.slug]),
                locale: Set(loc.to_owned()),
                name: Set(name.to_owned()),
                slug: Set(slug.to_owned()),
                description: Set(description.to_owned()),
                ..Default::default()
            });
        }
    }
    insert_batched(txn, rows, None).await?;

    // Products and their translations.
    let mut rows = Vec::with_capacity(cat.products.len());
    for p in &cat.products {
        rows.push(product::ActiveModel {
            category_id: Set(*category_ids
                .get(&p.category)
                .ok_or_else(|| missing("category", &p.category))?),
            slug: Set(p.slug.clone()),
            status: Set(if p.active {
                ProductStatus::Active
            } else {
                ProductStatus::Draft
            }),
            vat_rate_id: Set(*vat_ids
                .get(p.vat_rate)
                .ok_or_else(|| missing("VAT rate", p.vat_rate))?),
            brand: Set(Some(p.brand.to_owned())),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
    }
    insert_batched(txn, rows, None).await?;
    let product_ids: HashMap<String, i64> = product::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|p| (p.slug, p.id))
        .collect();
    let pid = |slug: &str| {
        product_ids
            .get(slug)
            .copied()
            .ok_or_else(|| missing("product", slug))
    };
    let mut rows = Vec::with_capacity(cat.products.len() * 3);
    for p in &cat.products {
        let id = pid(&p.slug)?;
        for ((loc, name), ((_, slug), (_, description))) in
            p.name.iter().zip(p.slugs.iter().zip(p.description.iter()))
        {
            rows.push(product_translation::ActiveModel {
                product_id: Set(id),
                locale: Set(loc.to_owned()),
                name: Set(name.to_owned()),
                slug: Set(slug.to_owned()),
                description: Set(description.to_owned()),
                ..Default::default()
            });
        }
    }
    insert_batched(txn, rows, None).await?;

    // Options, their values and labels.
    let mut rows = Vec::new();
    for p in &cat.products {
        let id = pid(&p.slug)?;
        for (pos, o) in p.options.iter().enumerate() {
            rows.push(product_option::ActiveModel {
                product_id: Set(id),
                code: Set(o.code.to_owned()),
                position: Set(pos as i32),
                ..Default::default()
            });
        }
    }
    insert_batched(txn, rows, None).await?;
    let product_id_set: std::collections::HashSet<i64> = product_ids.values().copied().collect();
    let option_ids: HashMap<(i64, String), i64> = product_option::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .filter(|o| product_id_set.contains(&o.product_id))
        .map(|o| ((o.product_id, o.code), o.id))
        .collect();
    let oid = |product: i64, code: &str| {
        option_ids
            .get(&(product, code.to_owned()))
            .copied()
            .ok_or_else(|| missing("option", code))
    };
    let mut rows = Vec::new();
    for p in &cat.products {
        let id = pid(&p.slug)?;
        for o in &p.options {
            let option_id = oid(id, o.code)?;
            for (pos, v) in o.values.iter().enumerate() {
                rows.push(option_value::ActiveModel {
                    option_id: Set(option_id),
                    code: Set(v.code.clone()),
                    position: Set(pos as i32),
                    ..Default::default()
                });
            }
        }
    }
    insert_batched(txn, rows, None).await?;
    let option_id_set: std::collections::HashSet<i64> = option_ids.values().copied().collect();
    let value_ids: HashMap<(i64, String), i64> = option_value::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .filter(|v| option_id_set.contains(&v.option_id))
        .map(|v| ((v.option_id, v.code), v.id))
        .collect();
    let vid = |option: i64, code: &str| {
        value_ids
            .get(&(option, code.to_owned()))
            .copied()
            .ok_or_else(|| missing("option value", code))
    };
    let mut rows = Vec::new();
    for p in &cat.products {
        let id = pid(&p.slug)?;
        for o in &p.options {
            let option_id = oid(id, o.code)?;
            for v in &o.values {
                let value_id = vid(option_id, &v.code)?;
                for (loc, label) in v.label.iter() {
                    rows.push(option_value_translation::ActiveModel {
                        option_value_id: Set(value_id),
                        locale: Set(loc.to_owned()),
                        label: Set(label.to_owned()),
                        ..Default::default()
                    });
                }
            }
        }
    }
    insert_batched(txn, rows, None).await?;

    // Variants and the option values they stand for.
    let mut rows = Vec::new();
    for p in &cat.products {
        let id = pid(&p.slug)?;
        for (pos, v) in p.variants.iter().enumerate() {
            rows.push(variant::ActiveModel {
                product_id: Set(id),
                sku: Set(v.sku.clone()),
                barcode: Set(Some(v.barcode.clone())),
                price_minor: Set(v.price_minor),
                compare_at_minor: Set(v.compare_at_minor),
                currency: Set(content::CURRENCY.to_owned()),
                position: Set(pos as i32),
                weight_grams: Set(Some(v.weight_grams)),
                low_stock_threshold: Set(None),
                active: Set(true),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            });
        }
    }
    insert_batched(txn, rows, None).await?;
    let variant_ids: HashMap<String, i64> = variant::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|v| (v.sku, v.id))
        .collect();
    let var_id = |sku: &str| {
        variant_ids
            .get(sku)
            .copied()
            .ok_or_else(|| missing("variant", sku))
    };
    let mut rows = Vec::new();
    for p in &cat.products {
        let id = pid(&p.slug)?;
        for v in &p.variants {
            let variant_id = var_id(&v.sku)?;
            for (o, &vi) in p.options.iter().zip(&v.values) {
                let value_id = vid(oid(id, o.code)?, &o.values[vi].code)?;
                rows.push(variant_option_value::ActiveModel {
                    variant_id: Set(variant_id),
                    option_value_id: Set(value_id),
                });
            }
        }
    }
    insert_batched(txn, rows, None).await?;

    // Images (the files are drawn by `images::write_product_images`).
    let mut rows = Vec::new();
    for p in &cat.products {
        let id = pid(&p.slug)?;
        for (pos, img) in p.images.iter().enumerate() {
            rows.push(product_image::ActiveModel {
                product_id: Set(id),
                variant_id: Set(match &img.variant_sku {
                    Some(sku) => Some(var_id(sku)?),
                    None => None,
                }),
                position: Set(pos as i32),
                path: Set(img.path.clone()),
                width: Set(content::IMAGE_SIZE as i32),
                height: Set(content::IMAGE_SIZE as i32),
                alt: Set(Some(img.alt.clone())),
                created_at: Set(now),
                ..Default::default()
            });
        }
    }
    insert_batched(txn, rows, None).await?;

    // Customers (guests: no password).
    let customers = content::customers()
        .into_iter()
        .map(|c| customer::ActiveModel {
            email: Set(Some(c.email.to_owned())),
            phone: Set(Some(c.phone.to_owned())),
            name: Set(Some(c.name.to_owned())),
            password_hash: Set(None),
            locale: Set(c.locale.to_owned()),
            store_credit_minor: Set(0),
            marketing_opt_in: Set(c.marketing_opt_in),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    insert_batched(
        txn,
        customers,
        Some(
            OnConflict::column(customer::Column::Email)
                .do_nothing()
                .to_owned(),
        ),
    )
    .await?;

    // Staff accounts and their stores (an account created earlier by hand is kept as it is).
    let staff = content::staff();
    let rows = staff
        .iter()
        .zip(hashes)
        .map(|(s, hash)| staff_user::ActiveModel {
            email: Set(s.email.to_owned()),
            name: Set(s.name.to_owned()),
            password_hash: Set(hash.clone()),
            role: Set(match s.role {
                "owner" => StaffRole::Owner,
                "manager" => StaffRole::Manager,
                _ => StaffRole::Cashier,
            }),
            active: Set(true),
            created_at: Set(now),
            last_sign_in_at: Set(None),
            ..Default::default()
        })
        .collect();
    insert_batched(
        txn,
        rows,
        Some(
            OnConflict::column(staff_user::Column::Email)
                .do_nothing()
                .to_owned(),
        ),
    )
    .await?;
    let staff_ids: HashMap<String, i64> = staff_user::Entity::find()
        .filter(staff_user::Column::Email.is_in(staff.iter().map(|s| s.email)))
        .all(txn)
        .await?
        .into_iter()
        .map(|u| (u.email, u.id))
        .collect();
    let mut rows = Vec::new();
    for s in &staff {
        let staff_user_id = *staff_ids
            .get(s.email)
            .ok_or_else(|| missing("staff user", s.email))?;
        for code in s.stores {
            rows.push(staff_store_membership::ActiveModel {
                staff_user_id: Set(staff_user_id),
                store_id: Set(*store_ids.get(*code).ok_or_else(|| missing("store", code))?),
            });
        }
    }
    insert_batched(
        txn,
        rows,
        Some(
            OnConflict::columns([
                staff_store_membership::Column::StaffUserId,
                staff_store_membership::Column::StoreId,
            ])
            .do_nothing()
            .to_owned(),
        ),
    )
    .await?;

    // Opening stock, through the ledger.
    for p in &cat.products {
        for v in &p.variants {
            let variant_id = var_id(&v.sku)?;
            for &(code, quantity) in &v.stock {
                if quantity == 0 {
                    continue;
                }
                let location_id = *location_ids
                    .get(code)
                    .ok_or_else(|| missing("location", code))?;
                inventory::post_movement(
                    txn,
                    NewMovement {
                        location_id,
                        variant_id,
                        quantity,
                        reason: MovementReason::Initial,
                        adjustment_reason: None,
                        document: None,
                        staff_user_id: None,
                        note: Some("demo".into()),
                    },
                )
                .await?;
            }
        }
    }

    // The marker setting.
    setting::ActiveModel {
        key: Set(DEMO_SETTING.to_owned()),
        value: Set(serde_json::json!({
            "version": 1,
            "seed": content::SEED,
            "products": cat.products.len(),
            "loaded_at": now.to_rfc3339(),
        })),
        updated_at: Set(now),
    }
    .insert(txn)
    .await?;
    Ok(())
}
