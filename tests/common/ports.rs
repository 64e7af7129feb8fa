//! Loopback ports for test sites, shared by the `it` and `faults` test
//! binaries (each includes this file with `#[path]`).

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    free_ports(1)
}

/// The first of `n` consecutive ports nobody listens on right now.
///
/// Not a port the kernel hands out for `bind(0)`: those come from the
/// ephemeral range (32768-60999 by default), where any outgoing connection
/// of any process (the tests open thousands) may take the port between this
/// choice and fishd binding it, and fishd then fails with EADDRINUSE. Test
/// ports come from 10000-31999 instead, a slice of 2,000 per test process
/// (by pid, so concurrent runs rarely meet), handed out once each within
/// the process, and each checked by binding it.
pub fn free_ports(n: u16) -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    const FIRST: u16 = 10_000;
    const SLICE: u16 = 2_000;
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let base = FIRST + (std::process::id() % 11) as u16 * SLICE;
    for _ in 0..SLICE {
        let offset = NEXT.fetch_add(n, Ordering::Relaxed) % SLICE;
        if offset + n > SLICE {
            continue;
        }
        let first = base + offset;
        if (first..first + n).all(|p| std::net::TcpListener::bind(("127.0.0.1", p)).is_ok()) {
            return first;
        }
    }
    panic!("no {n} free consecutive ports in {base}-{}", base + SLICE - 1);
}
