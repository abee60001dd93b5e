//! One measured load: pre-signed transactions of one kind, submitted with backpressure, counted
//! from finalized blocks.

use crate::{
	chain::{blake2_256_of, runtime_apis, BlockFacts, Chain, EventRecord, Result},
	fleet::Fleet,
	signing::TxSigner,
};
use diem_primitives::{
	diem, hash,
	voucher::{EpochIndex, PayloadWrapping, Voucher},
};
use diem_runtime::{configs::assets::AssetKind, Balance, RuntimeCall, RuntimeEvent};
use futures::StreamExt;
use polkadot_sdk::{
	frame_support::dispatch::DispatchClass, frame_system, frame_system::Phase, pallet_balances,
};
use std::{
	collections::{HashMap, HashSet},
	sync::{
		atomic::{AtomicU64, Ordering},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};

/// What a load sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
	/// `Balances::transfer_keep_alive` (HASH).
	HashTransfer,
	/// `Assets::transfer_keep_alive` of DIEM.
	DiemTransfer,
	/// `DiemLedger::pay` of DIEM with a memo.
	DiemPay,
	/// `AssetConversion::swap_exact_tokens_for_tokens` through the HASH/DIEM pool, HASH to DIEM
	/// and back in alternate rounds (so the pool's price stays where it was).
	Swap,
	/// `Diem::mint` then `Diem::burn` of the same amount, from the same account.
	MintBurn,
	/// `InferenceCredits::redeem` with this many vouchers per batch.
	Vouchers(u32),
}

impl Kind {
	pub fn name(&self) -> String {
		match self {
			Kind::HashTransfer => "HASH transfer".into(),
			Kind::DiemTransfer => "DIEM transfer".into(),
			Kind::DiemPay => "DIEM pay with memo".into(),
			Kind::Swap => "HASH/DIEM swap".into(),
			Kind::MintBurn => "mint+burn pair".into(),
			Kind::Vouchers(batch) => format!("voucher (batch {batch})"),
		}
	}

	/// The work this kind counts per block, from the block's events: successful transfers or
	/// payments, completed pairs (burns), or vouchers paid.
	fn units(&self, events: &[EventRecord]) -> u64 {
		let is_transaction = |phase: &Phase| matches!(phase, Phase::ApplyExtrinsic(i) if *i > 0);
		events
			.iter()
			.map(|record| match (self, &record.event) {
				(
					Kind::HashTransfer | Kind::DiemTransfer | Kind::DiemPay | Kind::Swap,
					RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { .. }),
				) if is_transaction(&record.phase) => 1,
				(Kind::MintBurn, RuntimeEvent::Diem(pallet_diem::Event::Burned { .. })) => 1,
				(
					Kind::Vouchers(_),
					RuntimeEvent::InferenceCredits(
						pallet_inference_credits::Event::BatchRedeemed { paid_vouchers, .. },
					),
				) => u64::from(*paid_vouchers),
				_ => 0,
			})
			.sum()
	}

	/// Transactions of this kind that failed in the block.
	fn failures(events: &[EventRecord]) -> u64 {
		let failed = events.iter().filter(|record| {
			matches!(
				record.event,
				RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { .. })
			)
		});
		u64::try_from(failed.count()).unwrap_or(u64::MAX)
	}
}

/// The tuning of one run.
#[derive(Clone, Debug)]
pub struct Settings {
	/// Full blocks the load should last (the measured window is the blocks between its first
	/// and its last).
	pub blocks: u32,
	/// Concurrent `author_submitExtrinsic` requests.
	pub concurrency: usize,
	/// PID of the node, for its CPU time and memory.
	pub node_pid: Option<u32>,
	/// Clock ticks per second of `/proc/<pid>/stat` (`getconf CLK_TCK`).
	pub clock_ticks: u64,
	/// Give up when no finalized block brings a transaction of the load for this long.
	pub stall_timeout: Duration,
	/// Cap on the transactions of one load.
	pub max_transactions: u64,
}

/// What a run measured.
#[derive(Clone, Debug)]
pub struct Outcome {
	pub kind: Kind,
	pub submitted: u64,
	pub refused: u64,
	pub first_refusal: Option<String>,
	pub failed: u64,
	/// The measured blocks: those carrying the load, without the first two and the last.
	pub first_block: u32,
	pub last_block: u32,
	pub measured_blocks: u32,
	pub units: u64,
	pub seconds: f64,
	pub transactions_per_block: f64,
	/// Share of the `Normal` class's block weight the measured blocks used.
	pub fullness: f64,
	/// Weight (ref time, µs) the measured blocks were charged per unit of work.
	pub weight_per_unit_us: f64,
	pub cpu_percent: Option<f64>,
	pub rss_mib: Option<f64>,
	pub peak_rss_mib: Option<f64>,
}

impl Outcome {
	pub fn per_second(&self) -> f64 {
		if self.seconds > 0.0 {
			self.units as f64 / self.seconds
		} else {
			0.0
		}
	}
}

/// A signed load ready to submit.
pub struct Load {
	pub kind: Kind,
	pub extrinsics: Vec<Vec<u8>>,
}

/// Per-(epoch, payer) cumulative credits the load has put in vouchers so far.
#[derive(Default)]
pub struct VoucherBook {
	cumulative: HashMap<(EpochIndex, usize), Balance>,
}

/// Credits each voucher asks for beyond the payer's previous one.
const CREDITS_PER_VOUCHER: Balance = diem::UNIT / 1_000_000;
/// What each transfer and payment moves.
const TRANSFER_AMOUNT: Balance = hash::UNIT / 1_000_000;
/// DIEM minted and burned by each pair.
const MINT_AMOUNT: Balance = diem::UNIT / 1_000;
/// A swap's input: 0.09 HASH one way, 0.001 DIEM the other (about the same value).
const SWAP_HASH: Balance = 90 * hash::MILLI;
const SWAP_DIEM: Balance = diem::MILLI;

/// The base weight of one extrinsic (ref time, ps).
fn base_extrinsic() -> u64 {
	let weights = diem_runtime::configs::RuntimeBlockWeights::get();
	weights.get(DispatchClass::Normal).base_extrinsic.ref_time()
}

/// The `Normal` class's share of a block (ref time, ps).
fn normal_block_budget() -> u64 {
	let weights = diem_runtime::configs::RuntimeBlockWeights::get();
	let normal = weights.get(DispatchClass::Normal);
	normal.max_total.unwrap_or(weights.max_block).ref_time()
}

/// How many transactions of weight `weight` (ps, base included) fill one block.
fn per_block(weight: u64) -> u64 {
	normal_block_budget() / weight.max(1)
}

/// Signs the transactions of `kind`: enough to fill `blocks + 1` blocks by weight, round-robin
/// over the fleet's accounts so that consecutive submissions come from different senders.
pub async fn build(
	chain: &Chain,
	signer: &TxSigner,
	fleet: &mut Fleet,
	kind: Kind,
	settings: &Settings,
	book: &mut VoucherBook,
) -> Result<Load> {
	let base = base_extrinsic();
	// Enough to fill `blocks + 1` blocks by weight, within the cap.
	let fill = |per_block: u64| {
		per_block.saturating_mul(u64::from(settings.blocks) + 1).min(settings.max_transactions)
	};
	let accounts = fleet.users.len();
	if accounts < 2 {
		return Err("a load needs at least two accounts".into());
	}
	let ids: Vec<diem_runtime::AccountId> = fleet.users.iter().map(|a| a.id.clone()).collect();
	let fallback = fleet.alice.id.clone();
	let dest = |i: usize| ids.get((i + 1) % accounts).cloned().unwrap_or_else(|| fallback.clone());
	let call_for = |kind: Kind, i: usize, round: u64, dest: diem_runtime::AccountId| match kind {
		Kind::HashTransfer => RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: dest.into(),
			value: TRANSFER_AMOUNT,
		}),
		Kind::DiemTransfer => crate::fleet::diem_transfer(&dest, TRANSFER_AMOUNT),
		Kind::Swap => {
			let (hash, diem) =
				(Box::new(AssetKind::Native), Box::new(AssetKind::WithId(diem::ASSET_ID)));
			let (path, amount_in) = if round % 2 == 0 {
				(vec![hash, diem], SWAP_HASH)
			} else {
				(vec![diem, hash], SWAP_DIEM)
			};
			RuntimeCall::AssetConversion(
				polkadot_sdk::pallet_asset_conversion::Call::swap_exact_tokens_for_tokens {
					path,
					amount_in,
					amount_out_min: 1,
					send_to: dest,
					keep_alive: true,
				},
			)
		}
		_ => RuntimeCall::DiemLedger(pallet_diem_ledger::Call::pay {
			asset: AssetKind::WithId(diem::ASSET_ID),
			dest,
			amount: TRANSFER_AMOUNT,
			memo: format!("invoice-{round:06}-{i:05}").into_bytes(),
		}),
	};

	match kind {
		Kind::HashTransfer | Kind::DiemTransfer | Kind::DiemPay | Kind::Swap => {
			// The weight of one, asked of the chain.
			let probe = {
				let mut probe_account = crate::signing::Account::from_uri("//Alice//load//probe")?;
				signer.sign(&mut probe_account, call_for(kind, 0, 0, dest(0)))
			};
			let weight = chain.extrinsic_weight(&probe).await?.saturating_add(base);
			let total = fill(per_block(weight));
			let mut extrinsics = Vec::new();
			let mut round = 0u64;
			while (extrinsics.len() as u64) < total {
				for i in 0..accounts {
					if extrinsics.len() as u64 >= total {
						break;
					}
					let call = call_for(kind, i, round, dest(i));
					if let Some(account) = fleet.users.get_mut(i) {
						extrinsics.push(signer.sign(account, call));
					}
				}
				round += 1;
			}
			Ok(Load { kind, extrinsics })
		}
		Kind::MintBurn => {
			let quote =
				chain.runtime_api(runtime_apis().diem_api().mint_quote(MINT_AMOUNT)).await?;
			let cost = quote.map_err(|e| format!("no mint quote: {e:?}"))?;
			// The pairs leave the supply where it was; twice the quote absorbs rounding.
			let max_cost = cost.saturating_mul(2);
			let mint = RuntimeCall::Diem(pallet_diem::Call::mint { diem: MINT_AMOUNT, max_cost });
			let burn = RuntimeCall::Diem(pallet_diem::Call::burn { diem: MINT_AMOUNT });
			let mut probe_account = crate::signing::Account::from_uri("//Alice//load//probe")?;
			let mint_weight =
				chain.extrinsic_weight(&signer.sign(&mut probe_account, mint.clone())).await?;
			let burn_weight =
				chain.extrinsic_weight(&signer.sign(&mut probe_account, burn.clone())).await?;
			let pair =
				mint_weight.saturating_add(burn_weight).saturating_add(base.saturating_mul(2));
			let pairs = (fill(per_block(pair).saturating_mul(2)) / 2).max(1);
			let mut extrinsics = Vec::new();
			while (extrinsics.len() as u64) < 2 * pairs {
				for account in fleet.users.iter_mut() {
					if extrinsics.len() as u64 >= 2 * pairs {
						break;
					}
					extrinsics.push(signer.sign(account, mint.clone()));
					extrinsics.push(signer.sign(account, burn.clone()));
				}
			}
			Ok(Load { kind, extrinsics })
		}
		Kind::Vouchers(batch) => {
			let clock = chain.runtime_api(runtime_apis().inference_credits_api().epoch()).await?;
			let epoch = clock.ok_or("the credits clock has not started")?.current.index;
			let operator = fleet.operator.id.clone();
			let batch_len = usize::try_from(batch).map_err(|e| e.to_string())?;
			let sign_batch = |book: &mut VoucherBook, start: usize, fleet: &Fleet| {
				(0..batch_len)
					.filter_map(|k| {
						let payer = (start + k) % accounts;
						let account = fleet.users.get(payer)?;
						let cumulative = book.cumulative.entry((epoch, payer)).or_default();
						*cumulative = cumulative.saturating_add(CREDITS_PER_VOUCHER);
						Some(Voucher::sign(
							&account.pair,
							None,
							chain.genesis,
							epoch,
							&operator,
							*cumulative,
							PayloadWrapping::Raw,
						))
					})
					.collect::<Vec<_>>()
			};
			// The weight of a batch, asked of the chain (signatures need not be valid for that).
			let probe_vouchers = sign_batch(&mut VoucherBook::default(), 0, fleet);
			let mut probe_account = crate::signing::Account::from_uri("//Alice//load//probe")?;
			let probe = signer.sign(
				&mut probe_account,
				RuntimeCall::InferenceCredits(pallet_inference_credits::Call::redeem {
					vouchers: probe_vouchers,
				}),
			);
			let batch_weight = chain.extrinsic_weight(&probe).await?.saturating_add(base);
			let batches = fill(per_block(batch_weight));
			let mut extrinsics = Vec::new();
			let mut start = 0usize;
			for _ in 0..batches {
				let vouchers = sign_batch(book, start, fleet);
				start = (start + batch_len) % accounts;
				let call = RuntimeCall::InferenceCredits(pallet_inference_credits::Call::redeem {
					vouchers,
				});
				extrinsics.push(signer.sign(&mut fleet.redeem_key, call));
			}
			Ok(Load { kind, extrinsics })
		}
	}
}

/// The node's CPU time (s) and resident memory (MiB now, MiB at peak).
fn node_usage(pid: u32, clock_ticks: u64) -> Option<(f64, f64, f64)> {
	let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
	// Fields after the command name (which may hold spaces) start at field 3 (state);
	// utime and stime are fields 14 and 15.
	let after = stat.rsplit_once(')')?.1;
	let fields: Vec<&str> = after.split_whitespace().collect();
	let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
	let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
	let kib = |name: &str| -> Option<f64> {
		let line = status.lines().find(|line| line.starts_with(name))?;
		line.split_whitespace().nth(1)?.parse::<f64>().ok()
	};
	Some((
		ticks as f64 / clock_ticks.max(1) as f64,
		kib("VmRSS:")? / 1024.0,
		kib("VmHWM:")? / 1024.0,
	))
}

/// A finalized block as observed, with when and the node's CPU time then.
struct Observed {
	facts: BlockFacts,
	/// The load's own transactions in the block.
	ours: u64,
	at: Instant,
	cpu_seconds: Option<f64>,
}

/// How many of `hashes` are the load's.
fn count_ours(ours: &HashSet<[u8; 32]>, hashes: &[[u8; 32]]) -> u64 {
	u64::try_from(hashes.iter().filter(|hash| ours.contains(*hash)).count()).unwrap_or(u64::MAX)
}

/// Submits `load` and measures it from finalized blocks.
pub async fn run(chain: Arc<Chain>, load: Load, settings: &Settings) -> Result<Outcome> {
	let Load { kind, extrinsics } = load;
	let total = extrinsics.len() as u64;
	let ours: Arc<HashSet<[u8; 32]>> =
		Arc::new(extrinsics.iter().map(|extrinsic| blake2_256_of(extrinsic)).collect());
	let start_finalized = chain.finalized_number().await?;
	let start_best = chain.best_number().await?;
	let per_block_capacity = (total / (u64::from(settings.blocks) + 1)).max(1);
	// At most two blocks' worth waits in the pool: enough to fill every block, not so much that
	// the pool's own bookkeeping becomes the load.
	let max_in_flight = per_block_capacity.saturating_mul(2);

	let submitted = Arc::new(AtomicU64::new(0));
	let included = Arc::new(AtomicU64::new(0));
	let refused = Arc::new(AtomicU64::new(0));
	let first_refusal = Arc::new(Mutex::new(None::<String>));

	// Backpressure: follow the best chain and count the load's transactions included so far.
	let watcher = {
		let (chain, included, ours) = (chain.clone(), included.clone(), ours.clone());
		tokio::spawn(async move {
			let mut seen = start_best;
			loop {
				if let Ok(best) = chain.best_number().await {
					// A block that cannot be read now is read again next round, never skipped:
					// a skipped block would hold its transactions "in flight" for ever.
					while seen < best {
						match chain.extrinsic_hashes(seen + 1).await {
							Ok(hashes) => {
								seen += 1;
								included.fetch_add(count_ours(&ours, &hashes), Ordering::Relaxed);
							}
							Err(_) => break,
						}
					}
				}
				tokio::time::sleep(Duration::from_millis(200)).await;
			}
		})
	};

	let submitter = {
		let (chain, submitted, included, refused, first_refusal) = (
			chain.clone(),
			submitted.clone(),
			included.clone(),
			refused.clone(),
			first_refusal.clone(),
		);
		let concurrency = settings.concurrency;
		tokio::spawn(async move {
			// The gate is passed in order (`then` is sequential): were submissions to pass it
			// out of order, a later nonce could take the last slot while an earlier one waits,
			// and the sender's queue would stall behind the missing nonce.
			let gate = {
				let (submitted, included) = (submitted.clone(), included.clone());
				move |extrinsic: Vec<u8>| {
					let (submitted, included) = (submitted.clone(), included.clone());
					async move {
						while submitted
							.load(Ordering::Relaxed)
							.saturating_sub(included.load(Ordering::Relaxed))
							> max_in_flight
						{
							tokio::time::sleep(Duration::from_millis(20)).await;
						}
						submitted.fetch_add(1, Ordering::Relaxed);
						extrinsic
					}
				}
			};
			futures::stream::iter(extrinsics)
				.then(gate)
				.map(|extrinsic| {
					let (chain, included, refused, first_refusal) =
						(chain.clone(), included.clone(), refused.clone(), first_refusal.clone());
					async move {
						// A full pool is backpressure too: wait and retry.
						let mut attempts = 0;
						loop {
							match chain.submit(&extrinsic).await {
								Ok(()) => break,
								Err(e) if attempts < 100 && is_pool_full(&e) => {
									attempts += 1;
									tokio::time::sleep(Duration::from_millis(200)).await;
								}
								Err(e) => {
									refused.fetch_add(1, Ordering::Relaxed);
									// A refused transaction never lands: take it out of flight.
									included.fetch_add(1, Ordering::Relaxed);
									if let Ok(mut first) = first_refusal.lock() {
										first.get_or_insert(e);
									}
									break;
								}
							}
						}
					}
				})
				.buffer_unordered(concurrency)
				.collect::<Vec<()>>()
				.await;
		})
	};

	// Follow finality until every accepted transaction of the load is in a finalized block.
	let cpu_now =
		|| settings.node_pid.and_then(|pid| node_usage(pid, settings.clock_ticks)).map(|u| u.0);
	let mut observed: Vec<Observed> = Vec::new();
	let mut finalized_seen = start_finalized;
	let mut finalized_ours = 0u64;
	let mut last_progress = Instant::now();
	let facts = chain.block_facts(start_finalized).await?;
	observed.push(Observed {
		ours: count_ours(&ours, &facts.extrinsic_hashes),
		facts,
		at: Instant::now(),
		cpu_seconds: cpu_now(),
	});
	loop {
		let finalized = chain.finalized_number().await?;
		while finalized_seen < finalized {
			finalized_seen += 1;
			let facts = chain.block_facts(finalized_seen).await?;
			let in_block = count_ours(&ours, &facts.extrinsic_hashes);
			if in_block > 0 {
				last_progress = Instant::now();
			}
			finalized_ours += in_block;
			observed.push(Observed {
				facts,
				ours: in_block,
				at: Instant::now(),
				cpu_seconds: cpu_now(),
			});
		}
		let accepted = submitted.load(Ordering::Relaxed) - refused.load(Ordering::Relaxed);
		if submitter.is_finished() && finalized_ours >= accepted {
			break;
		}
		if last_progress.elapsed() > settings.stall_timeout {
			watcher.abort();
			submitter.abort();
			let pending = chain.pending_count().await.map_or_else(|e| e, |n| n.to_string());
			return Err(format!(
				"{}: no finalized transactions for {:?} ({finalized_ours} of {accepted} accepted finalized, {} submitted, {} seen in best blocks, pool holds {pending}; first refusal: {:?})",
				kind.name(),
				settings.stall_timeout,
				submitted.load(Ordering::Relaxed),
				included.load(Ordering::Relaxed),
				first_refusal.lock().ok().and_then(|f| f.clone())
			));
		}
		tokio::time::sleep(Duration::from_millis(300)).await;
	}
	watcher.abort();

	// The window: the blocks carrying the load once it runs steadily (without the first two,
	// while the pool fills, and the last, partly filled).
	let carrying: Vec<usize> =
		observed.iter().enumerate().filter(|(_, o)| o.ours > 0).map(|(i, _)| i).collect();
	let skip_start = match carrying.len() {
		0 => return Err(format!("{}: no block carried the load", kind.name())),
		1 | 2 => 0,
		3 => 1,
		_ => 2,
	};
	let skip_end = usize::from(carrying.len() >= 3);
	let window_indices = carrying.get(skip_start..carrying.len() - skip_end).unwrap_or_default();
	let (Some(&from), Some(&to)) = (window_indices.first(), window_indices.last()) else {
		return Err(format!("{}: empty window", kind.name()));
	};
	let window = observed.get(from..=to).unwrap_or_default();
	let before = observed.get(from.saturating_sub(1)).ok_or("no block before the window")?;
	let Some(window_last) = window.last() else {
		return Err(format!("{}: empty window", kind.name()));
	};
	let units: u64 = window.iter().map(|o| kind.units(&o.facts.events)).sum();
	let failed: u64 = observed.iter().map(|o| Kind::failures(&o.facts.events)).sum();
	let seconds =
		window_last.facts.timestamp.saturating_sub(before.facts.timestamp) as f64 / 1000.0;
	let budget = normal_block_budget() as f64;
	let normal_weight: f64 = window.iter().map(|o| o.facts.normal_weight as f64).sum();
	let fullness = normal_weight / budget / window.len() as f64;
	let transactions_per_block =
		window.iter().map(|o| o.ours as f64).sum::<f64>() / window.len() as f64;
	let wall = window_last.at.duration_since(before.at).as_secs_f64();
	let cpu_percent = match (before.cpu_seconds, window_last.cpu_seconds) {
		(Some(a), Some(b)) if wall > 0.0 => Some((b - a) / wall * 100.0),
		_ => None,
	};
	let memory = settings.node_pid.and_then(|pid| node_usage(pid, settings.clock_ticks));
	Ok(Outcome {
		kind,
		submitted: total,
		refused: refused.load(Ordering::Relaxed),
		first_refusal: first_refusal.lock().ok().and_then(|f| f.clone()),
		failed,
		first_block: window.first().map(|o| o.facts.number).unwrap_or_default(),
		last_block: window_last.facts.number,
		measured_blocks: u32::try_from(window.len()).unwrap_or(u32::MAX),
		units,
		seconds,
		transactions_per_block,
		fullness,
		// What the blocks were charged for the load (post-dispatch), per unit of work.
		weight_per_unit_us: if units > 0 { normal_weight / 1e6 / units as f64 } else { 0.0 },
		cpu_percent,
		rss_mib: memory.map(|m| m.1),
		peak_rss_mib: memory.map(|m| m.2),
	})
}

/// Whether a submission failed only because the pool is full (worth retrying).
fn is_pool_full(error: &str) -> bool {
	error.contains("1016")
		|| error.contains("Immediately Dropped")
		|| error.contains("pool is full")
}
