//! The pallets whose benchmarks the runtime exposes through the `Benchmark` runtime API, which
//! the node's `benchmark pallet` subcommand (built with `--features runtime-benchmarks`) runs to
//! generate weights. `scripts/benchmark.sh` lists which of them have generated weights.

polkadot_sdk::frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_assets, Assets]
	[pallet_asset_conversion, AssetConversion]
	[pallet_asset_conversion_tx_payment, AssetTxPayment]
	[pallet_timestamp, Timestamp]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_proxy, Proxy]
	[pallet_multisig, Multisig]
	[pallet_scheduler, Scheduler]
	[pallet_preimage, Preimage]
	[pallet_referenda, Referenda]
	[pallet_conviction_voting, ConvictionVoting]
	[pallet_whitelist, Whitelist]
	[pallet_collective, TechnicalCommittee]
	[pallet_membership, TechnicalMembership]
	[pallet_safe_mode, SafeMode]
	[pallet_tx_pause, TxPause]
	[pallet_compute_staking, ComputeStaking]
	[pallet_diem, Diem]
	[pallet_diem_ledger, DiemLedger]
	[pallet_inference_credits, InferenceCredits]
	[pallet_market, Market]
	[pallet_lending, Lending]
	[pallet_validator_set, ValidatorSet]
);

impl polkadot_sdk::frame_system_benchmarking::Config for crate::Runtime {}
impl polkadot_sdk::pallet_transaction_payment::BenchmarkConfig for crate::Runtime {}
