//! Password hashing for staff and customer accounts: Argon2id with the OWASP parameters.
//!
//! Hashes are stored as PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`), which
//! carry their own parameters, so raising the cost later only needs [`needs_rehash`] at the
//! next successful sign-in.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, Salt, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::rngs::OsRng;
use rand::RngCore;

use std::sync::LazyLock;
use std::time::Duration;

use tokio::sync::Semaphore;

use crate::{error::Problem, CommerceError, Result};

/// Memory cost in KiB (19 MiB, OWASP Password Storage Cheat Sheet).
pub const M_COST_KIB: u32 = 19_456;
/// Number of passes.
pub const T_COST: u32 = 2;
/// Degree of parallelism.
pub const P_COST: u32 = 1;

/// Fewest characters a new password may have.
pub const MIN_LEN: usize = 10;
/// Most characters a new password may have (bounds the hashing work per request).
pub const MAX_LEN: usize = 128;

/// A well-formed Argon2id PHC string with the current parameters whose salt and output are
/// random bytes, so no known password matches it.
///
/// [`verify_dummy`] checks against it so that signing in with an unknown e-mail costs the same
/// time as with a known one and does not reveal which addresses have accounts.
pub const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$BMD2OBnlRdn/rd0EDL5Zng$B2WM9fYUoafRj8HAMrG2JbkAT9g72QMJFxOdkNZZ4iQ";

/// The Argon2id hasher with [`M_COST_KIB`], [`T_COST`] and [`P_COST`].
fn hasher() -> Argon2<'static> {
    // These constants are within Argon2's limits, so `Params::new` cannot fail; fall back to
    // the library default (the same OWASP values) rather than panic.
    let params = Params::new(M_COST_KIB, T_COST, P_COST, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes `password` with Argon2id and a fresh 16-byte random salt from the OS; returns the PHC
/// string to store.
pub fn hash_password(password: &str) -> Result<String> {
    let mut salt = [0u8; Salt::RECOMMENDED_LENGTH];
    OsRng
        .try_fill_bytes(&mut salt)
        .map_err(|e| CommerceError::Internal(format!("no randomness for a password salt: {e}")))?;
    let salt = SaltString::encode_b64(&salt)
        .map_err(|e| CommerceError::Internal(format!("password salt: {e}")))?;
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| CommerceError::Internal(format!("password hashing failed: {e}")))
}

/// A unit of hashing work for the [`HASHERS`] threads.
type Job = Box<dyn FnOnce() + Send>;

/// The threads that hash passwords, one per core, and the permits that bound the work queued
/// for them. Each hash takes [`M_COST_KIB`] of memory and a core for tens of milliseconds:
/// unbounded parallel sign-ins would take the machine's memory and starve the pages. The work
/// runs on these few long-lived threads rather than on the blocking pool, because the memory
/// allocator keeps a freed hash's 19 MiB in the arena of the thread that used it: spread over
/// dozens of blocking threads, a burst of sign-ins left hundreds of MiB resident.
struct Hashers {
    jobs: std::sync::Mutex<std::sync::mpsc::Sender<Job>>,
    permits: Semaphore,
}

static HASHERS: LazyLock<Hashers> = LazyLock::new(|| {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (tx, rx) = std::sync::mpsc::channel::<Job>();
    let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
    for i in 0..threads {
        let rx = rx.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("password-hash-{i}"))
            .spawn(move || loop {
                let job = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                match job {
                    Ok(job) => job(),
                    Err(_) => return,
                }
            });
        if let Err(e) = spawned {
            tracing::error!(error = %e, "cannot start a password hashing thread");
        }
    }
    Hashers {
        jobs: std::sync::Mutex::new(tx),
        permits: Semaphore::new(threads),
    }
});

/// Longest wait for a hashing slot before [`CommerceError::Busy`].
pub const HASHING_WAIT: Duration = Duration::from_secs(1);

/// Runs `work` (a password hash or verification) on a password-hashing thread once one is
/// free. Waits at most [`HASHING_WAIT`], then gives [`CommerceError::Busy`].
pub async fn gated<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    let _permit = tokio::time::timeout(HASHING_WAIT, HASHERS.permits.acquire())
        .await
        .map_err(|_| CommerceError::Busy)?
        .map_err(|e| CommerceError::Internal(format!("hashing gate closed: {e}")))?;
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
        let _ = tx.send(out);
    });
    HASHERS
        .jobs
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .send(job)
        .map_err(|_| CommerceError::Internal("no password hashing thread".into()))?;
    rx.await
        .map_err(|_| CommerceError::Internal("password hashing thread gone".into()))?
        .map_err(|_| CommerceError::Internal("password hashing panicked".into()))
}

/// Whether `password` matches the stored PHC string `phc`.
///
/// Uses the parameters recorded in `phc`; the comparison of the hash outputs is constant-time.
/// A malformed or non-Argon2 `phc` gives `false`, never an error or a panic.
pub fn verify_password(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Spends the same time as [`verify_password`] against a real hash, for an account that does
/// not exist. Always "fails"; call it and then report [`CommerceError::InvalidCredentials`].
pub fn verify_dummy(password: &str) {
    std::hint::black_box(verify_password(password, DUMMY_HASH));
}

/// Whether a stored hash should be replaced by a fresh [`hash_password`] (after a successful
/// sign-in): true when it is malformed or incomplete, not Argon2id v19, or made with other parameters.
pub fn needs_rehash(phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return true;
    };
    let Ok(params) = Params::try_from(&parsed) else {
        return true;
    };
    parsed.hash.is_none()
        || parsed.salt.is_none()
        || parsed.algorithm != Algorithm::Argon2id.ident()
        || parsed.version != Some(Version::V0x13.into())
        || params.m_cost() != M_COST_KIB
        || params.t_cost() != T_COST
        || params.p_cost() != P_COST
}

/// Checks a password someone is choosing: [`MIN_LEN`]–[`MAX_LEN`] characters, and not one
/// character repeated. Errors are [`CommerceError::Validation`] on the `password` field.
pub fn validate_new_password(password: &str) -> Result<(), CommerceError> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(CommerceError::validation(
            "password",
            Problem::TooShort {
                min: MIN_LEN as u64,
            },
        ));
    }
    if len > MAX_LEN {
        return Err(CommerceError::validation(
            "password",
            Problem::TooLong {
                max: MAX_LEN as u64,
            },
        ));
    }
    let mut chars = password.chars();
    let first = chars.next();
    if chars.all(|c| Some(c) == first) {
        return Err(CommerceError::validation(
            "password",
            Problem::RepeatedCharacter,
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_then_verify() {
        let phc = hash_password("correct horse battery").unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify_password("correct horse battery", &phc));
        assert!(!verify_password("correct horse battery ", &phc));
        assert!(!verify_password("Correct horse battery", &phc));
        assert!(!verify_password("", &phc));
        assert!(!needs_rehash(&phc));
    }

    #[test]
    fn salts_are_random() {
        let a = hash_password("same password").unwrap();
        let b = hash_password("same password").unwrap();
        assert_ne!(a, b);
        assert!(verify_password("same password", &a));
        assert!(verify_password("same password", &b));
    }

    #[test]
    fn malformed_hashes_are_false() {
        for phc in [
            "",
            "not a hash",
            "$argon2id$",
            "$argon2id$v=19$m=19456,t=2,p=1$",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ",
            "$argon2id$v=19$m=0,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$bcrypt$whatever",
            "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
        ] {
            assert!(!verify_password("password123", phc), "{phc:?}");
            assert!(needs_rehash(phc), "{phc:?}");
        }
    }

    #[test]
    fn old_parameters_need_rehash() {
        // Argon2id with t=1: verifies, but should be upgraded.
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8, 1, 1, None).unwrap(),
        );
        let salt = SaltString::encode_b64(b"0123456789abcdef").unwrap();
        let phc = weak
            .hash_password(b"old password", &salt)
            .unwrap()
            .to_string();
        assert!(verify_password("old password", &phc));
        assert!(needs_rehash(&phc));
    }

    #[test]
    fn dummy_hash_has_current_parameters() {
        assert!(!needs_rehash(DUMMY_HASH));
        assert!(!verify_password("", DUMMY_HASH));
        assert!(!verify_password("password123", DUMMY_HASH));
        verify_dummy("anything at all");
    }

    #[test]
    fn new_password_rules() {
        let field_of = |r: Result<()>| match r {
            Err(CommerceError::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        };
        assert!(validate_new_password("ten chars!").is_ok());
        assert!(validate_new_password("zażółć gęś").is_ok()); // 10 characters, more bytes
        assert!(validate_new_password(&"ab".repeat(64)).is_ok());
        assert_eq!(
            field_of(validate_new_password("nine char")),
            Some("password")
        );
        assert_eq!(field_of(validate_new_password("")), Some("password"));
        let too_long = format!("{}x", "ab".repeat(64));
        assert_eq!(too_long.chars().count(), 129);
        assert_eq!(field_of(validate_new_password(&too_long)), Some("password"));
        assert_eq!(
            field_of(validate_new_password("aaaaaaaaaaaa")),
            Some("password")
        );
        assert_eq!(
            field_of(validate_new_password("ąąąąąąąąąąąą")),
            Some("password")
        );
    }
}
