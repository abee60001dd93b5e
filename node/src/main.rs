//! `diem-node`: the DIEM chain's validator and full node.
//!
//! ```text
//! diem-node --dev --tmp                 # one-validator dev chain, throwaway database
//! diem-node --chain local --alice ...   # one of the two local-testnet validators
//! diem-node build-spec --chain local    # print a chain spec
//! diem-node key generate                # new account or session key
//! ```
//!
//! See the repository README for a two-validator network on one machine.

// sc-cli and sc-service return their (large) error types; the node passes them through.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> polkadot_sdk::sc_cli::Result<()> {
	command::run()
}
