//! Command-line interface: `diem-node [run options]` runs a node; subcommands manage keys,
//! chain specs and the database.

use polkadot_sdk::sc_cli;

#[derive(Debug, clap::Parser)]
#[command(
	propagate_version = true,
	args_conflicts_with_subcommands = true,
	subcommand_negates_reqs = true
)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[command(flatten)]
	pub run: sc_cli::RunCmd,
}

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect, insert session keys into the keystore.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Write a chain spec (JSON) for `--chain`, e.g. to start a network from a file.
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a chain spec without opening a database.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks to a file.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state at a block as a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks from a file.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain database.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database metadata: best, finalized and genesis blocks.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Write the runtime's metadata (SCALE, V16) to a file, or check that a file holds it.
	/// `diem-cli` is generated from the committed copy; `scripts/metadata.sh` refreshes it.
	ExportMetadata(ExportMetadataCmd),

	/// Benchmarks that generate weights: `pallet`, `overhead`, `storage`, `block`, `machine`.
	/// Present only in a node built with `--features runtime-benchmarks` (`scripts/benchmark.sh`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(polkadot_sdk::frame_benchmarking_cli::BenchmarkCmd),
}

/// `export-metadata`: the metadata of the runtime this node was built with.
#[derive(Debug, clap::Args)]
pub struct ExportMetadataCmd {
	/// The file to write (or, with `--check`, to compare with).
	pub path: std::path::PathBuf,

	/// Compare instead of writing: exit non-zero when the file differs from the runtime's
	/// metadata.
	#[arg(long)]
	pub check: bool,
}
