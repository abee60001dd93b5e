//! `diem-loadgen`: measures what a DIEM node sustains.
//!
//! `diem-loadgen run --url ws://127.0.0.1:9944` derives load accounts from `//Alice` on a dev
//! chain, funds them (HASH, DIEM, compute and credit stakes, an approved operator), then for each
//! load pre-signs enough transactions to fill several blocks by weight, submits them with
//! backpressure and counts, from finalized blocks only, what got done per second. It prints
//! each figure, its ratio to the HASH transfer, block fullness and the node's CPU and memory,
//! and writes one JSON line per load to `--results`.
//!
//! `diem-loadgen blocks` joins those results with the node's log (how long building each block
//! took) and `diem-node benchmark block` output (how long importing it took) to compare real
//! execution with the weight the blocks were charged.
//!
//! `diem-loadgen weights` prints what this workspace's runtime charges per unit of each load.
//!
//! `scripts/bench-throughput.sh` runs them all against a fresh `diem-node --dev`.

mod blocks;
mod chain;
mod fleet;
mod load;
mod signing;
mod weights;

use chain::{Chain, Result};
use clap::{Parser, Subcommand};
use load::{Kind, Outcome, Settings, VoucherBook};
use std::{io::Write, path::PathBuf, sync::Arc, time::Duration};

#[derive(Parser)]
#[command(name = "diem-loadgen", about = "Load generator and throughput meter for the DIEM chain")]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Sets up load accounts on a dev chain and measures each load from finalized blocks.
	Run(RunArgs),
	/// Compares block build and import times with the blocks' weight.
	Blocks(blocks::BlocksArgs),
	/// Prints what the runtime charges per unit of each load (call, extensions, base).
	Weights,
	/// Prints two or more runs side by side (`scripts/bench-throughput.sh --compare`): rates,
	/// import time per unit and per block, and their ratios to the first run.
	Compare(blocks::CompareArgs),
}

#[derive(clap::Args)]
struct RunArgs {
	/// The node's WebSocket RPC endpoint (a dev chain: `//Alice` funds the load).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// How long to wait for the node to answer (seconds).
	#[arg(long, default_value_t = 60)]
	wait: u64,
	/// Load accounts (`//Alice//load//<i>`).
	#[arg(long, default_value_t = 2048)]
	accounts: usize,
	/// Full blocks each load lasts.
	#[arg(long, default_value_t = 6)]
	blocks: u32,
	/// Loads to run, in order: hash, diem, pay, mint-burn, vouchers ("" only sets up accounts).
	#[arg(long, value_delimiter = ',', default_value = "hash,diem,pay,swap,mint-burn,vouchers")]
	loads: Vec<String>,
	/// Vouchers per `redeem` batch to try (the best is reported).
	#[arg(long, value_delimiter = ',', default_value = "16,64,256")]
	voucher_batches: Vec<u32>,
	/// At most this many transactions per load (a quick check instead of full blocks).
	#[arg(long)]
	max_transactions: Option<u64>,
	/// Concurrent submissions.
	#[arg(long, default_value_t = 64)]
	concurrency: usize,
	/// PID of the node, to report its CPU and memory.
	#[arg(long)]
	node_pid: Option<u32>,
	/// Clock ticks per second of /proc (`getconf CLK_TCK`).
	#[arg(long, default_value_t = 100)]
	clock_ticks: u64,
	/// Where to write one JSON line per load.
	#[arg(long)]
	results: Option<PathBuf>,
}

#[tokio::main]
async fn main() {
	let cli = Cli::parse();
	let result = match cli.command {
		Command::Run(args) => run(args).await,
		Command::Blocks(args) => blocks::report(&args),
		Command::Weights => weights::report(),
		Command::Compare(args) => blocks::compare(&args),
	};
	if let Err(e) = result {
		eprintln!("diem-loadgen: {e}");
		std::process::exit(1);
	}
}

fn kinds(args: &RunArgs) -> Result<Vec<Kind>> {
	let mut kinds = Vec::new();
	// `--loads ""` only sets the accounts up.
	for name in args.loads.iter().filter(|name| !name.is_empty()) {
		match name.as_str() {
			"hash" => kinds.push(Kind::HashTransfer),
			"diem" => kinds.push(Kind::DiemTransfer),
			"pay" => kinds.push(Kind::DiemPay),
			"swap" => kinds.push(Kind::Swap),
			"mint-burn" => kinds.push(Kind::MintBurn),
			"vouchers" => kinds.extend(args.voucher_batches.iter().map(|b| Kind::Vouchers(*b))),
			other => {
				return Err(format!(
					"unknown load {other:?} (hash, diem, pay, swap, mint-burn, vouchers)"
				))
			}
		}
	}
	let max_batch = diem_runtime::configs::inference_credits::MAX_VOUCHERS_PER_BATCH;
	if let Some(Kind::Vouchers(batch)) =
		kinds.iter().find(|k| matches!(k, Kind::Vouchers(b) if *b == 0 || *b > max_batch))
	{
		return Err(format!("voucher batch {batch} is not within 1..={max_batch}"));
	}
	Ok(kinds)
}

async fn run(args: RunArgs) -> Result<()> {
	let kinds = kinds(&args)?;
	if args.accounts < 2 {
		return Err("--accounts must be at least 2".into());
	}
	if let Some(path) = &args.results {
		// Start empty: each load appends its line as it finishes.
		std::fs::write(path, "").map_err(|e| format!("cannot write {}: {e}", path.display()))?;
	}
	let chain = Arc::new(Chain::connect(&args.url, Duration::from_secs(args.wait)).await?);
	let signer = signing::TxSigner::new(&chain)?;
	let mut fleet = fleet::Fleet::derive(&chain, args.accounts).await?;
	fleet.set_up(&chain, &signer).await?;

	let settings = Settings {
		blocks: args.blocks.max(1),
		concurrency: args.concurrency.max(1),
		node_pid: args.node_pid,
		clock_ticks: args.clock_ticks,
		stall_timeout: Duration::from_secs(90),
		max_transactions: args.max_transactions.unwrap_or(u64::MAX).max(1),
	};
	let mut book = VoucherBook::default();
	let mut outcomes: Vec<Outcome> = Vec::new();
	let mut failures: Vec<String> = Vec::new();
	for kind in kinds {
		// Nonces from the chain: a refused transaction in an earlier load must not leave a gap.
		fleet.sync_nonces(&chain).await?;
		let load = load::build(&chain, &signer, &mut fleet, kind, &settings, &mut book).await?;
		eprintln!("{}: {} transactions signed, submitting", kind.name(), load.extrinsics.len());
		// A load that fails is reported; the others still run.
		match load::run(chain.clone(), load, &settings).await {
			Ok(outcome) => {
				eprintln!(
					"{}: {:.1}/s over blocks #{}..#{}",
					kind.name(),
					outcome.per_second(),
					outcome.first_block,
					outcome.last_block
				);
				if let Some(path) = &args.results {
					append_result(path, &outcome)?;
				}
				outcomes.push(outcome);
			}
			Err(e) => {
				eprintln!("{e}");
				failures.push(e);
			}
		}
	}
	if !outcomes.is_empty() {
		print_table(&outcomes);
	} else if failures.is_empty() {
		eprintln!("no loads given: accounts set up, nothing measured");
	}
	if failures.is_empty() {
		Ok(())
	} else {
		Err(format!("{} load(s) failed: {}", failures.len(), failures.join("; ")))
	}
}

fn print_table(outcomes: &[Outcome]) {
	let hash = outcomes.iter().find(|o| o.kind == Kind::HashTransfer);
	let ratio = |value: f64, base: Option<f64>| match base {
		Some(base) if base > 0.0 => format!("{:.2}", value / base),
		_ => "-".into(),
	};
	let best_batch = outcomes
		.iter()
		.filter(|o| matches!(o.kind, Kind::Vouchers(_)))
		.max_by(|a, b| a.per_second().total_cmp(&b.per_second()))
		.map(|o| o.kind);
	println!();
	println!(
		"{:<24} {:>9} {:>7} {:>10} {:>7} {:>9} {:>8} {:>7} {:>9} {:>9} {:>6}",
		"load",
		"per s",
		"×HASH",
		"weight µs",
		"×HASH",
		"fullness",
		"tx/block",
		"blocks",
		"node CPU",
		"node RSS",
		"failed"
	);
	for o in outcomes {
		let marker = if Some(o.kind) == best_batch { " *" } else { "" };
		println!(
			"{:<24} {:>9.1} {:>7} {:>10.1} {:>7} {:>8.1}% {:>8.0} {:>7} {:>9} {:>9} {:>6}",
			format!("{}{marker}", o.kind.name()),
			o.per_second(),
			ratio(o.per_second(), hash.map(Outcome::per_second)),
			o.weight_per_unit_us,
			ratio(o.weight_per_unit_us, hash.map(|h| h.weight_per_unit_us)),
			o.fullness * 100.0,
			o.transactions_per_block,
			o.measured_blocks,
			o.cpu_percent.map(|c| format!("{c:.0}%")).unwrap_or_else(|| "-".into()),
			o.rss_mib.map(|m| format!("{m:.0} MiB")).unwrap_or_else(|| "-".into()),
			o.failed + o.refused,
		);
	}
	if best_batch.is_some() {
		println!("* the voucher batch size with the most vouchers settled per second");
	}
	if let Some(peak) = outcomes.iter().filter_map(|o| o.peak_rss_mib).reduce(f64::max) {
		println!("node peak RSS: {peak:.0} MiB");
	}
	for o in outcomes.iter().filter(|o| o.refused > 0) {
		println!(
			"{}: {} refused by the pool, first: {}",
			o.kind.name(),
			o.refused,
			o.first_refusal.as_deref().unwrap_or("?")
		);
	}
	println!(
		"per s: work finalized per second of chain time over the measured blocks (all blocks \
		 carrying the load but the first two and the last); weight µs: the weight those blocks \
		 were charged per unit (call + extensions + base extrinsic, after refunds); fullness: \
		 share of the Normal-class block weight used."
	);
}

/// Appends one JSON line for `o` to `path` (created by the first load of the run).
fn append_result(path: &PathBuf, o: &Outcome) -> Result<()> {
	let mut file = std::fs::OpenOptions::new()
		.create(true)
		.append(true)
		.open(path)
		.map_err(|e| format!("cannot write {}: {e}", path.display()))?;
	let line = serde_json::json!({
		"load": o.kind.name(),
		"per_second": o.per_second(),
		"weight_per_unit_us": o.weight_per_unit_us,
		"first_block": o.first_block,
		"last_block": o.last_block,
		"measured_blocks": o.measured_blocks,
		"units": o.units,
		"seconds": o.seconds,
		"fullness": o.fullness,
		"transactions_per_block": o.transactions_per_block,
		"submitted": o.submitted,
		"refused": o.refused,
		"failed": o.failed,
		"node_cpu_percent": o.cpu_percent,
		"node_rss_mib": o.rss_mib,
		"node_peak_rss_mib": o.peak_rss_mib,
	});
	writeln!(file, "{line}").map_err(|e| format!("cannot write {}: {e}", path.display()))
}
