//! Issue 10, writing safely and reading with a bound: `-o` and `--baseline`
//! replace only regular files the run does not read, keep modes, never name
//! their temporary file; files and standard input share `--max-size` and
//! the early NUL check.

use crate::common;

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

fn factcheck() -> Command {
    let mut c = Command::cargo_bin("factcheck").unwrap();
    c.env("NO_COLOR", "1")
        .env_remove("CI")
        .timeout(Duration::from_secs(60));
    c
}

fn article(dir: &Path) -> std::path::PathBuf {
    let a = dir.join("a.txt");
    std::fs::copy(common::repo("tests/fixtures/small.txt"), &a).unwrap();
    a
}

/// `-o TARGET` is refused with one line naming `why`, exit 2, and the
/// target left as it was.
fn refused(dir: &Path, target: &Path, extra: &[&str], why: &str) {
    let out = factcheck()
        .current_dir(dir)
        .args(extra)
        .arg("-o")
        .arg(target)
        .arg(article(dir))
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(why), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains(".factcheck-"), "{err}");
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| {
            use std::os::unix::fs::MetadataExt;
            m.uid() == 0
        })
        .unwrap_or(false)
}

#[cfg(unix)]
#[test]
fn devices_fifos_directories_and_links_are_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    if is_root() {
        let null = d.join("null");
        let ok = std::process::Command::new("mknod")
            .arg(&null)
            .args(["c", "1", "3"])
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            refused(d, &null, &[], "is not a regular file");
            let t = std::fs::symlink_metadata(&null).unwrap().file_type();
            assert!(t.is_char_device());
        } else {
            common::skip("safe_write::device", "mknod failed");
        }
    } else {
        common::skip("safe_write::device", "not root: cannot mknod a device");
    }
    let fifo = d.join("pipe");
    if std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        refused(d, &fifo, &[], "is not a regular file");
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    } else {
        common::skip("safe_write::fifo", "mkfifo is not available");
    }
    std::fs::create_dir(d.join("sub")).unwrap();
    refused(d, &d.join("sub"), &[], "is a directory");

    let real = d.join("real.txt");
    std::fs::write(&real, "old").unwrap();
    let link = d.join("link.txt");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    refused(d, &link, &[], "is a symbolic link");
    let dangling = d.join("dangling.txt");
    std::os::unix::fs::symlink(d.join("nowhere.txt"), &dangling).unwrap();
    refused(d, &dangling, &[], "is a symbolic link");
    assert!(!d.join("nowhere.txt").exists());
    // --follow writes through the link, which stays a link.
    factcheck()
        .args(["--follow", "--format", "json", "-o"])
        .arg(&link)
        .arg(article(d))
        .assert()
        .code(1);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("\"version\": 1")
    );
    factcheck()
        .args(["--follow", "-o"])
        .arg(&dangling)
        .arg(article(d))
        .assert()
        .code(1);
    assert!(d.join("nowhere.txt").is_file());
}

#[test]
fn files_the_run_reads_are_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("factcheck.yaml"), "fail-on: error\n").unwrap();
    refused(
        d,
        Path::new("factcheck.yaml"),
        &[],
        "the configuration in use",
    );
    std::fs::create_dir(d.join("claims")).unwrap();
    std::fs::write(d.join("claims/house.yaml"), "units: []\n").unwrap();
    let before = std::fs::read(d.join("claims/house.yaml")).unwrap();
    refused(
        d,
        Path::new("claims/house.yaml"),
        &["--claims", "claims"],
        "a catalogue file",
    );
    assert_eq!(std::fs::read(d.join("claims/house.yaml")).unwrap(), before);
    // The report never replaces the baseline, even the one this run writes.
    refused(
        d,
        Path::new("b.yaml"),
        &["--baseline", "b.yaml"],
        "is the baseline",
    );
    assert!(!d.join("b.yaml").exists());
    // Nor does a baseline (updated) replace an input or the configuration.
    let a = article(d);
    factcheck()
        .current_dir(d)
        .args(["--update-baseline", "--baseline"])
        .arg(&a)
        .arg(&a)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is an input file"));
    factcheck()
        .current_dir(d)
        .args(["--update-baseline", "--baseline", "factcheck.yaml"])
        .arg(&a)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is the configuration in use"));
    assert_eq!(
        std::fs::read_to_string(d.join("factcheck.yaml")).unwrap(),
        "fail-on: error\n"
    );
}

#[test]
fn dash_is_standard_output_and_a_missing_directory_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = factcheck()
        .current_dir(d)
        .args(["--format", "json", "-o", "-"])
        .arg(article(d))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).unwrap().contains("\"version\": 1"));
    assert!(!d.join("-").exists());
    refused(d, &d.join("no/such/dir/r.json"), &[], "the directory");
}

#[cfg(unix)]
#[test]
fn modes_are_kept_and_new_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = article(d);
    let old = d.join("old.txt");
    std::fs::write(&old, "x").unwrap();
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).unwrap();
    factcheck().arg("-o").arg(&old).arg(&a).assert().code(1);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&old), 0o644);
    let bin = assert_cmd::cargo::cargo_bin("factcheck");
    for (umask, want) in [("027", 0o640), ("022", 0o644)] {
        let new = d.join(format!("new-{umask}.txt"));
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask}; exec \"$0\" -o \"$1\" \"$2\"",))
            .arg(&bin)
            .arg(&new)
            .arg(&a)
            .env("NO_COLOR", "1")
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(1));
        assert_eq!(mode(&new), want, "umask {umask}");
        let b = d.join(format!("baseline-{umask}.yaml"));
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask}; exec \"$0\" --baseline \"$1\" \"$2\""
            ))
            .arg(&bin)
            .arg(&b)
            .arg(&a)
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(0));
        assert_eq!(mode(&b), want, "baseline, umask {umask}");
    }
}

#[test]
fn files_and_standard_input_share_one_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "Doanh thu 25%.\n".repeat(200)).unwrap();
    factcheck()
        .args(["--max-size", "1KB"])
        .arg(&big)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "big.txt: larger than the limit of 1 KB (--max-size)",
        ));
    factcheck()
        .args(["--max-size", "1KB", "-"])
        .write_stdin("Doanh thu 25%.\n".repeat(200))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "<stdin>: larger than the limit of 1 KB (--max-size)",
        ));
    factcheck()
        .args(["--max-size", "lots", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a size"));
}

#[cfg(unix)]
#[test]
fn endless_standard_input_is_refused_early() {
    let bin = assert_cmd::cargo::cargo_bin("factcheck");
    // /dev/zero: the first NUL byte stops it, not the kernel.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" - < /dev/zero")
        .arg(&bin)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("binary file (NUL byte at offset 0)"), "{err}");
    // Endless text: the limit stops it.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("yes 'Doanh thu tăng 25%.' | \"$0\" --max-size 2MB -")
        .arg(&bin)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("larger than the limit of 2 MB"), "{err}");
}
