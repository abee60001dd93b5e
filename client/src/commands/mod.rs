//! The commands: each reads through the runtime APIs or submits one call, and returns what to
//! print.

mod balance;
mod credits;
mod dex;
mod diem;
mod gov;
mod hash;
mod lend;
mod market;
mod operator;
mod validator;

pub(crate) use crate::units::parse_amount as amount;
use crate::{
	chain::{event_line, runtime, Chain, ChainAccount, FeeAsset, Receipt, Wait},
	cli::{AdminCommand, Cli, Command, FeeAssetArg, KeyArgs},
	keys::{parse_account, ss58, Key},
	units::format_amount,
	Error, Output,
};
use diem_primitives::AccountId;
use serde_json::{json, Value as Json};

/// Runs one command line.
pub async fn run(cli: Cli) -> Result<Output, Error> {
	let Cli { url, json: _, wait, fee_asset, key, command } = cli;
	let fee_asset = match fee_asset {
		FeeAssetArg::Hash => FeeAsset::Native,
		FeeAssetArg::Diem => FeeAsset::DIEM,
	};
	let mut ctx = Ctx { url, wait, fee_asset, key_args: key, chain: None };
	match command {
		Command::Info => info(&mut ctx).await,
		Command::Address => {
			let account = ss58(&ctx.key()?.account_id());
			Ok(Output { text: format!("{account}\n"), json: json!({ "account": account }) })
		}
		Command::Balance { account } => balance::balance(&mut ctx, account.as_deref()).await,
		Command::Hash(command) => hash::hash(&mut ctx, command).await,
		Command::Diem(command) => diem::diem(&mut ctx, command).await,
		Command::Dex(command) => dex::run(&mut ctx, command).await,
		Command::Credits(command) => credits::run(&mut ctx, command).await,
		Command::Operator(command) => operator::run(&mut ctx, command).await,
		Command::Market(command) => market::run(&mut ctx, command).await,
		Command::Lend(command) => lend::run(&mut ctx, command).await,
		Command::Validator(command) => validator::run(&mut ctx, command).await,
		Command::Gov(command) => gov::run(&mut ctx, command).await,
		Command::Admin(command) => admin(&mut ctx, command).await,
	}
}

/// What a command needs: the connection (opened on first use) and the key (loaded on use).
pub(crate) struct Ctx {
	url: String,
	wait: Wait,
	fee_asset: FeeAsset,
	key_args: KeyArgs,
	chain: Option<Chain>,
}

impl Ctx {
	pub(crate) async fn chain(&mut self) -> Result<&Chain, Error> {
		if self.chain.is_none() {
			self.chain = Some(Chain::connect(&self.url).await?);
		}
		self.chain.as_ref().ok_or_else(|| Error::Failed("no connection".into()))
	}

	/// The signing key from `--key`, `DIEM_KEY` or `--key-file`.
	pub(crate) fn key(&self) -> Result<Key, Error> {
		let scheme = self.key_args.scheme;
		if let Some(secret) = &self.key_args.key {
			return Key::from_secret(secret, scheme, "--key/DIEM_KEY");
		}
		if let Some(path) = &self.key_args.key_file {
			let text = std::fs::read_to_string(path).map_err(|e| {
				Error::Input(format!("cannot read key file {}: {e}", path.display()))
			})?;
			let secret = text.lines().next().unwrap_or_default();
			return Key::from_secret(secret, scheme, &format!("key file {}", path.display()));
		}
		Err(Error::Input("this command signs: give --key, --key-file or DIEM_KEY".into()))
	}

	/// `given`, or the key's account.
	pub(crate) fn account(&self, given: Option<&str>) -> Result<AccountId, Error> {
		match given {
			Some(text) => parse_account(text),
			None => Ok(self.key()?.account_id()),
		}
	}

	/// Signs and submits `call` with the key, waiting as `--wait` says and paying the fee in
	/// `--fee-asset`.
	pub(crate) async fn submit<Call: subxt::tx::Payload>(
		&mut self,
		call: &Call,
	) -> Result<Receipt, Error> {
		let key = self.key()?;
		let (wait, fee_asset) = (self.wait, self.fee_asset);
		self.chain().await?.submit_paying_in(call, &key, wait, fee_asset).await
	}
}

/// The generated account type for `account`.
pub(crate) fn chain_account(account: &AccountId) -> ChainAccount {
	let bytes: [u8; 32] = account.clone().into();
	subxt::utils::AccountId32(bytes)
}

/// A base-unit amount for JSON: a string, exact for any u128.
pub(crate) fn units_json(base_units: u128) -> Json {
	Json::String(base_units.to_string())
}

/// The output of a transaction: what it did, where, and its events.
pub(crate) fn receipt_output(action: &str, receipt: &Receipt, extra: Json) -> Output {
	let state = if receipt.finalized { "finalized" } else { "in block" };
	let mut text =
		format!("{action}: {state} #{} {:?}\n", receipt.block_number, receipt.block_hash);
	for event in &receipt.events {
		text.push_str(&format!("  {}\n", event_line(event)));
	}
	let mut json = json!({ "action": action, "receipt": receipt.to_json() });
	if let (Json::Object(object), Json::Object(extra)) = (&mut json, extra) {
		object.extend(extra);
	}
	Output { text, json }
}

async fn info(ctx: &mut Ctx) -> Result<Output, Error> {
	let chain = ctx.chain().await?;
	let at = chain.at_best().await?;
	let (spec_version, best) = (at.spec_version(), at.block_number());
	let genesis = chain.genesis_hash();
	let epoch = chain.call(runtime::runtime_apis().inference_credits_api().epoch()).await?;
	let curve = chain.call(runtime::runtime_apis().diem_api().curve_status()).await?;
	let max_reward_per_credit = at
		.constants()
		.entry(runtime::constants().inference_credits().max_reward_per_credit())
		.map_err(|e| Error::Failed(format!("MaxRewardPerCredit: {e}")))?;
	let mut text = format!(
		"node       {}\nruntime    spec_version {spec_version}\ngenesis    {genesis:?}\nbest block #{best}\n",
		chain.url()
	);
	let epoch_json = match &epoch {
		Some(clock) => {
			text.push_str(&format!(
				"epoch      {} (started {} ms, length {} ms, next at {} ms)\n",
				clock.current.index, clock.current.start, clock.current.length, clock.next_start
			));
			json!({
				"index": clock.current.index,
				"start_ms": clock.current.start,
				"length_ms": clock.current.length,
				"next_start_ms": clock.next_start,
			})
		}
		None => {
			text.push_str("epoch      none yet\n");
			Json::Null
		}
	};
	text.push_str(&format!(
		"DIEM       supply {} DIEM, minting {}{}, marginal rate {} HASH per DIEM\n",
		format_amount(curve.supply),
		if curve.minting_open { "open" } else { "closed" },
		if curve.minting_paused { " (paused)" } else { "" },
		curve.marginal_rate.map(format_amount).unwrap_or_else(|| "-".into()),
	));
	text.push_str(&format!(
		"operators  earn at most {} HASH per credit redeemed\n",
		format_amount(max_reward_per_credit)
	));
	Ok(Output {
		text,
		json: json!({
			"url": chain.url(),
			"spec_version": spec_version,
			"genesis": format!("{genesis:?}"),
			"best_block": best,
			"epoch": epoch_json,
			"diem_supply": units_json(curve.supply),
			"minting_open": curve.minting_open,
			"minting_paused": curve.minting_paused,
			"marginal_rate": curve.marginal_rate.map(units_json),
			"max_reward_per_credit": units_json(max_reward_per_credit),
		}),
	})
}

async fn admin(ctx: &mut Ctx, command: AdminCommand) -> Result<Output, Error> {
	let (action, inner, encode, extra) = match command {
		AdminCommand::ApproveOperator { operator, capacity, encode } => {
			let operator = parse_account(&operator)?;
			let capacity = amount(&capacity)?;
			let inner = runtime::Call::InferenceCredits(
				runtime::inference_credits::Call::approve_operator {
					operator: chain_account(&operator),
					capacity_per_epoch: capacity,
				},
			);
			let extra = json!({ "operator": ss58(&operator), "capacity": units_json(capacity) });
			("approve operator", inner, encode.encode, extra)
		}
		AdminCommand::AddValidator { account, encode } => {
			let who = parse_account(&account)?;
			let inner = runtime::Call::ValidatorSet(runtime::validator_set::Call::add_validator {
				who: chain_account(&who),
			});
			("add validator", inner, encode.encode, json!({ "validator": ss58(&who) }))
		}
		AdminCommand::RemoveValidator { account, encode } => {
			let who = parse_account(&account)?;
			let inner =
				runtime::Call::ValidatorSet(runtime::validator_set::Call::remove_validator {
					who: chain_account(&who),
				});
			("remove validator", inner, encode.encode, json!({ "validator": ss58(&who) }))
		}
	};
	if encode {
		let hex = crate::keys::encode_hex(&crate::chain::encode_call(&inner)?);
		return Ok(Output { text: format!("{hex}\n"), json: json!({ "call": hex }) });
	}
	let receipt = ctx.submit(&runtime::tx().sudo().sudo(inner)).await?;
	sudo_outcome(ctx, &receipt).await?;
	Ok(receipt_output(action, &receipt, extra))
}

/// `Sudo.Sudid` carries the inner call's result: a failed inner call is a failed command.
async fn sudo_outcome(ctx: &mut Ctx, receipt: &Receipt) -> Result<(), Error> {
	let Some(sudid) = receipt.events_named("Sudo", "Sudid").next() else {
		return Err(Error::Failed("no Sudo.Sudid event: the key is not the sudo key?".into()));
	};
	let result = sudid.fields.get("sudo_result").cloned();
	dispatch_outcome(ctx, result.as_ref(), "the sudo call").await
}

/// A `DispatchResult` carried in an event field (`Sudo.Sudid`, `TechnicalCommittee.Executed`,
/// `Scheduler.Dispatched`): `Ok`, or the module error by name and docs.
pub(crate) async fn dispatch_outcome(
	ctx: &mut Ctx,
	result: Option<&Json>,
	what: &str,
) -> Result<(), Error> {
	match result.and_then(|r| r.get("Err")) {
		None => Ok(()),
		Some(error) => {
			let module = error.get("Module");
			let index = module.and_then(|m| m.get("index")).and_then(Json::as_u64);
			// Short byte arrays print as arrays of numbers (see `chain::composite_json`).
			let bytes = module
				.and_then(|m| m.get("error"))
				.and_then(Json::as_array)
				.and_then(|values| {
					values.iter().map(|v| v.as_u64().and_then(|b| u8::try_from(b).ok())).collect()
				})
				.and_then(|bytes: Vec<u8>| <[u8; 4]>::try_from(bytes).ok());
			match (index.and_then(|i| u8::try_from(i).ok()), bytes) {
				(Some(index), Some(bytes)) => {
					Err(ctx.chain().await?.module_error(index, bytes).await)
				}
				_ => Err(Error::Failed(format!("{what} failed: {error}"))),
			}
		}
	}
}
