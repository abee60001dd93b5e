//! The hash-power market: operators' offers (`market offers`, `operator offer set|remove`) and
//! credit leases (`market leases`, `market lease list|take|cancel`).

use super::{amount, chain_account, receipt_output, units_json, Ctx};
use crate::{
	chain::runtime,
	cli::{LeaseCommand, MarketCommand, OfferCommand, PayInArg, PriceUnitArg},
	keys::ss58,
	units::format_amount,
	Error, Output,
};
use comfy_table::Table;
use runtime::runtime_types::{
	bounded_collections::bounded_vec::BoundedVec,
	diem_primitives::market::{OperatorRecord, OperatorStanding},
	pallet_market::types::{Lease, Listing, OfferTerms, PayIn, PriceUnit},
};
use serde_json::{json, Value as Json};
use subxt::utils::AccountId32;

pub(super) async fn run(ctx: &mut Ctx, command: MarketCommand) -> Result<Output, Error> {
	match command {
		MarketCommand::Offers { model } => offers(ctx, model).await,
		MarketCommand::Leases { account: Some(account), .. } => account_leases(ctx, &account).await,
		MarketCommand::Leases { account: None, first, last } => book(ctx, first, last).await,
		MarketCommand::Lease(command) => lease(ctx, command).await,
	}
}

pub(super) async fn offer(ctx: &mut Ctx, command: OfferCommand) -> Result<Output, Error> {
	let market = runtime::tx().market();
	match command {
		OfferCommand::Set { model, unit, price, max_context, endpoint } => {
			let terms = OfferTerms {
				model: BoundedVec(model.clone().into_bytes()),
				unit: price_unit(unit),
				price: amount(&price)?,
				max_context,
				endpoint: BoundedVec(endpoint.into_bytes()),
			};
			let receipt = ctx.submit(&market.set_offer(terms)).await?;
			Ok(receipt_output(&format!("set offer {model}"), &receipt, json!({})))
		}
		OfferCommand::Remove { model, unit } => {
			let call =
				market.remove_offer(BoundedVec(model.clone().into_bytes()), price_unit(unit));
			let receipt = ctx.submit(&call).await?;
			Ok(receipt_output(&format!("remove offer {model}"), &receipt, json!({})))
		}
	}
}

async fn lease(ctx: &mut Ctx, command: LeaseCommand) -> Result<Output, Error> {
	let market = runtime::tx().market();
	match command {
		LeaseCommand::List { credits, first, epochs, price, pay_in } => {
			if epochs == 0 {
				return Err(Error::Input("--epochs must be at least 1".into()));
			}
			let first = match first {
				Some(first) => first,
				None => current_epoch(ctx).await?,
			};
			let last = first.saturating_add(epochs - 1);
			let call = market.list_lease(
				amount(&credits)?,
				first,
				last,
				amount(&price)?,
				match pay_in {
					PayInArg::Hash => PayIn::Hash,
					PayInArg::Diem => PayIn::Diem,
				},
			);
			let receipt = ctx.submit(&call).await?;
			let id = receipt.events_named("Market", "LeaseListed").find_map(|e| e.number("id"));
			let mut output = receipt_output(
				&format!("list credits for epochs {first}..={last}"),
				&receipt,
				json!({ "listing": id }),
			);
			if let Some(id) = id {
				output.text.push_str(&format!("listing {id}\n"));
			}
			Ok(output)
		}
		LeaseCommand::Take { listing, credits, beneficiary, max_price } => {
			let open = open_listing(ctx, listing).await?;
			let credits = match credits {
				Some(text) => amount(&text)?,
				None => open.credits_per_epoch,
			};
			let max_price = match max_price {
				Some(text) => amount(&text)?,
				None => open.price_per_credit,
			};
			let beneficiary = ctx.account(beneficiary.as_deref())?;
			let call = market.take_lease(listing, credits, chain_account(&beneficiary), max_price);
			let receipt = ctx.submit(&call).await?;
			let taken = receipt.events_named("Market", "LeaseTaken").next();
			let paid = taken.and_then(|e| e.number("paid"));
			let id = taken.and_then(|e| e.number("id"));
			let mut output = receipt_output(
				&format!("take listing {listing}"),
				&receipt,
				json!({ "lease": id, "paid": paid.map(units_json) }),
			);
			if let (Some(id), Some(paid)) = (id, paid) {
				output.text.push_str(&format!(
					"lease {id}: {} credits a epoch for {}, paid {} {}\n",
					format_amount(credits),
					ss58(&beneficiary),
					format_amount(paid),
					pay_in_name(&open.pay_in)
				));
			}
			Ok(output)
		}
		LeaseCommand::Cancel { listing } => {
			let receipt = ctx.submit(&market.cancel_lease(listing)).await?;
			Ok(receipt_output(&format!("cancel listing {listing}"), &receipt, json!({})))
		}
	}
}

fn price_unit(unit: PriceUnitArg) -> PriceUnit {
	match unit {
		PriceUnitArg::InputTokens => PriceUnit::MillionInputTokens,
		PriceUnitArg::OutputTokens => PriceUnit::MillionOutputTokens,
		PriceUnitArg::Request => PriceUnit::Request,
		PriceUnitArg::Second => PriceUnit::Second,
	}
}

fn unit_name(unit: &PriceUnit) -> &'static str {
	match unit {
		PriceUnit::MillionInputTokens => "per 1M input tokens",
		PriceUnit::MillionOutputTokens => "per 1M output tokens",
		PriceUnit::Request => "per request",
		PriceUnit::Second => "per second",
	}
}

fn pay_in_name(pay_in: &PayIn) -> &'static str {
	match pay_in {
		PayIn::Hash => "HASH",
		PayIn::Diem => "DIEM",
	}
}

fn standing_name(standing: &OperatorStanding) -> &'static str {
	match standing {
		OperatorStanding::Pending => "pending",
		OperatorStanding::Approved => "approved",
		OperatorStanding::Leaving => "leaving",
	}
}

fn account_text(account: &AccountId32) -> String {
	ss58(&account.0.into())
}

async fn current_epoch(ctx: &mut Ctx) -> Result<u32, Error> {
	let chain = ctx.chain().await?;
	chain
		.call(runtime::runtime_apis().inference_credits_api().epoch())
		.await?
		.map(|clock| clock.current.index)
		.ok_or_else(|| Error::Failed("the chain has no epoch yet".into()))
}

async fn open_listing(ctx: &mut Ctx, id: u64) -> Result<Listing<AccountId32>, Error> {
	let at = ctx.chain().await?.at_best().await?;
	at.storage()
		.try_fetch(runtime::storage().market().listings(), (id,))
		.await
		.map_err(|e| Error::Failed(format!("Market.Listings: {e}")))?
		.map(|value| value.decode())
		.transpose()
		.map_err(|e| Error::Failed(format!("Market.Listings: {e}")))?
		.ok_or_else(|| Error::Input(format!("no open listing {id} (see `market leases`)")))
}

fn record_json(record: &OperatorRecord) -> Json {
	json!({
		"standing": standing_name(&record.standing),
		"capacity_per_epoch": units_json(record.capacity_per_epoch),
		"capacity_left": units_json(record.capacity_left),
		"redeemed": units_json(record.redeemed),
		"voided_epochs": record.voided_epochs,
		"slashed_epochs": record.slashed_epochs,
		"window_epochs": record.window,
	})
}

async fn offers(ctx: &mut Ctx, model: Option<String>) -> Result<Output, Error> {
	let chain = ctx.chain().await?;
	let offers = chain
		.call(runtime::runtime_apis().market_api().offers(model.clone().map(String::into_bytes)))
		.await?;
	let mut table = Table::new();
	table.set_header([
		"model",
		"price (credits)",
		"unit",
		"context",
		"operator",
		"capacity left",
		"redeemed",
		"voided/slashed",
		"endpoint",
	]);
	let mut rows = Vec::new();
	for offer in &offers {
		let model = String::from_utf8_lossy(&offer.model).to_string();
		let endpoint = String::from_utf8_lossy(&offer.endpoint).to_string();
		let record = &offer.record;
		table.add_row([
			model.clone(),
			format_amount(offer.price),
			unit_name(&offer.unit).to_string(),
			offer.max_context.to_string(),
			account_text(&offer.operator),
			format_amount(record.capacity_left),
			format_amount(record.redeemed),
			format!(
				"{}/{} of {} epochs",
				record.voided_epochs, record.slashed_epochs, record.window
			),
			endpoint.clone(),
		]);
		rows.push(json!({
			"operator": account_text(&offer.operator),
			"model": model,
			"unit": unit_name(&offer.unit),
			"price": units_json(offer.price),
			"max_context": offer.max_context,
			"endpoint": endpoint,
			"record": record_json(record),
		}));
	}
	let text = if offers.is_empty() {
		match &model {
			Some(model) => format!("no offers for {model}\n"),
			None => "no offers\n".to_string(),
		}
	} else {
		format!("{table}\n")
	};
	Ok(Output { text, json: json!({ "offers": rows }) })
}

fn listing_json(id: u64, listing: &Listing<AccountId32>) -> Json {
	json!({
		"id": id,
		"lister": account_text(&listing.lister),
		"credits_per_epoch": units_json(listing.credits_per_epoch),
		"first": listing.first,
		"last": listing.last,
		"price_per_credit": units_json(listing.price_per_credit),
		"pay_in": pay_in_name(&listing.pay_in),
	})
}

fn lease_json(id: u64, lease: &Lease<AccountId32>) -> Json {
	json!({
		"id": id,
		"listing": lease.listing,
		"lister": account_text(&lease.lister),
		"beneficiary": account_text(&lease.beneficiary),
		"credits_per_epoch": units_json(lease.credits_per_epoch),
		"first": lease.first,
		"last": lease.last,
		"price_per_credit": units_json(lease.price_per_credit),
		"pay_in": pay_in_name(&lease.pay_in),
		"paid": units_json(lease.paid),
	})
}

async fn book(ctx: &mut Ctx, first: Option<u32>, last: Option<u32>) -> Result<Output, Error> {
	let chain = ctx.chain().await?;
	let book = chain.call(runtime::runtime_apis().market_api().lease_book(first, last)).await?;
	let mut table = Table::new();
	table.set_header([
		"listing",
		"credits/epoch",
		"epochs",
		"price per credit",
		"all now",
		"lister",
	]);
	let mut rows = Vec::new();
	for view in &book {
		let listing = &view.listing;
		let pay_in = pay_in_name(&listing.pay_in);
		table.add_row([
			view.id.to_string(),
			format_amount(listing.credits_per_epoch),
			format!("{}..={}", listing.first, listing.last),
			format!("{} {pay_in}", format_amount(listing.price_per_credit)),
			format!("{} {pay_in}", format_amount(view.price_now)),
			account_text(&listing.lister),
		]);
		let mut row = listing_json(view.id, listing);
		if let Json::Object(object) = &mut row {
			object.insert("price_now".into(), units_json(view.price_now));
		}
		rows.push(row);
	}
	let text =
		if book.is_empty() { "no open listings\n".to_string() } else { format!("{table}\n") };
	Ok(Output { text, json: json!({ "listings": rows }) })
}

async fn account_leases(ctx: &mut Ctx, account: &str) -> Result<Output, Error> {
	let who = ctx.account(Some(account))?;
	let chain = ctx.chain().await?;
	let view = chain
		.call(runtime::runtime_apis().market_api().account_leases(chain_account(&who)))
		.await?;
	let mut text = format!("account {}\n", ss58(&who));
	let mut table = Table::new();
	table.set_header(["kind", "id", "credits/epoch", "epochs", "price per credit", "other side"]);
	for (id, listing) in &view.listings {
		table.add_row([
			"listed".to_string(),
			id.to_string(),
			format_amount(listing.credits_per_epoch),
			format!("{}..={}", listing.first, listing.last),
			format!("{} {}", format_amount(listing.price_per_credit), pay_in_name(&listing.pay_in)),
			"-".to_string(),
		]);
	}
	for (kind, leases, other) in [("lent", &view.lent, true), ("borrowed", &view.borrowed, false)] {
		for (id, lease) in leases {
			table.add_row([
				kind.to_string(),
				id.to_string(),
				format_amount(lease.credits_per_epoch),
				format!("{}..={}", lease.first, lease.last),
				format!("{} {}", format_amount(lease.price_per_credit), pay_in_name(&lease.pay_in)),
				account_text(if other { &lease.beneficiary } else { &lease.lister }),
			]);
		}
	}
	if view.listings.is_empty() && view.lent.is_empty() && view.borrowed.is_empty() {
		text.push_str("no listings or leases\n");
	} else {
		text.push_str(&format!("{table}\n"));
	}
	let mut epochs = Table::new();
	epochs.set_header(["epoch", "listed", "lent", "borrowed"]);
	for (epoch, leases) in &view.epochs {
		epochs.add_row([
			epoch.to_string(),
			format_amount(leases.listed),
			format_amount(leases.lent),
			format_amount(leases.borrowed),
		]);
	}
	if !view.epochs.is_empty() {
		text.push_str(&format!("{epochs}\n"));
	}
	Ok(Output {
		text,
		json: json!({
			"account": ss58(&who),
			"listings": view.listings.iter().map(|(id, l)| listing_json(*id, l)).collect::<Vec<_>>(),
			"lent": view.lent.iter().map(|(id, l)| lease_json(*id, l)).collect::<Vec<_>>(),
			"borrowed": view.borrowed.iter().map(|(id, l)| lease_json(*id, l)).collect::<Vec<_>>(),
			"epochs": view.epochs.iter().map(|(epoch, l)| json!({
				"epoch": epoch,
				"listed": units_json(l.listed),
				"lent": units_json(l.lent),
				"borrowed": units_json(l.borrowed),
			})).collect::<Vec<_>>(),
		}),
	})
}
