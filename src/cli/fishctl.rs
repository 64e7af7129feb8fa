//! `fishctl`'s command line (also the source of its man page and completions).

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "fishctl", version, about = "Client and admin CLI for the Fish key-value store")]
pub struct Cli {
    /// Base URL of any Fish site, or several separated by commas: a request
    /// that cannot connect to one goes to the next (`status` asks each).
    #[arg(long, env = "FISH_URL", default_value = "http://127.0.0.1:8080", global = true, value_name = "URL[,URL...]")]
    pub url: String,
    /// Output: `table` (for people; the default on a terminal), `json`
    /// (one JSON object per line; the default when piped) or `value` (the
    /// table's rows without the header, tab-separated). `get` and `put`
    /// print the value and the version unless given one.
    #[arg(short, long, global = true, value_name = "FORMAT")]
    pub output: Option<Output>,
    /// Seconds to wait for an answer.
    #[arg(long, default_value_t = 30, global = true)]
    pub timeout: u64,
    /// The API token (a secret of the site's tokens file), sent as
    /// `Authorization: Bearer`. Prefer FISH_TOKEN or --token-file: a
    /// command line is visible to every user of the machine.
    #[arg(long, env = "FISH_TOKEN", hide_env_values = true, global = true, conflicts_with = "token_file")]
    pub token: Option<String>,
    /// A file whose first line is the API token.
    #[arg(long, env = "FISH_TOKEN_FILE", value_name = "FILE", global = true)]
    pub token_file: Option<std::path::PathBuf>,
    /// The CA certificate (PEM) that signed the site's HTTPS certificate.
    #[arg(long, env = "FISH_CACERT", value_name = "FILE", global = true)]
    pub cacert: Option<std::path::PathBuf>,
    #[command(subcommand)]
    pub command: Cmd,
}

/// `--output`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Output {
    Table,
    Json,
    Value,
}

#[derive(Subcommand)]
pub enum Cmd {
    /// Print a new random secret for a tokens file (`ROLE NAME SECRET`).
    Token,
    /// Print a key's value to stdout (its version to stderr with --show-version).
    Get {
        key: String,
        /// linearizable (the default: never stale), master (fast; may be stale
        /// during a partition) or replica (the local copy).
        #[arg(long)]
        consistency: Option<String>,
        /// Read only once this commit token (from a write's Fish-Token) is applied.
        #[arg(long, value_name = "TOKEN")]
        after: Option<String>,
        /// Print the key's version to stderr.
        #[arg(long)]
        show_version: bool,
    },
    /// Write a key; the value is the argument, or stdin when it is "-" or absent. Prints the new version.
    Put {
        key: String,
        value: Option<String>,
        /// Only if the key is at this version (compare-and-swap).
        #[arg(long, value_name = "VERSION", conflicts_with = "create")]
        if_version: Option<u64>,
        /// Only if the key does not exist yet.
        #[arg(long)]
        create: bool,
        /// Attach the key to this lease (`fishctl lease grant`): it is
        /// deleted when the lease expires or is revoked.
        #[arg(long, value_name = "ID")]
        lease: Option<u64>,
        /// Write only while the lock whose fencing token this is is still
        /// held (`$FISH_LOCK_FENCE` inside `fishctl lock`).
        #[arg(long, value_name = "KEY@VERSION")]
        fence: Option<String>,
    },
    /// Delete a key.
    Delete {
        key: String,
        /// Only if the key is at this version.
        #[arg(long, value_name = "VERSION")]
        if_version: Option<u64>,
    },
    /// List keys in order, following pages to the end: a table on a
    /// terminal, one JSON object per line when piped.
    List {
        /// Only keys that start with this.
        #[arg(long, default_value = "")]
        prefix: String,
        /// Stop after this many keys.
        #[arg(long)]
        limit: Option<usize>,
        /// Print keys only.
        #[arg(long)]
        keys_only: bool,
        /// linearizable (default), master or replica, as for get.
        #[arg(long)]
        consistency: Option<String>,
    },
    /// Print every change to keys under a prefix as it is committed, in
    /// commit order, until interrupted. Reconnects by itself (resuming from
    /// the last revision seen, so nothing is skipped or repeated) when the
    /// connection drops or the site cuts the watch off.
    Watch {
        /// Only keys that start with this.
        #[arg(long, default_value = "")]
        prefix: String,
        /// Start after this revision (default: from now on).
        #[arg(long, value_name = "REVISION")]
        since: Option<u64>,
        /// Print the site's JSON lines as they are (progress lines too), for
        /// scripts.
        #[arg(long)]
        json: bool,
    },
    /// Leases: keys attached to one live only while it is kept alive.
    #[command(subcommand)]
    Lease(LeaseCmd),
    /// Run COMMAND while holding lock NAME: waits its turn (first come,
    /// first served), keeps the lock's lease alive while COMMAND runs, and
    /// releases the lock when it ends. COMMAND gets the fencing token:
    /// FISH_LOCK_KEY, FISH_LOCK_VERSION, and FISH_LOCK_FENCE (KEY@VERSION,
    /// for `fishctl put --fence` or the Fish-Fence header), which make its
    /// writes fail once the lock has moved on. Exits with COMMAND's status;
    /// if the lock is lost meanwhile, COMMAND gets SIGTERM and fishctl
    /// exits with 3.
    Lock {
        name: String,
        /// Seconds the lock outlives a holder that stops renewing it.
        #[arg(long, default_value_t = 10)]
        ttl: u32,
        #[arg(last = true, required = true, value_name = "COMMAND")]
        command: Vec<String>,
    },
    /// Campaign to lead NAME (on the lock mechanism): prints
    /// `elected KEY VERSION` once this process leads, then leads until
    /// interrupted (or until COMMAND, if given, ends).
    Elect {
        name: String,
        /// What this candidate says about itself (the value of its key).
        #[arg(long, default_value = "")]
        proposal: String,
        #[arg(long, default_value_t = 10)]
        ttl: u32,
        #[arg(last = true, value_name = "COMMAND")]
        command: Vec<String>,
    },
    /// Show each site's status (every site --url names), like
    /// `etcdctl endpoint status`: role, master, generation, log end, lag.
    Status {
        /// Every site of the group, at the HTTP addresses they advertise.
        #[arg(long)]
        cluster: bool,
    },
    /// List the sites of the replication group.
    Members,
    /// Remove a site (by its replication HOST:PORT) from the group.
    RemoveSite { site: String },
    /// Hand mastership over: the master lets the writes under way finish,
    /// makes sure the new master has all of them, and steps down; writes
    /// that arrive meanwhile wait and go to the new master.
    StepDown {
        /// The site to take over (its name or replication HOST:PORT);
        /// default: the electable site with the highest priority.
        #[arg(long, value_name = "SITE")]
        to: Option<String>,
    },
    /// Take a hot backup into DIR (new or empty): of the master, so it holds
    /// every write acknowledged before it began; restore it with `fishd restore`.
    Backup {
        dir: std::path::PathBuf,
        /// Back up the site --url names instead of the master (its replica
        /// may lag the master by a few writes).
        #[arg(long)]
        local: bool,
    },
    /// Run a transaction: all of its operations or none. The JSON
    /// (`{"ops": [...]}`, as for `POST /v1/txn`) comes from FILE, or stdin
    /// when FILE is "-" or absent. Prints the results; exits 1 when a
    /// check or a compare-and-swap failed (nothing was written).
    Txn {
        #[arg(value_name = "FILE")]
        file: Option<std::path::PathBuf>,
    },
    /// Make certificates for mutual TLS between sites ([replication.tls]):
    /// a group CA, and site certificates it signs.
    #[command(subcommand)]
    Cert(CertCmd),
    /// Load the site with requests and report throughput, latency
    /// percentiles (p50/p90/p99/max) and errors by kind.
    ///
    /// Each connection is one keep-alive HTTP/1.1 connection sending its
    /// next request when the previous answer is in (fixed concurrency).
    /// Progress goes to stderr once a second; the report to stdout. With
    /// several --url, the first is loaded.
    Bench(BenchArgs),
}

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// Concurrent connections.
    #[arg(short, long, default_value_t = 16)]
    pub connections: usize,
    /// How long to run (10s, 500ms, 2m); default 10s unless --ops is given.
    #[arg(short, long, value_parser = humantime::parse_duration)]
    pub duration: Option<std::time::Duration>,
    /// Stop after this many operations (with --duration: whichever comes first).
    #[arg(long)]
    pub ops: Option<u64>,
    /// Operation mix by weight: put, get, cas (read + If-Match write), txn.
    #[arg(long, default_value = "put")]
    pub mix: crate::bench::Mix,
    /// Keys are PREFIX0 .. PREFIX(keys-1), chosen uniformly.
    #[arg(long, default_value_t = 100_000)]
    pub keys: u64,
    #[arg(long, default_value = "bench/")]
    pub prefix: String,
    /// Bytes per written value.
    #[arg(long, default_value_t = 100)]
    pub value_size: usize,
    /// Read consistency of gets: linearizable (the server's default), master or replica.
    #[arg(long)]
    pub consistency: Option<String>,
    /// Puts per txn operation.
    #[arg(long, default_value_t = 4)]
    pub txn_size: usize,
    /// Write every key once before the run, so that reads find them.
    #[arg(long)]
    pub preload: bool,
    /// Runtime threads driving the connections (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// No progress line.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Subcommand)]
pub enum LeaseCmd {
    /// Grant a lease of TTL seconds; prints its id.
    Grant { ttl: u32 },
    /// Keep a lease alive until interrupted (a renewal every third of its
    /// TTL), printing each renewal; with --once, renew it once.
    Keepalive {
        id: u64,
        #[arg(long)]
        once: bool,
    },
    /// Revoke a lease: its keys are deleted at once, in one transaction.
    Revoke { id: u64 },
    /// Show a lease: TTL, time left, keys.
    Show { id: u64 },
    /// List the leases, one per line: ID TTL REMAINING KEYS.
    List,
}

#[derive(Subcommand)]
pub enum CertCmd {
    /// Write a new group CA: DIR/ca.pem (share it with every site) and
    /// DIR/ca.key (keep it off the sites: whoever holds it can make sites).
    Ca {
        dir: std::path::PathBuf,
        /// The CA's common name.
        #[arg(long, default_value = "Fish group CA")]
        name: String,
    },
    /// Write a site certificate signed by the CA in --ca: OUT/NAME.pem and
    /// OUT/NAME.key, naming the site's replication address.
    Site {
        /// The directory `fishctl cert ca` wrote.
        #[arg(long, value_name = "DIR")]
        ca: std::path::PathBuf,
        /// The site's name (the certificate's common name and file names).
        #[arg(long)]
        name: String,
        /// The site's replication listen address (replication.listen in its config), HOST:PORT.
        #[arg(long, value_name = "HOST:PORT")]
        address: String,
        /// Where to write the files (default: the CA's directory).
        #[arg(long, value_name = "DIR")]
        out: Option<std::path::PathBuf>,
    },
}
