//! Certificates for people without a PKI (`fishctl cert`, `fishd dev`): a
//! group CA, and site certificates it signs that name a site's
//! replication address, as mutual TLS between sites checks it
//! (`replication::tls`, docs/security.md): an IP or DNS name for TLS, and
//! `fish://HOST:PORT` for the address the site claims in the group.

/// The `host:port` a certificate's `fish://` URI names, as compared.
pub fn claim(host: &str, port: u16) -> String {
    format!("{}:{port}", host.to_ascii_lowercase())
}

use std::path::{Path, PathBuf};

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose, SanType,
};

/// A CA lives 10 years, a site certificate 2.
const CA_DAYS: i64 = 3650;
const SITE_DAYS: i64 = 730;

fn fail(path: &Path, why: impl std::fmt::Display) -> String {
    format!("{}: {why}", path.display())
}

/// Writes `file` with `mode`, refusing to overwrite.
fn write_new(file: &Path, text: &str, mode: u32) -> Result<(), String> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(file)
        .map_err(|e| fail(file, format!("{e} (an existing file is never overwritten)")))?;
    f.write_all(text.as_bytes()).and_then(|()| f.sync_all()).map_err(|e| fail(file, e))
}

fn validity(params: &mut CertificateParams, days: i64) {
    let now = time::OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::hours(1);
    params.not_after = now + time::Duration::days(days);
}

/// `DIR/ca.pem` (0644) and `DIR/ca.key` (0600): a new group CA.
pub fn make_ca(dir: &Path, name: &str) -> Result<(PathBuf, PathBuf), String> {
    std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
    let key = KeyPair::generate().map_err(|e| e.to_string())?;
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(|e| e.to_string())?;
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, name);
    params.distinguished_name = dn;
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
    validity(&mut params, CA_DAYS);
    let cert = params.self_signed(&key).map_err(|e| e.to_string())?;
    let (pem, key_file) = (dir.join("ca.pem"), dir.join("ca.key"));
    write_new(&key_file, &key.serialize_pem(), 0o600)?;
    write_new(&pem, &cert.pem(), 0o644)?;
    Ok((pem, key_file))
}

/// `OUT/NAME.pem` (0644) and `OUT/NAME.key` (0640): a site certificate
/// signed by the CA in `ca_dir`, naming `host` and `fish://host:port`.
pub fn make_site(ca_dir: &Path, name: &str, host: &str, port: u16, out: &Path) -> Result<(PathBuf, PathBuf), String> {
    let (ca_pem, ca_key) = (ca_dir.join("ca.pem"), ca_dir.join("ca.key"));
    let ca_text = std::fs::read_to_string(&ca_pem).map_err(|e| fail(&ca_pem, e))?;
    let key_text = std::fs::read_to_string(&ca_key).map_err(|e| fail(&ca_key, e))?;
    let ca_key = KeyPair::from_pem(&key_text).map_err(|e| fail(&ca_key, e))?;
    let issuer = CertificateParams::from_ca_cert_pem(&ca_text)
        .map_err(|e| fail(&ca_pem, e))?
        .self_signed(&ca_key)
        .map_err(|e| fail(&ca_pem, format!("does not go with its key: {e}")))?;
    let key = KeyPair::generate().map_err(|e| e.to_string())?;
    let mut params = CertificateParams::new(vec![host.to_string()]).map_err(|e| format!("{host}: {e}"))?;
    let uri = format!("fish://{}", claim(host, port));
    params.subject_alt_names.push(SanType::URI(uri.clone().try_into().map_err(|e| format!("{uri}: {e:?}"))?));
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, name);
    params.distinguished_name = dn;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature, KeyUsagePurpose::KeyEncipherment];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth, ExtendedKeyUsagePurpose::ClientAuth];
    validity(&mut params, SITE_DAYS);
    let cert = params.signed_by(&key, &issuer, &ca_key).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(out).map_err(|e| fail(out, e))?;
    let (pem, key_file) = (out.join(format!("{name}.pem")), out.join(format!("{name}.key")));
    write_new(&key_file, &key.serialize_pem(), 0o640)?;
    write_new(&pem, &cert.pem(), 0o644)?;
    Ok((pem, key_file))
}
