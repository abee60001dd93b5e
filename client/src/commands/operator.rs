//! Operator commands: registration, redeeming voucher files, rewards.

use super::{chain_account, receipt_output, units_json, Ctx};
use crate::{
	chain::{runtime, EventView},
	cli::OperatorCommand,
	keys::{decode_hex, parse_account, ss58},
	units::format_amount,
	Error, Output,
};
use codec::DecodeAll;
use comfy_table::Table;
use diem_primitives::voucher::Voucher;
use serde_json::{json, Value as Json};
use std::path::Path;
use subxt::utils::Static;

pub(super) async fn run(ctx: &mut Ctx, command: OperatorCommand) -> Result<Output, Error> {
	let credits = runtime::tx().inference_credits();
	match command {
		OperatorCommand::Register { redeem_key, metadata } => {
			let call = credits.register_operator(
				metadata.into_bytes(),
				chain_account(&parse_account(&redeem_key)?),
			);
			Ok(receipt_output("register operator", &ctx.submit(&call).await?, json!({})))
		}
		OperatorCommand::Unregister => Ok(receipt_output(
			"unregister operator",
			&ctx.submit(&credits.unregister_operator()).await?,
			json!({}),
		)),
		OperatorCommand::ReleaseBond => Ok(receipt_output(
			"release operator bond",
			&ctx.submit(&credits.release_bond()).await?,
			json!({}),
		)),
		OperatorCommand::Redeem { file, batch } => redeem(ctx, &file, batch).await,
		OperatorCommand::Claim { epoch } => claim(ctx, epoch).await,
		OperatorCommand::Status { operator } => status(ctx, operator.as_deref()).await,
		OperatorCommand::Offer(command) => super::market::offer(ctx, command).await,
	}
}

/// One voucher of a redeem file, with its line number.
struct FileVoucher {
	line: usize,
	voucher: Voucher,
}

/// Reads a redeem file: one voucher per line, as hex or as the JSON `sign-voucher --json`
/// prints; blank lines and `#` comments are skipped.
fn read_vouchers(path: &Path) -> Result<Vec<FileVoucher>, Error> {
	let text = std::fs::read_to_string(path)
		.map_err(|e| Error::Input(format!("cannot read {}: {e}", path.display())))?;
	let mut vouchers = Vec::new();
	for (index, line) in text.lines().enumerate() {
		let line_number = index + 1;
		let line = line.trim();
		if line.is_empty() || line.starts_with('#') {
			continue;
		}
		let bad = |why: &str| Error::Input(format!("{}:{line_number}: {why}", path.display()));
		let hex = if line.starts_with('{') {
			let value: Json =
				serde_json::from_str(line).map_err(|e| bad(&format!("bad JSON: {e}")))?;
			value
				.get("voucher")
				.and_then(Json::as_str)
				.map(str::to_string)
				.ok_or_else(|| bad("the JSON has no \"voucher\" field"))?
		} else {
			line.to_string()
		};
		let bytes = hex
			.strip_prefix("0x")
			.and_then(decode_hex)
			.ok_or_else(|| bad("not 0x-prefixed hex"))?;
		let voucher =
			Voucher::decode_all(&mut &bytes[..]).map_err(|_| bad("not a voucher (SCALE)"))?;
		vouchers.push(FileVoucher { line: line_number, voucher });
	}
	if vouchers.is_empty() {
		return Err(Error::Input(format!("{} holds no vouchers", path.display())));
	}
	Ok(vouchers)
}

/// Splits vouchers into batches of at most `size` in which no two share (payer, signer, epoch),
/// keeping the file's order for each: the chain reports refused and partly paid vouchers by
/// that triple, so each result belongs to exactly one voucher.
fn batches(vouchers: Vec<FileVoucher>, size: usize) -> Vec<Vec<FileVoucher>> {
	let mut pending = vouchers;
	let mut batches = Vec::new();
	while !pending.is_empty() {
		let (mut batch, mut rest) = (Vec::new(), Vec::new());
		for item in pending {
			let clash = batch.iter().any(|b: &FileVoucher| same_key(&b.voucher, &item.voucher));
			if batch.len() < size && !clash {
				batch.push(item);
			} else {
				rest.push(item);
			}
		}
		batches.push(batch);
		pending = rest;
	}
	batches
}

fn same_key(a: &Voucher, b: &Voucher) -> bool {
	a.payer == b.payer && a.signer == b.signer && a.epoch == b.epoch
}

/// What happened to one voucher, from the batch's events.
fn voucher_result(voucher: &Voucher, events: &[EventView]) -> (String, Json) {
	let (payer, signer) = (ss58(&voucher.payer), ss58(&voucher.signer));
	let matches = |event: &&EventView| {
		event.fields.get("payer").and_then(Json::as_str) == Some(payer.as_str())
			&& event.fields.get("signer").and_then(Json::as_str) == Some(signer.as_str())
			&& event.number("epoch") == Some(u128::from(voucher.epoch))
	};
	let named = |name: &'static str| {
		events.iter().filter(move |e| e.pallet == "InferenceCredits" && e.name == name)
	};
	if let Some(refused) = named("VoucherRefused").find(matches) {
		let reason = refused.fields.get("reason").cloned().unwrap_or(Json::Null);
		let text = format!("refused: {}", reason.as_str().unwrap_or("?"));
		return (text, json!({ "status": "refused", "reason": reason }));
	}
	if let Some(partly) = named("VoucherPartlyPaid").find(matches) {
		let (asked, paid) =
			(partly.number("asked").unwrap_or(0), partly.number("paid").unwrap_or(0));
		let limit = partly.fields.get("limit").cloned().unwrap_or(Json::Null);
		let text = format!(
			"partly paid: {} of {} ({})",
			format_amount(paid),
			format_amount(asked),
			limit.as_str().unwrap_or("?")
		);
		let json = json!({
			"status": "partly_paid",
			"asked": units_json(asked),
			"paid": units_json(paid),
			"limit": limit,
		});
		return (text, json);
	}
	("paid".into(), json!({ "status": "paid" }))
}

async fn redeem(ctx: &mut Ctx, path: &Path, batch_size: usize) -> Result<Output, Error> {
	let vouchers = read_vouchers(path)?;
	let key = ctx.key()?;
	let wait = ctx.wait;
	let chain = ctx.chain().await?;
	let at = chain.at_best().await?;
	let max = at
		.constants()
		.entry(runtime::constants().inference_credits().max_vouchers_per_batch())
		.map_err(|e| Error::Failed(format!("MaxVouchersPerBatch: {e}")))?;
	let max = usize::try_from(max).unwrap_or(usize::MAX);
	if batch_size == 0 || batch_size > max {
		return Err(Error::Input(format!("--batch must be between 1 and {max}")));
	}
	let total = vouchers.len();
	let progress = indicatif::ProgressBar::new(u64::try_from(total).unwrap_or(u64::MAX));
	progress.set_style(
		indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} vouchers {msg}")
			.unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
	);
	// (line, table row, JSON row): batches reorder vouchers, the report keeps the file's order.
	let mut results: Vec<(usize, [String; 6], Json)> = Vec::new();
	let (mut receipts, mut credits_paid) = (Vec::new(), 0u128);
	// Each transaction's block and events, printed above the per-voucher table.
	let mut transactions_text = String::new();
	for batch in batches(vouchers, batch_size) {
		let call = runtime::tx()
			.inference_credits()
			.redeem(batch.iter().map(|v| Static(v.voucher.clone())).collect());
		let receipt = match chain.submit(&call, &key, wait).await {
			Ok(receipt) => receipt,
			Err(error) => {
				progress.abandon_with_message("failed");
				return Err(error);
			}
		};
		credits_paid += receipt
			.events_named("InferenceCredits", "BatchRedeemed")
			.filter_map(|e| e.number("credits"))
			.sum::<u128>();
		for item in &batch {
			let (text, json) = voucher_result(&item.voucher, &receipt.events);
			let v = &item.voucher;
			let cells = [
				item.line.to_string(),
				ss58(&v.payer),
				ss58(&v.signer),
				v.epoch.to_string(),
				format_amount(v.cumulative),
				text,
			];
			let mut row = json!({
				"line": item.line,
				"payer": ss58(&v.payer),
				"signer": ss58(&v.signer),
				"epoch": v.epoch,
				"cumulative": units_json(v.cumulative),
			});
			if let (Json::Object(row), Json::Object(result)) = (&mut row, json) {
				row.extend(result);
			}
			results.push((item.line, cells, row));
		}
		progress.inc(u64::try_from(batch.len()).unwrap_or(u64::MAX));
		let count = batch.len();
		let action = format!("redeem {count} voucher{}", if count == 1 { "" } else { "s" });
		transactions_text.push_str(&receipt_output(&action, &receipt, json!({})).text);
		receipts.push(receipt.to_json());
	}
	progress.finish_and_clear();
	results.sort_by_key(|(line, _, _)| *line);
	let mut table = Table::new();
	table.set_header(["line", "payer", "signer", "epoch", "cumulative", "result"]);
	let mut rows = Vec::new();
	for (_, cells, row) in results {
		table.add_row(cells);
		rows.push(row);
	}
	Ok(Output {
		text: format!(
			"{transactions_text}{table}\nredeemed {total} vouchers in {} transactions: {} credits paid\n",
			receipts.len(),
			format_amount(credits_paid)
		),
		json: json!({
			"vouchers": rows,
			"credits_paid": units_json(credits_paid),
			"transactions": receipts,
		}),
	})
}

type OperatorState = runtime::runtime_types::pallet_inference_credits::types::OperatorState<
	subxt::utils::AccountId32,
>;

async fn operator_state(
	ctx: &mut Ctx,
	operator: &diem_primitives::AccountId,
) -> Result<OperatorState, Error> {
	let chain = ctx.chain().await?;
	chain
		.call(
			runtime::runtime_apis().inference_credits_api().operator_state(chain_account(operator)),
		)
		.await?
		.ok_or_else(|| Error::Failed(format!("{} is not an operator", ss58(operator))))
}

async fn claim(ctx: &mut Ctx, epoch: Option<u32>) -> Result<Output, Error> {
	let operator = ctx.key()?.account_id();
	let epochs: Vec<u32> = match epoch {
		Some(epoch) => vec![epoch],
		None => operator_state(ctx, &operator)
			.await?
			.epochs
			.iter()
			.filter(|e| e.claimable > 0)
			.map(|e| e.epoch)
			.collect(),
	};
	if epochs.is_empty() {
		return Err(Error::Failed(format!("{} has nothing claimable now", ss58(&operator))));
	}
	let (mut text, mut receipts, mut total) = (String::new(), Vec::new(), 0u128);
	for epoch in epochs {
		let call = runtime::tx().inference_credits().claim_operator_rewards(epoch);
		let receipt = ctx.submit(&call).await?;
		let reward: u128 = receipt
			.events_named("InferenceCredits", "RewardClaimed")
			.filter_map(|e| e.number("reward"))
			.sum();
		total += reward;
		let output = receipt_output(&format!("claim epoch {epoch}"), &receipt, json!({}));
		text.push_str(&output.text);
		receipts.push(json!({ "epoch": epoch, "reward": units_json(reward), "receipt": output.json.get("receipt").cloned() }));
	}
	text.push_str(&format!("claimed {} HASH\n", format_amount(total)));
	Ok(Output { text, json: json!({ "claimed": units_json(total), "claims": receipts }) })
}

async fn status(ctx: &mut Ctx, operator: Option<&str>) -> Result<Output, Error> {
	use runtime::runtime_types::pallet_inference_credits::types::OperatorStatus;
	let operator = ctx.account(operator)?;
	let state = operator_state(ctx, &operator).await?;
	let (status_text, status_json) = match &state.status {
		OperatorStatus::Pending => ("pending approval".to_string(), json!({ "status": "pending" })),
		OperatorStatus::Approved { capacity_per_epoch, since } => (
			format!(
				"approved: {} credits per epoch since epoch {since}",
				format_amount(*capacity_per_epoch)
			),
			json!({ "status": "approved", "capacity_per_epoch": units_json(*capacity_per_epoch), "since": since }),
		),
		OperatorStatus::Leaving { since } => {
			(format!("leaving since epoch {since}"), json!({ "status": "leaving", "since": since }))
		}
	};
	let mut table = Table::new();
	table.set_header(["epoch", "redeemed", "voided", "claimable HASH"]);
	for e in &state.epochs {
		table.add_row([
			e.epoch.to_string(),
			format_amount(e.redeemed),
			e.voided.to_string(),
			format_amount(e.claimable),
		]);
	}
	let epochs =
		if state.epochs.is_empty() { "no epochs on record".to_string() } else { table.to_string() };
	let text = format!(
		"operator    {}\nstatus      {status_text}\nbond        {} HASH\nredeem key  {}\nmetadata    {}\n{epochs}\n",
		ss58(&operator),
		format_amount(state.bond),
		ss58(&state.redeem_key.0.into()),
		String::from_utf8_lossy(&state.metadata),
	);
	Ok(Output {
		text,
		json: json!({
			"operator": ss58(&operator),
			"status": status_json,
			"bond": units_json(state.bond),
			"redeem_key": ss58(&state.redeem_key.0.into()),
			"metadata": String::from_utf8_lossy(&state.metadata),
			"epochs": state.epochs.iter().map(|e| json!({
				"epoch": e.epoch,
				"redeemed": units_json(e.redeemed),
				"voided": e.voided,
				"claimable": units_json(e.claimable),
			})).collect::<Vec<_>>(),
		}),
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use diem_primitives::voucher::PayloadWrapping;

	fn voucher(payer: u8, epoch: u32, cumulative: u128) -> FileVoucher {
		let key =
			crate::keys::Key::from_secret(&format!("//{payer}"), crate::keys::Scheme::Sr25519, "t");
		let key = key.unwrap_or_else(|_| unreachable!());
		let voucher = key.sign_voucher(
			None,
			Default::default(),
			epoch,
			&[1u8; 32].into(),
			cumulative,
			PayloadWrapping::Raw,
		);
		FileVoucher { line: usize::from(payer), voucher }
	}

	#[test]
	fn batches_never_repeat_a_payer_signer_epoch_and_keep_file_order() {
		let file = vec![
			voucher(1, 5, 10),
			voucher(1, 5, 20),
			voucher(2, 5, 10),
			voucher(1, 6, 10),
			voucher(1, 5, 30),
		];
		let batches = batches(file, 3);
		let shape: Vec<Vec<u128>> =
			batches.iter().map(|b| b.iter().map(|v| v.voucher.cumulative).collect()).collect();
		// (1,5) three times: one per batch, in order; the size bound splits the first batch.
		assert_eq!(shape, vec![vec![10, 10, 10], vec![20], vec![30]]);
		for batch in &batches {
			for (i, a) in batch.iter().enumerate() {
				assert!(batch.iter().skip(i + 1).all(|b| !same_key(&a.voucher, &b.voucher)));
			}
		}
	}

	#[test]
	fn redeem_files_take_hex_or_json_lines_and_name_bad_lines() {
		let dir = tempfile::tempdir().unwrap_or_else(|_| unreachable!());
		let hex = crate::keys::encode_hex(&codec::Encode::encode(&voucher(1, 5, 10).voucher));
		let path = dir.path().join("vouchers.txt");
		let body = format!("# a comment\n{hex}\n\n{{\"voucher\": \"{hex}\"}}\n");
		std::fs::write(&path, body).unwrap_or_else(|_| unreachable!());
		assert_eq!(read_vouchers(&path).map(|v| v.len()).ok(), Some(2));

		std::fs::write(&path, format!("{hex}\n0x1234\n")).unwrap_or_else(|_| unreachable!());
		match read_vouchers(&path) {
			Err(Error::Input(message)) => assert!(message.contains(":2:"), "{message}"),
			other => unreachable!("{:?}", other.map(|v| v.len())),
		}
	}
}
