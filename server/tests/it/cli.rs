//! The `stoa` command line: bad input gives one clear line and a non-zero exit.

use std::process::Command;

fn stoa() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stoa"));
    c.env_remove("DATABASE_URL")
        .env_remove("STOA_DATA")
        .env_remove("STOA_ADDR");
    c
}

fn one_line_error(out: &std::process::Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).trim().to_owned();
    assert!(!out.status.success(), "should fail: {err}");
    assert_eq!(
        err.lines().count(),
        1,
        "exactly one line on stderr, got:\n{err}"
    );
    assert!(err.starts_with("stoa: "), "{err}");
    err
}

#[test]
fn unknown_flag_is_one_line_and_exit_2() {
    let out = stoa().args(["serve", "--bogus"]).output().unwrap();
    let err = one_line_error(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("--bogus"), "{err}");
}

#[test]
fn bad_address_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = stoa()
        .args(["serve", "--addr", "not-an-address", "--data"])
        .arg(dir.path())
        .output()
        .unwrap();
    one_line_error(&out);
}

#[test]
fn unreachable_database_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = stoa()
        .args(["migrate", "--data"])
        .arg(dir.path())
        .env("DATABASE_URL", "postgres://stoa:secret@127.0.0.1:1/nothing")
        .output()
        .unwrap();
    let err = one_line_error(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("PostgreSQL"), "{err}");
    assert!(
        !err.contains("secret"),
        "password must not be printed: {err}"
    );
}

#[test]
fn unsupported_database_url_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = stoa()
        .args(["migrate", "--data"])
        .arg(dir.path())
        .env("DATABASE_URL", "mysql://root@127.0.0.1/x")
        .output()
        .unwrap();
    let err = one_line_error(&out);
    assert!(err.contains("unsupported DATABASE_URL"), "{err}");
}

#[test]
fn unwritable_data_folder_is_one_line() {
    // A path below a regular file can never be created, even as root.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let out = stoa()
        .args(["migrate", "--data"])
        .arg(file.join("data"))
        .output()
        .unwrap();
    let err = one_line_error(&out);
    assert!(err.contains("not writable"), "{err}");
}

#[test]
fn migrate_then_create_staff() {
    let dir = tempfile::tempdir().unwrap();
    let out = stoa()
        .args(["migrate", "--data"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("stoa.db").exists());

    // The password comes on standard input (not in argv).
    let mut child = stoa()
        .args([
            "create-staff",
            "--email",
            "Ola@Example.test",
            "--role",
            "manager",
            "--data",
        ])
        .arg(dir.path())
        .env_remove("STOA_STAFF_PASSWORD")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"a-long-password\n").unwrap();
    }
    let ok = child.wait_with_output().unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("ola@example.test"));
    // …or in STOA_STAFF_PASSWORD; with neither, a clear error.
    let ok = stoa()
        .args([
            "create-staff",
            "--email",
            "env@example.test",
            "--role",
            "manager",
            "--data",
        ])
        .arg(dir.path())
        .env("STOA_STAFF_PASSWORD", "another-long-password")
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let none = stoa()
        .args([
            "create-staff",
            "--email",
            "none@example.test",
            "--role",
            "manager",
            "--data",
        ])
        .arg(dir.path())
        .env_remove("STOA_STAFF_PASSWORD")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("no password"));

    // The same e-mail again, a weak password, an unknown store: one line each, nothing written.
    for args in [
        vec![
            "--email",
            "ola@example.test",
            "--password",
            "a-long-password",
            "--role",
            "manager",
        ],
        vec![
            "--email",
            "new@example.test",
            "--password",
            "short",
            "--role",
            "manager",
        ],
        vec![
            "--email",
            "new@example.test",
            "--password",
            "a-long-password",
            "--role",
            "cashier",
            "--store",
            "XYZ",
        ],
    ] {
        let out = stoa()
            .arg("create-staff")
            .args(&args)
            .arg("--data")
            .arg(dir.path())
            .output()
            .unwrap();
        one_line_error(&out);
    }
    let bad_role = stoa()
        .args([
            "create-staff",
            "--email",
            "x@example.test",
            "--password",
            "a-long-password",
            "--role",
            "king",
            "--data",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    one_line_error(&bad_role);
}
