//! `diem-cli`: the DIEM chain's wallet and operator command line, on subxt.
//!
//! Holders stake HASH, mint and burn DIEM on the curve, move DIEM, stake it for inference
//! credits and sign vouchers; operators register, redeem voucher files and claim rewards. Reads
//! go through the runtime APIs (`ComputeStakingApi`, `DiemApi`, `DiemLedgerApi`,
//! `InferenceCreditsApi`); every call, storage entry and API is generated from
//! `metadata/diem.scale`, the metadata of the runtime this workspace builds.
//!
//! ```text
//! diem-cli --key //Alice diem quote 10
//! diem-cli --key //Alice diem mint 10 --slippage 1
//! diem-cli --key //Bob credits sign-voucher --operator <address> --cumulative 2.5 --json
//! ```
//!
//! See `docs/cli.md` for every command and `docs/quickstart.md` for a walk-through.

pub mod chain;
pub mod cli;
mod commands;
mod error;
pub mod keys;
pub mod units;

pub use commands::run;
pub use error::Error;

/// What a command prints: text for people, JSON for scripts.
#[derive(Debug)]
pub struct Output {
	pub text: String,
	pub json: serde_json::Value,
}
