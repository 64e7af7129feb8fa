//! `[http] tokens_file`: who may call the HTTP API, and with which role.
//!
//! One credential per line, `ROLE NAME SECRET`; `#` starts a comment:
//!
//! ```text
//! # role  name      secret
//! admin   ops       9f3c...   (at least 16 characters, no spaces)
//! write   billing   77ab...
//! read    dashboard 0c1d...
//! site    fish      5e6f...   (what the sites themselves use)
//! ```
//!
//! Roles are ordered: `read` (GET and list), `write` (also PUT, DELETE,
//! txn), `admin` (also members, backup, status, step-down, metrics unless
//! public), `site` (also `/v1/internal/*`: what sites send one another; a
//! site uses the first `site` line of its own file). Every site of a group
//! reads the same file. The file must not be readable by others (mode
//! 0640 root:fish, as the packages and the Ansible role install it).
//!
//! Secrets are kept as SHA-256 digests and compared in constant time,
//! against every entry, so neither the time of an answer nor its status
//! tells which entry came closest. Only `site` secrets are kept in clear,
//! since the site sends them.

use std::fmt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// What a credential may do; each role may do everything the ones before
/// it may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AccessRole {
    Read,
    Write,
    Admin,
    Site,
}

impl AccessRole {
    pub const NAMES: [(&'static str, AccessRole); 4] = [
        ("read", AccessRole::Read),
        ("write", AccessRole::Write),
        ("admin", AccessRole::Admin),
        ("site", AccessRole::Site),
    ];

    pub fn name(self) -> &'static str {
        AccessRole::NAMES.iter().find(|(_, r)| *r == self).map(|(n, _)| *n).expect("every role has a name")
    }
}

impl fmt::Display for AccessRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A secret shorter than this is refused: guessing must stay hopeless.
pub const MIN_SECRET_LEN: usize = 16;

struct Entry {
    role: AccessRole,
    name: String,
    digest: [u8; 32],
}

/// The parsed tokens file.
pub struct Tokens {
    path: PathBuf,
    entries: Vec<Entry>,
    /// The secret of the first `site` line: this site's own credential.
    site_secret: Option<String>,
}

/// Never prints a secret.
impl fmt::Debug for Tokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self.entries.iter().map(|e| format!("{} {}", e.role, e.name)).collect();
        f.debug_struct("Tokens").field("path", &self.path).field("entries", &names).finish()
    }
}

/// Two loads of the same file compare equal (a reload logs a change only
/// when there is one).
impl PartialEq for Tokens {
    fn eq(&self, other: &Tokens) -> bool {
        self.path == other.path
            && self.entries.len() == other.entries.len()
            && self
                .entries
                .iter()
                .zip(&other.entries)
                .all(|(a, b)| a.role == b.role && a.name == b.name && a.digest == b.digest)
    }
}

/// Who a valid credential belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub role: AccessRole,
    pub name: String,
}

impl Tokens {
    /// Reads and checks the file; the error names the file and line.
    pub fn load(path: &Path) -> Result<Tokens, String> {
        let at = |line: usize, why: String| format!("{}:{line}: {why}", path.display());
        let meta = std::fs::metadata(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        if meta.mode() & 0o007 != 0 {
            return Err(format!(
                "{}: mode {:04o} lets every user read the API's secrets; chmod 0640 (owner root, group fish)",
                path.display(),
                meta.mode() & 0o7777
            ));
        }
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let mut entries: Vec<Entry> = Vec::new();
        let mut site_secret = None;
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [role, name, secret] = fields[..] else {
                return Err(at(n, format!("expected ROLE NAME SECRET, found {} fields", fields.len())));
            };
            let role = AccessRole::NAMES
                .iter()
                .find(|(r, _)| *r == role)
                .map(|(_, r)| *r)
                .ok_or_else(|| at(n, format!("{role:?} is not a role (read, write, admin or site)")))?;
            let valid_name =
                name.len() <= 64 && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.@".contains(&b));
            if !valid_name {
                return Err(at(n, format!("name {name:?} must be 1-64 characters of A-Z a-z 0-9 - _ . @")));
            }
            if secret.len() < MIN_SECRET_LEN || !secret.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(at(
                    n,
                    format!(
                        "the secret of {name:?} must be at least {MIN_SECRET_LEN} printable ASCII characters (`fishctl token` makes one)"
                    ),
                ));
            }
            if entries.iter().any(|e| e.name == name) {
                return Err(at(n, format!("name {name:?} appears twice")));
            }
            let digest: [u8; 32] = Sha256::digest(secret.as_bytes()).into();
            if entries.iter().any(|e| e.digest == digest) {
                return Err(at(n, format!("the secret of {name:?} is also another entry's")));
            }
            if role == AccessRole::Site && site_secret.is_none() {
                site_secret = Some(secret.to_string());
            }
            entries.push(Entry { role, name: name.to_string(), digest });
        }
        if entries.is_empty() {
            return Err(format!("{}: no credentials (lines of ROLE NAME SECRET)", path.display()));
        }
        Ok(Tokens { path: path.to_path_buf(), entries, site_secret })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The caller whose secret `presented` is, if any: compared with every
    /// entry in constant time.
    pub fn check(&self, presented: &[u8]) -> Option<Caller> {
        let digest: [u8; 32] = Sha256::digest(presented).into();
        let mut found = None;
        for entry in &self.entries {
            if bool::from(entry.digest.ct_eq(&digest)) {
                found = Some(entry);
            }
        }
        found.map(|e| Caller { role: e.role, name: e.name.clone() })
    }

    /// This site's own credential (the first `site` line), for what it
    /// sends other sites.
    pub fn site_secret(&self) -> Option<&str> {
        self.site_secret.as_deref()
    }

    /// How many credentials of each role, for the log.
    pub fn summary(&self) -> String {
        AccessRole::NAMES
            .iter()
            .map(|(name, role)| format!("{} {name}", self.entries.iter().filter(|e| e.role == *role).count()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A new random secret: 32 bytes, hex.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    getrandom(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The kernel's random bytes.
fn getrandom(buf: &mut [u8]) {
    use std::io::Read;
    std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(buf)).expect("reading /dev/urandom");
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn file(text: &str, mode: u32) -> tempfile::NamedTempFile {
        let f = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(f.path(), text).unwrap();
        std::fs::set_permissions(f.path(), std::fs::Permissions::from_mode(mode)).unwrap();
        f
    }

    #[test]
    fn a_tokens_file_names_each_caller_and_role() {
        let f = file(
            "# comment\nadmin ops 0123456789abcdef0\n\nread dash  fedcba98765432100 # trailing\nsite fish 5555555555555555aa\n",
            0o640,
        );
        let tokens = Tokens::load(f.path()).unwrap();
        assert_eq!(tokens.check(b"0123456789abcdef0"), Some(Caller { role: AccessRole::Admin, name: "ops".into() }));
        assert_eq!(tokens.check(b"fedcba98765432100").map(|c| c.role), Some(AccessRole::Read));
        assert_eq!(tokens.check(b"0123456789abcdef"), None, "a prefix is not the secret");
        assert_eq!(tokens.check(b""), None);
        assert_eq!(tokens.site_secret(), Some("5555555555555555aa"));
        assert!(!format!("{tokens:?}").contains("0123456789abcdef0"), "Debug never shows a secret");
        assert!(AccessRole::Read < AccessRole::Write && AccessRole::Admin < AccessRole::Site);
    }

    #[test]
    fn bad_files_are_refused_naming_the_line() {
        let cases = [
            ("admin ops\n", "1: expected ROLE NAME SECRET"),
            ("root ops 0123456789abcdef0\n", "\"root\" is not a role"),
            ("read a 0123456789abcdef0\nread a 0123456789abcdef1\n", "2: name \"a\" appears twice"),
            ("read a 0123456789abcdef0\nwrite b 0123456789abcdef0\n", "also another entry's"),
            ("read a short\n", "at least 16"),
            ("read a/b 0123456789abcdef0\n", "name \"a/b\""),
            ("# nothing\n", "no credentials"),
        ];
        for (text, expected) in cases {
            let err = Tokens::load(file(text, 0o600).path()).unwrap_err();
            assert!(err.contains(expected), "{text:?}: {err}");
        }
        let err = Tokens::load(file("read a 0123456789abcdef0\n", 0o644).path()).unwrap_err();
        assert!(err.contains("mode 0644"), "{err}");
    }

    #[test]
    fn new_secrets_are_long_and_differ() {
        let (a, b) = (new_secret(), new_secret());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
    }
}
