//! The command line: global options and one subcommand per action.

use crate::{chain::Wait, keys::Scheme};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Wallet and operator command line for the DIEM chain.
///
/// Amounts are decimal HASH or DIEM ("12.5"; 12 decimals). Accounts are SS58 addresses, 0x hex
/// account ids, or dev names ("//Bob"). Transactions wait for finality unless `--wait in-block`
/// and print the events they caused. Exit codes: 0 done, 1 the chain refused or something
/// failed, 2 bad input, 3 no node or a runtime this build does not match.
#[derive(Debug, Parser)]
#[command(name = "diem-cli", version, max_term_width = 100)]
pub struct Cli {
	/// The node's WebSocket RPC endpoint.
	#[arg(
		long,
		global = true,
		env = "DIEM_URL",
		hide_env_values = true,
		default_value = "ws://127.0.0.1:9944"
	)]
	pub url: String,

	/// Print JSON (one object per command) instead of text.
	#[arg(long, global = true)]
	pub json: bool,

	/// When a transaction counts as done.
	#[arg(long, global = true, value_enum, default_value = "finalized")]
	pub wait: Wait,

	/// The asset transactions pay their fee in: `hash`, or `diem` (swapped to HASH through the
	/// HASH/DIEM pool, so an account holding only DIEM can transact).
	#[arg(long, global = true, value_enum, default_value = "hash")]
	pub fee_asset: FeeAssetArg,

	#[command(flatten)]
	pub key: KeyArgs,

	#[command(subcommand)]
	pub command: Command,
}

/// The signing key. Give a dev name or secret URI with `--key` (or `DIEM_KEY`), or a file
/// holding a secret URI or mnemonic with `--key-file`. The secret is never printed.
#[derive(Debug, Args)]
pub struct KeyArgs {
	/// Secret URI or mnemonic: `//Alice`, `//Alice//stash`, `<mnemonic>//hard/soft///password`.
	#[arg(long, global = true, env = "DIEM_KEY", hide_env_values = true, value_name = "SURI")]
	pub key: Option<String>,

	/// A file whose first line is the secret URI or mnemonic.
	#[arg(long, global = true, value_name = "PATH", conflicts_with = "key")]
	pub key_file: Option<PathBuf>,

	/// The key's signature scheme.
	#[arg(long, global = true, value_enum, default_value = "sr25519")]
	pub scheme: Scheme,
}

/// The fee asset of `--fee-asset`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FeeAssetArg {
	Hash,
	Diem,
}

#[derive(Debug, Subcommand)]
pub enum Command {
	/// The chain: runtime version, genesis hash, credit epoch, mint curve.
	Info,
	/// The key's account (SS58), e.g. to register an ed25519 key as a spender. No node needed.
	Address,
	/// An account's overview: HASH (free, staked, rewards), DIEM (balance, position), credits.
	Balance {
		/// The account (default: the key's).
		account: Option<String>,
	},
	/// HASH staking: stake, unstake, withdraw, claim rewards.
	#[command(subcommand)]
	Hash(HashCommand),
	/// DIEM: quote (mint or buy), mint, burn, transfer, approve, transfer-from, pay with a memo.
	#[command(subcommand)]
	Diem(DiemCommand),
	/// The DEX: pools, quotes, swaps with slippage bounds, liquidity.
	#[command(subcommand)]
	Dex(DexCommand),
	/// Inference credits: stake DIEM for a daily allowance, spenders, vouchers.
	#[command(subcommand)]
	Credits(CreditsCommand),
	/// Inference operators: register, offers, redeem vouchers, claim rewards.
	#[command(subcommand)]
	Operator(OperatorCommand),
	/// The hash-power market: operators' offers and credit leases.
	#[command(subcommand)]
	Market(MarketCommand),
	/// Lending: supply HASH for interest, borrow HASH against DIEM, liquidate unhealthy loans.
	#[command(subcommand)]
	Lend(LendCommand),
	/// Validators: the validator sets, session keys.
	#[command(subcommand)]
	Validator(ValidatorCommand),
	/// Governance: referenda and votes, the technical committee, safe mode.
	#[command(subcommand)]
	Gov(GovCommand),
	/// Admin calls through `sudo` (dev networks only), or with `--encode` the call's hex for
	/// `gov submit` and `gov committee propose`.
	#[command(subcommand)]
	Admin(AdminCommand),
}

#[derive(Debug, Subcommand)]
pub enum ValidatorCommand {
	/// Who validates now and from the next session, what governance decided, and when the next
	/// session starts.
	Set,
	/// Make new session keys in the keystore of the node at --url (its own validator node:
	/// unsafe RPC, localhost only) and register them for the key's account.
	RotateKeys,
	/// Register session keys made elsewhere (`author_rotateKeysWithOwner`'s keys and proof).
	SetKeys {
		/// The SCALE-encoded session keys, hex (aura then grandpa, 32 bytes each).
		#[arg(long)]
		keys: String,
		/// The ownership proof for the key's account, hex.
		#[arg(long)]
		proof: String,
	},
	/// Unregister the key's account's session keys and return the key deposit; only once it
	/// is out of the validator set and of the current and queued sessions.
	PurgeKeys,
}

#[derive(Debug, Subcommand)]
pub enum LendCommand {
	/// Supply HASH to the market for shares that grow with the interest borrowers pay.
	Supply { amount: String },
	/// Withdraw supplied HASH (`all`: everything), as far as the HASH not lent out allows.
	Withdraw { amount: String },
	/// Put DIEM on hold as collateral.
	DepositCollateral { amount: String },
	/// Take DIEM collateral back, if the debt stays within the borrowing limit.
	WithdrawCollateral { amount: String },
	/// Borrow HASH against your collateral (up to the limit `lend status` shows).
	Borrow {
		amount: String,
		/// Deposit this much DIEM as collateral first, in the same atomic batch.
		#[arg(long)]
		collateral: Option<String>,
	},
	/// Repay HASH of your debt (`all`: the whole debt).
	Repay { amount: String },
	/// Repay part of an unhealthy loan (at most the close factor of its debt) for its
	/// collateral plus the bonus, at the TWAP.
	Liquidate {
		/// The borrower.
		borrower: String,
		/// The most HASH to repay (`all`: as much as the close factor allows).
		#[arg(default_value = "all")]
		max_repay: String,
	},
	/// The market (supplied, borrowed, rates, reserve, bad debt, the oracle) and an account's
	/// position (default: the key's, if one is given).
	Status { account: Option<String> },
}

#[derive(Debug, Subcommand)]
pub enum HashCommand {
	/// Stake free HASH (earns emission; can back DIEM).
	Stake { amount: String },
	/// Start unbonding unlocked stake (withdrawable after the unbonding period).
	Unstake { amount: String },
	/// Withdraw unbonded stake whose period has passed.
	Withdraw,
	/// Claim staking rewards.
	Claim,
}

#[derive(Debug, Subcommand)]
pub enum DiemCommand {
	/// What an amount of DIEM costs now: minted on the curve (HASH stake locked) and bought on
	/// the DEX (HASH spent), and which is cheaper.
	Quote { amount: String },
	/// Mint DIEM against unlocked HASH stake at the curve's price.
	Mint {
		amount: String,
		/// The most HASH stake the mint may lock (default: the quote plus `--slippage`).
		#[arg(long, value_name = "HASH")]
		max_cost: Option<String>,
		/// Tolerance over the quote in percent when `--max-cost` is not given.
		#[arg(long, default_value = "1", value_name = "PERCENT")]
		slippage: String,
	},
	/// Burn DIEM to unlock the HASH stake behind it.
	Burn { amount: String },
	/// Transfer DIEM (`Assets.transfer_keep_alive`: the sender stays above DIEM's minimum).
	Transfer { to: String, amount: String },
	/// Allow a spender to transfer up to this much more of your DIEM (`Assets.approve_transfer`;
	/// reserves a 0.01 HASH deposit until the approval is used up or cancelled).
	Approve { spender: String, amount: String },
	/// What a spender may still transfer of an owner's DIEM.
	Allowance { owner: String, spender: String },
	/// Transfer DIEM from an owner who approved you (`Assets.transfer_approved`).
	TransferFrom { owner: String, to: String, amount: String },
	/// Pay DIEM with a memo (an invoice id, an order reference).
	Pay {
		to: String,
		amount: String,
		#[arg(long)]
		memo: String,
	},
}

/// An asset on the command line: `hash`, `diem`, or an asset id.
pub type AssetArg = String;

#[derive(Debug, Subcommand)]
pub enum DexCommand {
	/// Every pool: its reserves, price, LP token and fee.
	Pools,
	/// What a swap gives (or, with `--exact-out`, costs) now, fee included.
	Quote {
		/// The amount in (or out, with `--exact-out`).
		amount: String,
		#[arg(long, default_value = "hash")]
		from: AssetArg,
		#[arg(long, default_value = "diem")]
		to: AssetArg,
		/// `amount` is what comes out.
		#[arg(long)]
		exact_out: bool,
	},
	/// Swap through the pools (two assets other than HASH go through HASH). The bound is
	/// `--min-out` (or `--max-in` with `--exact-out`), else the quote less (plus) `--slippage`;
	/// a swap past it fails and changes nothing.
	Swap {
		/// The amount in (or out, with `--exact-out`).
		amount: String,
		#[arg(long, default_value = "hash")]
		from: AssetArg,
		#[arg(long, default_value = "diem")]
		to: AssetArg,
		/// `amount` is what comes out; the input is bounded by `--max-in`.
		#[arg(long)]
		exact_out: bool,
		/// The least that may come out (exact-in swaps).
		#[arg(long, conflicts_with = "exact_out")]
		min_out: Option<String>,
		/// The most that may go in (exact-out swaps).
		#[arg(long, requires = "exact_out")]
		max_in: Option<String>,
		/// Tolerance around the quote in percent when no bound is given.
		#[arg(long, default_value = "1", value_name = "PERCENT")]
		slippage: String,
	},
	/// Add liquidity to the HASH/<asset> pool (creating the pool first if it does not exist,
	/// which burns its 10 HASH setup fee). The pool takes the amounts at its price, never less
	/// than `--slippage` below them.
	AddLiquidity {
		/// The pool's other asset (`diem` or an id).
		#[arg(default_value = "diem")]
		asset: AssetArg,
		/// HASH to add.
		#[arg(long)]
		hash: String,
		/// The asset to add.
		#[arg(long)]
		amount: String,
		#[arg(long, default_value = "1", value_name = "PERCENT")]
		slippage: String,
	},
	/// Burn LP tokens of the HASH/<asset> pool for their share of its reserves.
	RemoveLiquidity {
		#[arg(default_value = "diem")]
		asset: AssetArg,
		/// LP tokens to burn (`all` for every one the key holds).
		#[arg(long)]
		lp: String,
		#[arg(long, default_value = "1", value_name = "PERCENT")]
		slippage: String,
	},
}

#[derive(Debug, Subcommand)]
pub enum CreditsCommand {
	/// Credit stake, this epoch's allowance and usage, unlocking DIEM and spenders.
	Status {
		/// The account (default: the key's).
		account: Option<String>,
	},
	/// Stake DIEM for credits (counts pro rata now, fully from the next epoch).
	Stake { amount: String },
	/// Unstake DIEM from credits (released after the epoch boundary).
	Unstake { amount: String },
	/// Withdraw released DIEM.
	Withdraw,
	/// Let another key sign vouchers against your allowance, up to a cap per epoch.
	AddSpender {
		spender: String,
		#[arg(long, value_name = "CREDITS")]
		cap: String,
	},
	/// Revoke a spender key.
	RemoveSpender { spender: String },
	/// Sign a voucher for an operator; prints it (JSON with `--json`, else the hex line an
	/// operator's redeem file takes).
	SignVoucher(SignVoucherArgs),
}

#[derive(Debug, Args)]
pub struct SignVoucherArgs {
	/// The operator the voucher pays (its account, not its redeem key).
	#[arg(long)]
	pub operator: String,
	/// Credits used at this operator in the epoch so far, in total (vouchers are cumulative).
	#[arg(long)]
	pub cumulative: String,
	/// The account whose allowance pays, when the key is one of its spenders.
	#[arg(long)]
	pub payer: Option<String>,
	/// The epoch (default: the current one, from the node).
	#[arg(long)]
	pub epoch: Option<u32>,
	/// The chain's genesis hash (default: the node's). With `--epoch`, signs offline.
	#[arg(long, value_name = "HASH")]
	pub genesis: Option<String>,
	/// Sign the payload itself, or wrapped in <Bytes>..</Bytes> as browser wallets do.
	#[arg(long, value_enum, default_value = "raw")]
	pub wrapping: Wrapping,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Wrapping {
	Raw,
	Bytes,
}

#[derive(Debug, Subcommand)]
pub enum OperatorCommand {
	/// Register as an operator (holds the bond; governance approves).
	Register {
		/// The hot key that submits `redeem` for this operator.
		#[arg(long)]
		redeem_key: String,
		/// Public metadata (an endpoint, a name), at most 256 bytes.
		#[arg(long, default_value = "")]
		metadata: String,
	},
	/// Stop redeeming; the bond is released after the dispute delay.
	Unregister,
	/// Take back the bond of an unregistered operator once its dispute delay has passed.
	ReleaseBond,
	/// Redeem a file of vouchers (one per line: the hex or JSON `sign-voucher` prints), in
	/// batches; signed with the operator's redeem key.
	Redeem {
		file: PathBuf,
		/// Vouchers per transaction (at most 256).
		#[arg(long, default_value = "64")]
		batch: usize,
	},
	/// Claim rewards for an epoch (default: every epoch with something claimable).
	Claim {
		#[arg(long)]
		epoch: Option<u32>,
	},
	/// An operator's bond, status, and per epoch: credits redeemed and HASH claimable.
	Status {
		/// The operator (default: the key's account).
		operator: Option<String>,
	},
	/// Publish or remove the operator's priced offers (approved operators; a HASH deposit each).
	#[command(subcommand)]
	Offer(OfferCommand),
}

#[derive(Debug, Subcommand)]
pub enum OfferCommand {
	/// Publish an offer, or change the one for the same model and unit.
	Set {
		/// The model, as clients name it.
		#[arg(long)]
		model: String,
		/// What the price is per.
		#[arg(long, value_enum)]
		unit: PriceUnitArg,
		/// Credits per unit (decimal, e.g. 0.25).
		#[arg(long)]
		price: String,
		/// The longest context served (tokens).
		#[arg(long)]
		max_context: u32,
		/// Where clients send requests.
		#[arg(long)]
		endpoint: String,
	},
	/// Remove an offer (its deposit comes back).
	Remove {
		#[arg(long)]
		model: String,
		#[arg(long, value_enum)]
		unit: PriceUnitArg,
	},
}

/// What an offer's price is per.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PriceUnitArg {
	/// Per million input tokens.
	InputTokens,
	/// Per million output tokens.
	OutputTokens,
	/// Per request.
	Request,
	/// Per second.
	Second,
}

/// What a lease is paid in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PayInArg {
	Hash,
	Diem,
}

#[derive(Debug, Subcommand)]
pub enum MarketCommand {
	/// Approved operators' offers, cheapest first, with each operator's capacity left and its
	/// record (credits redeemed, epochs voided or slashed) over a recent window.
	Offers {
		/// Only offers for this model.
		#[arg(long)]
		model: Option<String>,
	},
	/// The lease book (open listings, cheapest first), or with `--account` an account's
	/// listings, leases in and out and its credits by epoch.
	Leases {
		#[arg(long)]
		account: Option<String>,
		/// Only listings that reach this epoch or later.
		#[arg(long)]
		first: Option<u32>,
		/// Only listings that start by this epoch.
		#[arg(long)]
		last: Option<u32>,
	},
	/// List, take or cancel credit leases.
	#[command(subcommand)]
	Lease(LeaseCommand),
}

#[derive(Debug, Subcommand)]
pub enum LeaseCommand {
	/// List credits of your allowance for lease: they are committed until taken or cancelled.
	List {
		/// Credits per epoch.
		#[arg(long)]
		credits: String,
		/// The first epoch (default: the current one).
		#[arg(long)]
		first: Option<u32>,
		/// How many epochs from `--first`.
		#[arg(long, default_value = "1")]
		epochs: u32,
		/// Price per credit, in `--pay-in`.
		#[arg(long)]
		price: String,
		#[arg(long, value_enum, default_value = "hash")]
		pay_in: PayInArg,
	},
	/// Take (all or part of) a listing for the epochs left in it, paying at once.
	Take {
		/// The listing's id (`market leases`).
		listing: u64,
		/// Credits per epoch (default: all that is open).
		#[arg(long)]
		credits: Option<String>,
		/// Whose allowance grows (default: the key's account).
		#[arg(long)]
		beneficiary: Option<String>,
		/// The highest price per credit you accept (default: the listing's price now).
		#[arg(long)]
		max_price: Option<String>,
	},
	/// Cancel the part of your listing not taken, from the current epoch on.
	Cancel { listing: u64 },
}

/// A referendum track, by the name the runtime gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TrackArg {
	/// Anything, as Root (runtime upgrades): the slowest track.
	Root,
	/// A call the technical committee whitelisted, dispatched as Root: the fast track.
	#[value(name = "whitelisted_caller", alias = "whitelisted-caller")]
	WhitelistedCaller,
	/// The curve, minting, staking emissions and bounds, the epoch length.
	#[value(name = "diem_admin", alias = "diem-admin")]
	DiemAdmin,
	/// Approving, slashing and voiding inference operators.
	#[value(name = "operator_admin", alias = "operator-admin")]
	OperatorAdmin,
	/// The validator set and the session length.
	#[value(name = "validator_admin", alias = "validator-admin")]
	ValidatorAdmin,
}

/// A vote's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Side {
	Aye,
	Nay,
}

#[derive(Debug, Subcommand)]
pub enum GovCommand {
	/// Propose a call for a referendum on a track. The call is hex of its SCALE encoding (as
	/// `admin ... --encode` or polkadot.js apps print it); calls over 128 bytes are noted as a
	/// preimage first. On `whitelisted_caller` the call is wrapped in
	/// `Whitelist.dispatch_whitelisted_call_with_preimage` (the committee must whitelist it).
	/// Places the decision deposit too, unless `--no-deposit`.
	Submit {
		/// The call, hex.
		call: String,
		#[arg(long, value_enum)]
		track: TrackArg,
		/// Blocks after approval before the call runs (at least the track's enactment period).
		#[arg(long, default_value = "0", value_name = "BLOCKS")]
		enact_after: u32,
		/// Leave the decision deposit for someone else (`gov deposit`).
		#[arg(long)]
		no_deposit: bool,
	},
	/// Place the decision deposit of a referendum, so that it can be decided.
	Deposit { index: u32 },
	/// Vote on a referendum with HASH (staked HASH counts too). Conviction 0 to 6 multiplies
	/// the vote (0: a tenth) and locks the amount for 2^(N-1) lock periods after the end.
	Vote {
		index: u32,
		#[arg(value_enum)]
		side: Side,
		/// HASH to vote with.
		#[arg(long)]
		amount: String,
		#[arg(long, default_value = "1", value_parser = clap::value_parser!(u8).range(0..=6))]
		conviction: u8,
	},
	/// Referenda (ongoing ones, or one in full), committee motions and safe mode.
	Status {
		/// One referendum.
		index: Option<u32>,
	},
	/// The technical committee: propose, vote on and close motions (members only).
	#[command(subcommand)]
	Committee(CommitteeCommand),
	/// Safe mode: a committee motion to enter, extend or leave it (two thirds of the members).
	#[command(subcommand)]
	SafeMode(SafeModeCommand),
}

#[derive(Debug, Subcommand)]
pub enum CommitteeCommand {
	/// Propose a call (hex) as a committee motion and vote aye on it. The threshold is the
	/// number of ayes it needs (default: two thirds of the members).
	Propose {
		call: String,
		#[arg(long)]
		threshold: Option<u32>,
	},
	/// Propose whitelisting a call (hex) for the `whitelisted_caller` track.
	Whitelist { call: String },
	/// Vote on a motion (its hash, from `gov status`).
	Vote {
		motion: String,
		#[arg(value_enum)]
		side: Side,
	},
	/// Close a motion that has its votes (or whose voting period ended): it runs if approved.
	Close { motion: String },
}

#[derive(Debug, Subcommand)]
pub enum SafeModeCommand {
	/// Propose entering safe mode (one day; only governance and system calls go through).
	Enter,
	/// Propose extending safe mode by 12 hours (the committee only while it then ends within
	/// three days).
	Extend,
	/// Propose leaving safe mode now.
	Exit,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
	/// Approve an operator with a capacity of credits per epoch.
	ApproveOperator {
		operator: String,
		#[arg(long, value_name = "CREDITS")]
		capacity: String,
		#[command(flatten)]
		encode: EncodeArg,
	},
	/// Add a validator (it must have registered session keys); it validates from the session
	/// after the next rotation.
	AddValidator {
		account: String,
		#[command(flatten)]
		encode: EncodeArg,
	},
	/// Remove a validator (not below the chain's minimum set size).
	RemoveValidator {
		account: String,
		#[command(flatten)]
		encode: EncodeArg,
	},
}

#[derive(Debug, Args)]
pub struct EncodeArg {
	/// Print the call's hex instead of submitting it through sudo (no key or node needed).
	#[arg(long)]
	pub encode: bool,
}
