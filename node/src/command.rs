//! Dispatches the command line to the service and the `sc-cli` subcommands.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use diem_runtime::{opaque::Block, Hash};
use polkadot_sdk::{
	sc_cli::{self, SubstrateCli},
	sc_network::{config::NetworkBackendType, Litep2pNetworkBackend, NetworkWorker},
	sc_service::{self, PartialComponents},
};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"DIEM Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://example.invalid/diem-chain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development()?),
			"" | "local" => Box::new(chain_spec::local_testnet()?),
			"production" => Box::new(chain_spec::production()?),
			path => Box::new(chain_spec::ChainSpec::from_json_file(path.into())?),
		})
	}
}

/// Runs the command line.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		}
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		}
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		}
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		}
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		}
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				// GRANDPA keeps its own authority-set state; revert it together with the blocks.
				let aux_revert = Box::new(|client, _, blocks| {
					polkadot_sdk::sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		}
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		}
		Some(Subcommand::ExportMetadata(cmd)) => export_metadata(cmd),
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => run_benchmark(&cli, cmd),
		None => {
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					NetworkBackendType::Libp2p => {
						service::new_full::<NetworkWorker<Block, Hash>>(config)
					}
					NetworkBackendType::Litep2p => {
						service::new_full::<Litep2pNetworkBackend>(config)
					}
				}
				.map_err(sc_cli::Error::Service)
			})
		}
	}
}

/// Runs a `benchmark` subcommand. `extrinsic` is not offered: it needs a signed-extrinsic builder
/// per call, and `overhead` already measures the per-extrinsic base weight.
#[cfg(feature = "runtime-benchmarks")]
fn run_benchmark(
	cli: &Cli,
	cmd: &polkadot_sdk::frame_benchmarking_cli::BenchmarkCmd,
) -> sc_cli::Result<()> {
	use polkadot_sdk::{
		frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE},
		sp_runtime::traits::HashingFor,
	};

	let runner = cli.create_runner(cmd)?;
	runner.sync_run(|config| match cmd {
		BenchmarkCmd::Pallet(cmd) => {
			cmd.run_with_spec::<HashingFor<Block>, ()>(Some(config.chain_spec))
		}
		BenchmarkCmd::Overhead(cmd) => {
			cmd.run_with_default_builder_and_spec::<Block, ()>(Some(config.chain_spec))
		}
		BenchmarkCmd::Storage(cmd) => {
			let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
			let db = backend.expose_db();
			let storage = backend.expose_storage();
			let shared_cache = backend.expose_shared_trie_cache();
			cmd.run(config, client, db, storage, shared_cache)
		}
		BenchmarkCmd::Block(cmd) => {
			let PartialComponents { client, .. } = service::new_partial(&config)?;
			cmd.run(client)
		}
		BenchmarkCmd::Machine(cmd) => cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
		BenchmarkCmd::Extrinsic(_) => {
			Err("`benchmark extrinsic` is not supported by diem-node; use `benchmark overhead`"
				.into())
		}
	})
}

/// The metadata version clients are generated from: the newest this runtime and subxt share.
/// It must be the version subxt fetches from a node (the newest it supports), or the client's
/// check that its interface matches the node's runtime fails on the format alone.
const CLIENT_METADATA_VERSION: u32 = 16;

/// Writes or checks the metadata artifact clients are generated from. The metadata comes from
/// the runtime compiled into this binary (its types and docs are the wasm runtime's: both are
/// built from the same crate).
fn export_metadata(cmd: &crate::cli::ExportMetadataCmd) -> sc_cli::Result<()> {
	// Some constants are read from storage (the referendum tracks follow their chain's
	// `Origins.FastTracks`): exported from an empty state, they are the standard ones.
	let metadata = polkadot_sdk::sp_io::TestExternalities::default()
		.execute_with(|| diem_runtime::Runtime::metadata_at_version(CLIENT_METADATA_VERSION))
		.ok_or_else(|| format!("the runtime has no V{CLIENT_METADATA_VERSION} metadata"))?;
	let bytes: &[u8] = &metadata;
	let path = cmd.path.display();
	if cmd.check {
		let committed = std::fs::read(&cmd.path).map_err(|e| format!("cannot read {path}: {e}"))?;
		if committed != bytes {
			return Err(format!(
				"{path} is not the metadata of this runtime ({} bytes, the runtime's is {}): \
				 regenerate it with scripts/metadata.sh and commit it",
				committed.len(),
				bytes.len()
			)
			.into());
		}
		println!("{path} matches the runtime's metadata ({} bytes)", bytes.len());
	} else {
		std::fs::write(&cmd.path, bytes).map_err(|e| format!("cannot write {path}: {e}"))?;
		println!("wrote {path} ({} bytes, metadata V{CLIENT_METADATA_VERSION})", bytes.len());
	}
	Ok(())
}
