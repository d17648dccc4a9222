//! The `stoa` command line (DESIGN §3.4).

use std::{net::SocketAddr, path::PathBuf};

use clap::{Parser, Subcommand};

use crate::config::DataConfig;

/// Stoa: one shop, online and in store.
#[derive(Parser, Debug)]
#[command(
    name = "stoa",
    version,
    about = "Stoa: a self-hosted shop for online and in-store sales"
)]
pub struct Cli {
    /// Data folder: SQLite database, search index, uploaded images.
    #[arg(
        long = "data",
        env = "STOA_DATA",
        default_value = "./data",
        global = true
    )]
    pub data: PathBuf,
    /// Database URL (`postgres://…`); defaults to the SQLite file in the data folder.
    #[arg(
        long = "database-url",
        env = "DATABASE_URL",
        global = true,
        hide_env_values = true
    )]
    pub database_url: Option<String>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run migrations, then serve the shop and the staff pages.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "STOA_ADDR", default_value = "127.0.0.1:3000")]
        addr: SocketAddr,
        /// Load the demo shop first (if it is not loaded yet).
        #[arg(long)]
        demo: bool,
        /// Always mark cookies `Secure` (set this when a TLS proxy sits in front).
        #[arg(long, env = "STOA_SECURE_COOKIES")]
        secure_cookies: bool,
        /// The address shoppers use (`https://shop.example.com`), when a reverse proxy in front
        /// rewrites `Host`. An https URL implies --secure-cookies.
        #[arg(long, env = "STOA_PUBLIC_URL")]
        public_url: Option<String>,
        /// Serve `/metrics` to requests with `Authorization: Bearer <token>` (without a token
        /// `/metrics` is not served).
        #[arg(long, env = "STOA_METRICS_TOKEN", hide_env_values = true)]
        metrics_token: Option<String>,
    },
    /// Run pending database migrations and exit.
    Migrate,
    /// Load the demo shop (stores, products, stock, staff accounts with random passwords) into
    /// an empty shop and print the accounts once (they are kept in `demo-accounts.txt` in the
    /// data folder).
    Demo {
        /// Load it even though the database already holds staff accounts or products.
        #[arg(long)]
        force: bool,
        /// Grow the catalogue to this many products (the demo's few hundred, then generated
        /// ones: realistic names in three languages, variants, prices, opening stock), to see
        /// the shop at 10k or 100k products.
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
        products: Option<u64>,
    },
    /// Rebuild the search index from the database (a running server is asked to do it).
    Reindex,
    /// Verify the stock invariants (each level equals the sum of its movements, reservations
    /// add up, nothing below zero); exits non-zero naming the first mismatch.
    Check,
    /// Create a staff account.
    CreateStaff {
        /// Sign-in e-mail address.
        #[arg(long)]
        email: String,
        /// Password (at least 10 characters). Without this flag it is read from the
        /// `STOA_STAFF_PASSWORD` environment variable, else as one line from standard input, so
        /// it stays out of the process list and the shell history: use the flag only in
        /// throw-away scripts and tests.
        #[arg(long, env = "STOA_STAFF_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        /// Role: owner, manager or cashier.
        #[arg(long, value_parser = ["owner", "manager", "cashier"])]
        role: String,
        /// Display name (defaults to the part of the e-mail before the @).
        #[arg(long)]
        name: Option<String>,
        /// Store code this person works in (repeat for several).
        #[arg(long = "store")]
        stores: Vec<String>,
    },
}

/// A failure that ends the command with one line on stderr and exit code 1.
#[derive(Debug)]
pub struct Fatal(pub String);

impl<E: std::fmt::Display> From<E> for Fatal {
    fn from(e: E) -> Self {
        Fatal(e.to_string())
    }
}

async fn open(cli: &Cli) -> Result<(DataConfig, sea_orm::DatabaseConnection), Fatal> {
    let config = DataConfig::prepare(&cli.data, cli.database_url.clone())?;
    let db = commerce::db::connect(&config.database_url).await?;
    commerce::db::migrate(&db).await?;
    Ok((config, db))
}

/// Runs a parsed command line.
pub async fn run(cli: Cli) -> Result<(), Fatal> {
    match &cli.command {
        Command::Migrate => {
            let (config, _db) = open(&cli).await?;
            println!(
                "migrations applied ({})",
                commerce::db::redact(&config.database_url)
            );
        }
        Command::Demo { force, products } => {
            let (config, db) = open(&cli).await?;
            let report = demo::load_with(&db, &config.data_dir, *force).await?;
            print_demo(&report);
            if let Some(wanted) = *products {
                grow_catalogue(&db, wanted).await?;
            }
        }
        Command::Reindex => {
            let (config, db) = open(&cli).await?;
            match commerce::search::SearchIndex::open(&db, &config.data_dir).await {
                Ok(index) => {
                    let stats = index.rebuild(&db).await?;
                    println!(
                        "search index rebuilt: {} products in {} ms ({})",
                        stats.products,
                        stats.elapsed.as_millis(),
                        config.data_dir.join("search").display()
                    );
                }
                Err(commerce::CommerceError::IndexLocked) => {
                    commerce::outbox::emit(&db, commerce::outbox::Change::Rebuild).await?;
                    println!(
                        "a running server holds the search index: it will rebuild it within a second"
                    );
                }
                Err(e) => return Err(e.into()),
            }
        }
        Command::Check => {
            let (_config, db) = open(&cli).await?;
            let report = commerce::inventory::check::verify(&db).await?;
            if let Some(first) = report.mismatches.first() {
                return Err(Fatal(format!(
                    "check failed ({} mismatches); first: {first}",
                    report.mismatches.len()
                )));
            }
            println!(
                "ok: {} stock levels equal their ledgers ({} movements), {} active reservations add up",
                report.levels, report.movements, report.reservations
            );
        }
        Command::CreateStaff {
            email,
            password,
            role,
            name,
            stores,
        } => {
            let password = match password {
                Some(p) => p.clone(),
                None => read_password_line()?,
            };
            let (_config, db) = open(&cli).await?;
            let user = commerce::staff::create_staff(
                &db,
                commerce::staff::NewStaff {
                    email: email.clone(),
                    password,
                    role: role.clone(),
                    name: name.clone(),
                    store_codes: stores.clone(),
                },
            )
            .await?;
            println!("created {} ({}) with id {}", user.email, role, user.id);
        }
        Command::Serve {
            addr,
            demo,
            secure_cookies,
            public_url,
            metrics_token,
        } => {
            let public_origin = public_url
                .as_deref()
                .map(crate::state::WebOptions::parse_public_url)
                .transpose()
                .map_err(|e| Fatal(format!("--public-url: {e}")))?;
            let metrics_token = metrics_token.clone().filter(|t| !t.trim().is_empty());
            if metrics_token.as_ref().is_some_and(|t| t.len() < 16) {
                return Err(Fatal(
                    "--metrics-token: use at least 16 characters".to_owned(),
                ));
            }
            let web = crate::state::WebOptions {
                secure_cookies: *secure_cookies
                    || public_origin
                        .as_deref()
                        .is_some_and(|o| o.starts_with("https://")),
                public_origin,
                metrics_token,
            };
            let (config, db) = open(&cli).await?;
            if *demo {
                let report = demo::load(&db, &config.data_dir).await?;
                print_demo(&report);
            }
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|e| Fatal(format!("cannot listen on {addr}: {e}")))?;
            let local = listener.local_addr()?;
            let state = crate::state(db, config.data_dir.clone(), local, web).await?;
            tracing::info!(data = %config.data_dir.display(), database = %commerce::db::redact(&config.database_url), "starting");
            println!(
                "Stoa is serving http://{local}  (staff sign-in: http://{local}/staff/signin)"
            );
            crate::serve(listener, state, shutdown_signal()).await?;
        }
    }
    Ok(())
}

/// Adds generated products until the shop has `wanted` (once: a catalogue already grown is
/// left as it is).
async fn grow_catalogue(db: &sea_orm::DatabaseConnection, wanted: u64) -> Result<(), Fatal> {
    use sea_orm::{EntityTrait, PaginatorTrait};
    let generated = demo::bulk::already_generated(db).await?;
    let have = commerce::entity::product::Entity::find().count(db).await?;
    if generated > 0 {
        println!("The catalogue was grown before ({have} products); nothing added.");
        return Ok(());
    }
    if wanted <= have {
        println!("The shop already has {have} products.");
        return Ok(());
    }
    println!("Generating {} products…", wanted - have);
    let g = demo::bulk::generate(db, (wanted - have) as usize, 7).await?;
    println!(
        "Added {} products and {} variants in {:.1} s; the shop has {wanted} products.",
        g.products, g.variants, g.seconds
    );
    Ok(())
}

/// Reads the new staff password as one line from standard input (a prompt goes to stderr when
/// it is a terminal).
fn read_password_line() -> Result<String, Fatal> {
    use std::io::{BufRead, IsTerminal, Write};
    if std::io::stdin().is_terminal() {
        eprint!("Password for the new account (shown as you type; or pipe it in): ");
        std::io::stderr().flush().ok();
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Fatal(format!("cannot read the password from standard input: {e}")))?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        return Err(Fatal(
            "no password: pass it on standard input or in STOA_STAFF_PASSWORD".to_owned(),
        ));
    }
    Ok(password)
}

/// Prints what the demo loader did. The passwords are printed when they were just drawn;
/// afterwards the file that keeps them is named instead.
fn print_demo(report: &demo::DemoReport) {
    if report.already_loaded {
        println!(
            "Demo shop already loaded; nothing changed. Its staff accounts and passwords are in {}.",
            report.accounts_file.display()
        );
        return;
    }
    println!(
        "Demo shop loaded: {} products, {} variants, {} categories, {} locations.",
        report.products, report.variants, report.categories, report.locations
    );
    println!(
        "Demo staff accounts (sign in at /staff/signin; also kept in {}):",
        report.accounts_file.display()
    );
    for s in &report.staff {
        println!(
            "  {:<28} {:<16} {:<8} {}",
            s.email,
            s.password,
            s.role,
            s.stores.join(",")
        );
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}
