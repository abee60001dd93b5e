//! `pallet_market`: operators' priced offers and credit leases, against inference credits'
//! allowances (through `diem_primitives::market`'s traits, which the credits pallet
//! implements and whose `CreditLeases` this pallet implements for it).

use crate::{Balances, InferenceCredits, Runtime, RuntimeHoldReason};
use diem_primitives::hash;
use polkadot_sdk::frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// An offer's storage costs its operator 10 HASH, returned when the offer goes.
	pub const OfferDeposit: crate::Balance = 10 * hash::UNIT;
}

/// Epochs a listing may span and how far ahead it may end: four weeks of daily epochs.
pub const MAX_LEASE_EPOCHS: u32 = 28;

impl pallet_market::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeCurrency = Balances;
	type Diem = super::assets::DiemToken;
	type Credits = InferenceCredits;
	type Operators = InferenceCredits;
	type OfferDeposit = OfferDeposit;
	type MaxOffers = ConstU32<16>;
	type MaxModelLen = ConstU32<64>;
	type MaxEndpointLen = ConstU32<128>;
	type MaxLeasesPerAccount = ConstU32<16>;
	type MaxLeaseEpochs = ConstU32<MAX_LEASE_EPOCHS>;
	type PruneBudget = ConstU32<32>;
	type WeightInfo = pallet_market::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MarketBenchmarkHelper;
}

/// Benchmarks: operators and stakes through inference credits' own calls, epochs through the
/// credits clock.
#[cfg(feature = "runtime-benchmarks")]
pub struct MarketBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_market::BenchmarkHelper<crate::AccountId> for MarketBenchmarkHelper {
	fn approve_operator(who: &crate::AccountId) {
		use polkadot_sdk::frame_system::RawOrigin;
		// The redeem key must be another account; any fixed one will do.
		let key = crate::AccountId::new([0x6b; 32]);
		let _ = InferenceCredits::register_operator(
			RawOrigin::Signed(who.clone()).into(),
			b"bench".to_vec(),
			key,
		);
		let _ = InferenceCredits::approve_operator(RawOrigin::Root.into(), who.clone(), u128::MAX);
	}

	fn revoke_operator(who: &crate::AccountId) {
		use polkadot_sdk::frame_system::RawOrigin;
		let _ = InferenceCredits::unregister_operator(RawOrigin::Signed(who.clone()).into());
	}

	fn stake_credits(who: &crate::AccountId, credits: crate::Balance) {
		use polkadot_sdk::{frame_support::traits::fungible::Mutate, frame_system::RawOrigin};
		let _ = super::assets::DiemToken::mint_into(who, credits.saturating_mul(2));
		let _ = InferenceCredits::stake(RawOrigin::Signed(who.clone()).into(), credits);
	}

	fn fund(who: &crate::AccountId, amount: crate::Balance) {
		use polkadot_sdk::frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(who, amount);
		let _ = super::assets::DiemToken::mint_into(who, amount);
	}

	fn advance_epochs(epochs: diem_primitives::voucher::EpochIndex) {
		use pallet_inference_credits::BenchmarkHelper as _;
		use polkadot_sdk::frame_support::traits::Get;
		type Clock = super::inference_credits::CreditsBenchmarkHelper;
		if InferenceCredits::epoch_clock().is_none() {
			// The first epoch starts a thousand epoch lengths after the Unix epoch.
			Clock::set_time(
				super::inference_credits::DefaultEpochLength::get().saturating_mul(1_000),
			);
		}
		for _ in 0..epochs {
			if let Some(clock) = InferenceCredits::epoch_clock() {
				Clock::set_time(clock.next_start);
			}
		}
	}
}
