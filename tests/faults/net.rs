//! The test's private network: one network namespace per site, joined by
//! veth pairs to a bridge in the host namespace (which is where the clients
//! and the view front-ends run). Partitions are nftables drop rules inside
//! the sites' namespaces between site addresses only, so clients always
//! reach every site: an isolated master still hears from clients, the case
//! that matters for split brain. Names and the subnet carry a run id taken
//! from the process id and a count of nets made (bridge `fishflt<id>`,
//! namespaces `fish-flt<id>-N`, 10.232.<id>.0/24), so two runs on one
//! machine do not collide.
//! Everything is removed on drop, and leftovers with the same id first.

use std::process::Command;

/// `ip`/`nft` failed: the message names the command.
fn run(args: &[&str]) -> Result<(), String> {
    let out = Command::new(args[0]).args(&args[1..]).output().map_err(|e| format!("{}: {e}", args.join(" ")))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("{}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim()))
    }
}

fn must(args: &[&str]) {
    run(args).unwrap_or_else(|e| panic!("{e}"));
}

pub struct Net {
    pub bridge: String,
    /// The host side of the bridge (clients and the front-end live there).
    pub host_addr: String,
    pub namespaces: Vec<String>,
    pub addrs: Vec<String>,
    id: u32,
}

impl Net {
    /// A bridge and `n` namespaces with addresses 10.232.<id>.11, .12, ...
    pub fn new(n: usize) -> Net {
        // A second Net in the same process (another test) gets another id.
        static MADE: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let made = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let id = 10 + (std::process::id() + 101 * made) % 240;
        let net = Net {
            bridge: format!("fishflt{id}"),
            host_addr: format!("10.232.{id}.1"),
            namespaces: (0..n).map(|i| format!("fish-flt{id}-{i}")).collect(),
            addrs: (0..n).map(|i| format!("10.232.{id}.{}", 11 + i)).collect(),
            id,
        };
        let bridge = net.bridge.as_str();
        net.remove();
        must(&["ip", "link", "add", bridge, "type", "bridge"]);
        must(&["ip", "addr", "add", &format!("{}/24", net.host_addr), "dev", bridge]);
        must(&["ip", "link", "set", bridge, "up"]);
        for (i, ns) in net.namespaces.iter().enumerate() {
            let (host_end, ns_end) = (format!("ff{id}-{i}h", id = net.id), format!("ff{id}-{i}c", id = net.id));
            must(&["ip", "netns", "add", ns]);
            must(&["ip", "link", "add", &host_end, "type", "veth", "peer", "name", &ns_end]);
            must(&["ip", "link", "set", &host_end, "master", bridge, "up"]);
            must(&["ip", "link", "set", &ns_end, "netns", ns]);
            must(&["ip", "-n", ns, "link", "set", &ns_end, "name", "eth0"]);
            must(&["ip", "-n", ns, "addr", "add", &format!("{}/24", net.addrs[i]), "dev", "eth0"]);
            must(&["ip", "-n", ns, "link", "set", "eth0", "up"]);
            must(&["ip", "-n", ns, "link", "set", "lo", "up"]);
        }
        net
    }

    /// Site `i` drops all traffic to and from the sites in `peers`.
    pub fn cut(&self, i: usize, peers: &[usize]) {
        self.cut_rules(i, peers, "drop");
    }

    /// Site `i` drops the TCP traffic to and from port `port` of the sites
    /// in `peers` and theirs to its own `port` (e.g. replication only, so
    /// that HTTP between them still flows).
    pub fn cut_port(&self, i: usize, peers: &[usize], port: u16) {
        self.cut_rules(i, peers, &format!("tcp sport {port} drop; ip PEER tcp dport {port} drop"));
    }

    /// Site `i` drops every packet it receives from the sites in `peers`;
    /// what it sends them still leaves (a one-way cut).
    pub fn cut_inbound(&self, i: usize, peers: &[usize]) {
        self.install(i, peers, "drop", None);
    }

    /// Installs `verdict` (which may name `PEER`, the set of peers' addresses
    /// in the rule's direction) for traffic between site `i` and `peers`.
    fn cut_rules(&self, i: usize, peers: &[usize], verdict: &str) {
        self.install(i, peers, verdict, Some(verdict));
    }

    /// `input` for packets from `peers` to site `i`, `output` (if any) for
    /// packets from it to them.
    fn install(&self, i: usize, peers: &[usize], input: &str, output: Option<&str>) {
        if peers.is_empty() {
            return;
        }
        let set = peers.iter().map(|&p| self.addrs[p].as_str()).collect::<Vec<_>>().join(", ");
        let input = input.replace("PEER", &format!("saddr {{ {set} }}"));
        let output = match output {
            Some(verdict) => format!(
                "chain output {{ type filter hook output priority 0; policy accept; ip daddr {{ {set} }} {}; }}\n",
                verdict.replace("PEER", &format!("daddr {{ {set} }}"))
            ),
            None => String::new(),
        };
        let rules = format!(
            "table inet fishfault {{\n\
             chain input {{ type filter hook input priority 0; policy accept; ip saddr {{ {set} }} {input}; }}\n\
             {output}}}\n"
        );
        let path = std::env::temp_dir().join(format!("fishfault-{}-{i}.nft", self.id));
        std::fs::write(&path, rules).unwrap();
        self.heal_site(i);
        must(&["ip", "netns", "exec", &self.namespaces[i], "nft", "-f", path.to_str().unwrap()]);
    }

    /// Cuts every site in `a` from every site in `b` (both directions).
    pub fn partition(&self, a: &[usize], b: &[usize]) {
        for &i in a {
            self.cut(i, b);
        }
        for &j in b {
            self.cut(j, a);
        }
    }

    fn heal_site(&self, i: usize) {
        let _ = run(&["ip", "netns", "exec", &self.namespaces[i], "nft", "delete", "table", "inet", "fishfault"]);
    }

    /// Removes every partition.
    pub fn heal(&self) {
        for i in 0..self.namespaces.len() {
            self.heal_site(i);
        }
    }

    fn remove(&self) {
        for (i, ns) in self.namespaces.iter().enumerate() {
            let _ = run(&["ip", "netns", "del", ns]);
            // A namespace is torn down asynchronously: delete our veth
            // pair by hand so an immediate next run finds the names free.
            let _ = run(&["ip", "link", "del", &format!("ff{}-{i}h", self.id)]);
        }
        let _ = run(&["ip", "link", "del", &self.bridge]);
    }
}

impl Drop for Net {
    fn drop(&mut self) {
        self.remove();
    }
}
