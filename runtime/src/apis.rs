//! Runtime APIs: what the node, wallets and dApps call into the runtime for.
//!
//! Standard set: `Core`, `Metadata` (V14 to V16), `BlockBuilder`, `TaggedTransactionQueue`,
//! `OffchainWorkerApi`, `AuraApi`, `GrandpaApi`, `SessionKeys`, `AccountNonceApi`,
//! `TransactionPaymentApi`/`TransactionPaymentCallApi` (fee quotes), `GenesisBuilder` (chain
//! specs from presets) and `RuntimeViewFunction`.
//!
//! DIEM: `ComputeStakingApi` (an account's HASH stake and rewards), `DiemApi` (mint and stake
//! quotes, the curve's state, positions), `DiemMarketApi` (what DIEM costs minted and bought),
//! `DiemLedgerApi` (DIEM balance breakdown) and `InferenceCreditsApi` (epochs, credit
//! allowances, operators, the bytes a voucher signs) and `MarketApi` (operators' offers cheapest
//! first, the lease book, an account's leases); `LendingApi` (the lending market's books, rates
//! and oracle, an account's position and health).
//!
//! DEX: the SDK's `AssetConversionApi` (swap quotes with and without the fee, pool reserves),
//! over `NativeOrWithId<u32>` asset kinds (`Native` is HASH, `WithId(100)` DIEM).
//!
//! Validators: `ValidatorSetApi` (the active, queued and target sets and the next rotation).

use crate::{
	configs::assets::AssetKind, genesis_config_presets, AccountId, AssetConversion, Aura, Balance,
	Block, BlockNumber, ComputeStaking, Diem, Executive, Grandpa, Historical, InferenceCredits,
	InherentDataExt, Market, Nonce, Runtime, RuntimeCall, RuntimeGenesisConfig, SessionKeys,
	System, TransactionPayment, VERSION,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		self,
		genesis_builder_helper::{build_state, get_preset},
		traits::KeyOwnerProofSystem,
		view_functions::{ViewFunctionDispatchError, ViewFunctionId},
		weights::Weight,
	},
	frame_system_rpc_runtime_api, pallet_aura, pallet_transaction_payment_rpc_runtime_api,
	pallet_transaction_payment_rpc_runtime_api::{FeeDetails, RuntimeDispatchInfo},
	sp_api::{self, impl_runtime_apis},
	sp_block_builder, sp_consensus_aura,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::{self, AuthorityList as GrandpaAuthorityList},
	sp_core::{crypto::KeyTypeId, OpaqueMetadata},
	sp_genesis_builder::{self, PresetId},
	sp_inherents::{CheckInherentsResult, InherentData},
	sp_offchain,
	sp_runtime::{
		self,
		traits::{Block as BlockT, NumberFor},
		transaction_validity::{TransactionSource, TransactionValidity},
		ApplyExtrinsicResult,
	},
	sp_session::{self, OpaqueGeneratedSessionKeys},
	sp_transaction_pool,
	sp_version::RuntimeVersion,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(id: ViewFunctionId, input: Vec<u8>) -> Result<Vec<u8>, ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(block: <Block as BlockT>::LazyBlock, data: InherentData) -> CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> GrandpaAuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			let key_owner_proof = key_owner_proof.decode()?;
			Grandpa::submit_unsigned_equivocation_report(equivocation_proof, key_owner_proof)
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			authority_id: sp_consensus_grandpa::AuthorityId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			use codec::Encode;
			Historical::prove((sp_consensus_grandpa::KEY_TYPE, authority_id))
				.map(|proof| proof.encode())
				.map(sp_consensus_grandpa::OpaqueKeyOwnershipProof::new)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(call: RuntimeCall, len: u32) -> RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(call: RuntimeCall, len: u32) -> FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl polkadot_sdk::frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<polkadot_sdk::frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use crate::*;
			use polkadot_sdk::frame_benchmarking::BenchmarkList;
			use polkadot_sdk::frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};
			use frame_support::traits::StorageInfoTrait;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: polkadot_sdk::frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<polkadot_sdk::frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use crate::*;
			use polkadot_sdk::frame_benchmarking::BenchmarkBatch;
			use polkadot_sdk::frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};
			use frame_support::traits::WhitelistedStorageKeys;

			// Keys every block touches anyway (block number, events, ...) are not charged to a call.
			let whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	impl pallet_validator_set::runtime_api::ValidatorSetApi<Block, AccountId, BlockNumber> for Runtime {
		fn validator_set() -> pallet_validator_set::ValidatorSetState<AccountId, BlockNumber> {
			validator_set_state()
		}
	}

	impl pallet_compute_staking::runtime_api::ComputeStakingApi<Block, AccountId, BlockNumber> for Runtime {
		fn stake_state(who: AccountId) -> Option<pallet_compute_staking::StakeState<BlockNumber>> {
			ComputeStaking::stake_state(&who)
		}
	}

	impl pallet_diem::runtime_api::DiemApi<Block, AccountId, BlockNumber> for Runtime {
		fn mint_quote(diem: Balance) -> Result<Balance, pallet_diem::QuoteError> {
			Diem::mint_quote(diem)
		}

		fn stake_quote(stake: Balance) -> Result<pallet_diem::StakeQuote, pallet_diem::QuoteError> {
			Diem::stake_quote(stake)
		}

		fn curve_status() -> pallet_diem::CurveStatus<BlockNumber> {
			Diem::curve_status()
		}

		fn position(who: AccountId) -> Option<pallet_diem::PositionInfo> {
			Diem::position_info(&who)
		}
	}

	impl pallet_diem::runtime_api::DiemMarketApi<Block> for Runtime {
		fn buy_or_mint(diem: Balance) -> pallet_diem::BuyOrMint {
			buy_or_mint(diem)
		}
	}

	impl polkadot_sdk::pallet_asset_conversion::AssetConversionApi<Block, Balance, AssetKind> for Runtime {
		fn quote_price_exact_tokens_for_tokens(
			asset1: AssetKind,
			asset2: AssetKind,
			amount: Balance,
			include_fee: bool,
		) -> Option<Balance> {
			AssetConversion::quote_price_exact_tokens_for_tokens(asset1, asset2, amount, include_fee)
		}

		fn quote_price_tokens_for_exact_tokens(
			asset1: AssetKind,
			asset2: AssetKind,
			amount: Balance,
			include_fee: bool,
		) -> Option<Balance> {
			AssetConversion::quote_price_tokens_for_exact_tokens(asset1, asset2, amount, include_fee)
		}

		fn get_reserves(asset1: AssetKind, asset2: AssetKind) -> Option<(Balance, Balance)> {
			AssetConversion::get_reserves(asset1, asset2).ok()
		}
	}

	impl pallet_diem_ledger::runtime_api::DiemLedgerApi<Block, AccountId> for Runtime {
		fn balance(who: AccountId) -> pallet_diem_ledger::DiemBalance {
			diem_balance(&who)
		}

	}

	impl pallet_inference_credits::runtime_api::InferenceCreditsApi<Block, AccountId> for Runtime {
		fn epoch() -> Option<pallet_inference_credits::EpochClock> {
			InferenceCredits::epoch_clock()
		}

		fn credit_state(who: AccountId) -> Option<pallet_inference_credits::CreditState<AccountId>> {
			InferenceCredits::credit_state(&who)
		}

		fn operator_state(
			operator: AccountId,
		) -> Option<pallet_inference_credits::OperatorState<AccountId>> {
			InferenceCredits::operator_state(&operator)
		}

		fn voucher_signing_bytes(
			terms: diem_primitives::voucher::VoucherTerms,
			wrapping: diem_primitives::voucher::PayloadWrapping,
		) -> Vec<u8> {
			InferenceCredits::voucher_signing_bytes(terms, wrapping)
		}

		fn voucher_payload(
			terms: diem_primitives::voucher::VoucherTerms,
		) -> diem_primitives::voucher::VoucherPayload {
			InferenceCredits::voucher_payload(terms)
		}
	}

	impl pallet_market::runtime_api::MarketApi<Block, AccountId> for Runtime {
		fn offers(model: Option<Vec<u8>>) -> Vec<pallet_market::OfferView<AccountId>> {
			Market::offers(model)
		}

		fn lease_book(
			first: Option<diem_primitives::voucher::EpochIndex>,
			last: Option<diem_primitives::voucher::EpochIndex>,
		) -> Vec<pallet_market::ListingView<AccountId>> {
			Market::lease_book(first, last)
		}

		fn account_leases(who: AccountId) -> pallet_market::AccountLeasesView<AccountId> {
			Market::account_leases(&who)
		}
	}

	impl pallet_lending::runtime_api::LendingApi<Block, AccountId> for Runtime {
		fn market() -> Option<pallet_lending::MarketView> {
			crate::Lending::market_view()
		}

		fn position(who: AccountId) -> pallet_lending::PositionView {
			crate::Lending::position_view(&who)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<PresetId> {
			genesis_config_presets::preset_names()
		}
	}
}

/// `who`'s DIEM as wallets show it.
pub fn diem_balance(who: &crate::AccountId) -> pallet_diem_ledger::DiemBalance {
	use crate::configs::assets::DiemHolds;
	use polkadot_sdk::frame_support::traits::{
		fungible::{Inspect, InspectHold},
		tokens::{Fortitude, Preservation},
	};
	pallet_diem_ledger::DiemBalance {
		free: DiemHolds::balance(who),
		transferable: DiemHolds::reducible_balance(who, Preservation::Preserve, Fortitude::Polite),
		held_total: DiemHolds::total_balance_on_hold(who),
	}
}

/// What `diem` DIEM costs minted on the curve and bought on the DEX now.
pub fn buy_or_mint(diem: Balance) -> pallet_diem::BuyOrMint {
	use crate::configs::assets::{DiemKind, HashKind};
	pallet_diem::BuyOrMint {
		diem,
		mint_cost: Diem::mint_quote(diem),
		// Open, and not paused by a scheduled curve change (what `curve_status` calls paused),
		// without evaluating the curve's marginal rate.
		can_mint: pallet_diem::MintingOpen::<Runtime>::get()
			&& pallet_diem::PendingChange::<Runtime>::get().is_none(),
		buy_cost: AssetConversion::quote_price_tokens_for_exact_tokens(
			HashKind::get(),
			DiemKind::get(),
			diem,
			true,
		),
	}
}

/// The validator sets and the session clock, as `ValidatorSetApi` reports them.
pub fn validator_set_state(
) -> pallet_validator_set::ValidatorSetState<crate::AccountId, crate::BlockNumber> {
	use polkadot_sdk::frame_support::traits::EstimateNextSessionRotation;
	let now = crate::System::block_number();
	type Rotation = <crate::Runtime as polkadot_sdk::pallet_session::Config>::NextSessionRotation;
	pallet_validator_set::ValidatorSetState {
		session: crate::Session::current_index(),
		active: crate::Session::validators(),
		queued: crate::Session::queued_keys().into_iter().map(|(who, _keys)| who).collect(),
		target: crate::ValidatorSet::target_set(),
		session_length: pallet_validator_set::Pallet::<crate::Runtime>::session_length(),
		next_rotation: Rotation::estimate_next_session_rotation(now).0.unwrap_or(now),
	}
}
