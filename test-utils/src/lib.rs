//! # diem-test-utils
//!
//! The one harness for end-to-end tests against the real `diem-node` binary, shared by
//! `node/tests`, `client/tests` and `tools/loadgen/tests` (a dev-dependency of each).
//!
//! Every node gets free loopback ports and its own temporary directory, every wait has a
//! deadline, and [`Node`] stops its process on drop, so a failing test never leaves a node
//! running or hangs; when a wait fails, the panic message carries the tail of the node's log.
//!
//! - [`Node`]: start, stop, kill, restart a node; connect raw RPC and subxt; wait for
//!   finality; read its metrics and memory.
//! - [`start_validators`], [`dev_validators_spec`], [`patched_spec`]: networks of dev
//!   validators on chain specs with a changed genesis.
//! - [`node_binary`], [`workspace_binary`], [`diem_cli`]: the workspace's binaries, found in the
//!   test binary's profile directory (or through `$DIEM_NODE`, `$DIEM_CLI`).
//! - [`finalized_number`], [`block_hash`], [`aura_slot`], [`state_call`], [`wait_for`],
//!   [`submit`]: the raw RPC reads, polling and submission the tests share.
//!
//! ```no_run
//! # async fn example() {
//! let mut node = diem_test_utils::Node::start("alice", &["--dev"]);
//! let (rpc, _client) = node.connect().await;
//! node.wait_finalized(&rpc, 2).await;
//! node.stop();
//! # }
//! ```
// Test code: a failed expectation panics with its message (and the node's log tail).
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

mod binaries;
mod network;
mod node;
mod rpc;

pub use binaries::*;
pub use network::*;
pub use node::*;
pub use rpc::*;

use std::{net::TcpListener, time::Duration};

/// How long a node may take from spawn to answering RPC (wasm compilation included).
pub const START_TIMEOUT: Duration = Duration::from_secs(90);
/// Generous bound for a handful of 6-second blocks to be produced and finalized.
pub const BLOCKS_TIMEOUT: Duration = Duration::from_secs(120);
/// How long a node may take to shut down after SIGTERM.
pub const STOP_TIMEOUT: Duration = Duration::from_secs(30);

/// A port on 127.0.0.1 that nothing listens on right now.
pub fn free_port() -> u16 {
	let listener = TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral loopback port");
	listener.local_addr().expect("local addr").port()
}
