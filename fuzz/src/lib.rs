//! # DIEM runtime fuzzer
//!
//! The runtime, built natively from the `development` preset with 36 funded accounts (Alice ..
//! Ferdie, who stake and of whom Alice is the sudo key, and 30 more), runs the blocks an input
//! describes: signed calls of every pallet ([`calls`]), block boundaries, time jumps across
//! credit epochs and runs of empty blocks. Every extrinsic goes through `Executive` with a real
//! signature and the runtime's transaction extensions, so fees, nonces, weights and the call
//! filter act as they do on chain. After every block:
//!
//! - every invariant of the runtime: each DIEM pallet's `do_try_state`, HASH and DIEM issuance
//!   against the sum of all accounts, every hold against its pallet's records
//!   (`diem_runtime::invariants::check_all`); with the `try-runtime` feature, also every
//!   polkadot-sdk pallet's own `try_state`;
//! - no dispatch class consumed more weight than the block allows it.
//!
//! A panic anywhere, in the runtime or in these checks, is a crash.
//!
//! ## Input
//!
//! A byte string read front to back ([`Input`]): an operation byte, then its arguments. `0`
//! ends the block, `1` jumps 1..=256 slots ahead (a credit epoch of the dev chain is ten slots),
//! `2` builds 1..=32 empty blocks, anything else is a signed call: a signer byte, then the
//! call ([`calls::call`]). An input ends where its bytes do, after at most [`MAX_BLOCKS`]
//! blocks.
//!
//! ## Running
//!
//! `scripts/fuzz.sh [minutes]` runs libFuzzer through cargo-fuzz on `fuzz_targets/runtime.rs`
//! with the corpus in `fuzz/corpus/runtime`; `cargo test -p diem-runtime-fuzz` replays that
//! corpus (the README's test command does), so a crash once found and fixed stays fixed.

pub mod calls;
mod input;

pub use input::Input;

use codec::Encode;
use diem_primitives::{hash::UNIT, AccountId, BlockNumber, Hash};
use diem_runtime::{
	configs::RuntimeBlockWeights, genesis_config_presets, signing::SigningContext, Balances,
	Executive, Runtime, RuntimeCall, System, UncheckedExtrinsic,
};
use polkadot_sdk::{
	frame_support::{dispatch::DispatchClass, traits::fungible::Mutate},
	frame_system, pallet_timestamp,
	sp_consensus_aura::{Slot, AURA_ENGINE_ID},
	sp_core::{sr25519, Pair},
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{generic, traits::Header as _, Digest, DigestItem, Storage},
};
use std::sync::OnceLock;

/// The most blocks one input builds: bounds a run's time.
pub const MAX_BLOCKS: u32 = 400;

/// Extra accounts beside the dev keyring, each endowed with [`FUZZ_ENDOWMENT`].
const EXTRA_ACCOUNTS: u32 = 30;
const FUZZ_ENDOWMENT: diem_primitives::Balance = 100_000 * UNIT;

/// The first block's Aura slot (any slot works on a fresh chain).
const FIRST_SLOT: u64 = 300_000_000;

/// The fuzzer's keys and their accounts.
pub struct Accounts {
	pub pairs: Vec<sr25519::Pair>,
	pub ids: Vec<AccountId>,
}

fn accounts() -> &'static Accounts {
	static ACCOUNTS: OnceLock<Accounts> = OnceLock::new();
	ACCOUNTS.get_or_init(|| {
		let mut pairs: Vec<sr25519::Pair> =
			Sr25519Keyring::invulnerable().map(|key| key.pair()).collect();
		for index in 0..EXTRA_ACCOUNTS {
			// Seeds, not derivation paths: a hard derivation per key is slow at start-up.
			let seed = polkadot_sdk::sp_io::hashing::blake2_256(&(b"diem/fuzz", index).encode());
			pairs.push(sr25519::Pair::from_seed(&seed));
		}
		let ids = pairs.iter().map(|pair| AccountId::from(pair.public().0)).collect();
		Accounts { pairs, ids }
	})
}

fn genesis() -> &'static Storage {
	static GENESIS: OnceLock<Storage> = OnceLock::new();
	GENESIS.get_or_init(|| {
		// A preset that does not build is a bug of the runtime, found before any input runs.
		#[allow(clippy::panic)]
		genesis_config_presets::preset_storage(polkadot_sdk::sp_genesis_builder::DEV_RUNTIME_PRESET)
			.unwrap_or_else(|e| panic!("the development preset does not build: {e}"))
	})
}

/// What one input did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
	/// Blocks built.
	pub blocks: u32,
	/// Signed extrinsics the executive accepted into a block.
	pub included: u32,
	/// Of those, the ones whose call succeeded.
	pub succeeded: u32,
}

/// Runs one input from a fresh dev chain; panics on a broken invariant.
pub fn run(data: &[u8]) -> Summary {
	run_with(data, || {})
}

/// [`run`], with `meddle` changing the state once the first block is open: how the harness's
/// own tests show that a broken state fails the run.
pub fn run_with(data: &[u8], meddle: impl FnOnce()) -> Summary {
	let mut ext = TestExternalities::new(genesis().clone());
	ext.execute_with(|| {
		let chain = Chain::start();
		meddle();
		chain.run(&mut Input::new(data))
	})
}

/// The chain being built: the number, slot and parent of the open block.
struct Chain {
	number: BlockNumber,
	slot: u64,
	parent: Hash,
	summary: Summary,
}

impl Chain {
	fn start() -> Self {
		for who in accounts().ids.iter().skip(Sr25519Keyring::invulnerable().count()) {
			check(Balances::mint_into(who, FUZZ_ENDOWMENT).is_ok(), "endowing a fuzz account");
		}
		let mut chain = Chain {
			number: 1,
			slot: FIRST_SLOT,
			parent: System::block_hash(0),
			summary: Summary::default(),
		};
		chain.open_block();
		chain
	}

	fn run(mut self, input: &mut Input) -> Summary {
		while self.number < MAX_BLOCKS {
			let Some(op) = input.byte() else { break };
			match op {
				0 => self.next_block(1),
				1 => {
					let Some(slots) = input.byte() else { break };
					self.next_block(u64::from(slots).saturating_add(1));
				}
				2 => {
					let Some(count) = input.byte() else { break };
					for _ in 0..=count % 32 {
						self.next_block(1);
					}
				}
				_ => {
					let Some(signer) = input.choice(accounts().pairs.len()) else { break };
					// One transaction in four pays its fee in DIEM, through the pool.
					let Some(fee_choice) = input.choice(4) else { break };
					let Some(call) = calls::call(input, accounts(), 0) else { break };
					self.apply(signer, call, fee_choice == 0);
				}
			}
		}
		self.close_block();
		self.summary
	}

	/// Closes the open block and opens the next, `slots` slots later.
	fn next_block(&mut self, slots: u64) {
		self.close_block();
		self.number = self.number.saturating_add(1);
		self.slot = self.slot.saturating_add(slots);
		self.open_block();
	}

	/// What an Aura author does first: the slot pre-digest, then the timestamp inherent.
	fn open_block(&mut self) {
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(self.slot).encode())],
		};
		let header = generic::Header::new(
			self.number,
			Default::default(),
			Default::default(),
			self.parent,
			digest,
		);
		Executive::initialize_block(&header);
		let now = self.slot.saturating_mul(diem_primitives::time::SLOT_DURATION);
		let inherent =
			UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
				now,
			}));
		check(matches!(Executive::apply_extrinsic(inherent), Ok(Ok(()))), "the timestamp inherent");
	}

	/// Finalizes the open block and checks it.
	fn close_block(&mut self) {
		check_block_weight();
		let header = Executive::finalize_block();
		self.parent = header.hash();
		self.summary.blocks = self.summary.blocks.saturating_add(1);
		if let Err(broken) = diem_runtime::invariants::check_all() {
			fail(&format!("block {}: {broken:?}", self.number));
		}
		#[cfg(feature = "try-runtime")]
		{
			use polkadot_sdk::frame_support::traits::{TryState, TryStateSelect};
			let checked = <diem_runtime::AllPalletsWithSystem as TryState<BlockNumber>>::try_state(
				self.number,
				TryStateSelect::All,
			);
			if let Err(broken) = checked {
				fail(&format!("block {}: try_state: {broken:?}", self.number));
			}
		}
	}

	/// Applies `call` signed by account `signer` with its next nonce, paying the fee in HASH or
	/// (`fee_in_diem`) in DIEM. Refused transactions (unpayable, a full block) and failed calls
	/// are part of the game.
	fn apply(&mut self, signer: usize, call: RuntimeCall, fee_in_diem: bool) {
		let Some(pair) = accounts().pairs.get(signer) else { return };
		let who = AccountId::from(pair.public().0);
		let nonce = System::account_nonce(&who);
		let fee_asset = fee_in_diem.then(diem_runtime::configs::assets::DiemKind::get);
		let extrinsic =
			SigningContext::new(System::block_hash(0)).sign_paying_in(pair, nonce, call, fee_asset);
		if let Ok(outcome) = Executive::apply_extrinsic(extrinsic) {
			self.summary.included = self.summary.included.saturating_add(1);
			if outcome.is_ok() {
				self.summary.succeeded = self.summary.succeeded.saturating_add(1);
			}
		}
	}
}

/// Normal and operational extrinsics stay within their class's share of the block. (Mandatory
/// work, the hooks and inherents, is not limited by design: a session rotation charges a whole
/// block.)
fn check_block_weight() {
	let consumed = frame_system::Pallet::<Runtime>::block_weight();
	let limits = RuntimeBlockWeights::get();
	for class in [DispatchClass::Normal, DispatchClass::Operational] {
		let max = limits.get(class).max_total.unwrap_or(limits.max_block);
		let used = consumed.get(class);
		check(used.all_lte(max), &format!("{class:?} weight {used:?} above {max:?}"));
	}
}

fn check(holds: bool, what: &str) {
	if !holds {
		fail(what);
	}
}

/// A broken invariant: the crash libFuzzer records.
#[allow(clippy::panic)]
fn fail(what: &str) {
	panic!("runtime fuzzer: {what}");
}
