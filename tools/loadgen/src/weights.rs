//! `diem-loadgen weights`: what this workspace's runtime charges for the transactions the loads
//! send, split into call, transaction extensions and base extrinsic, per unit of work. Computed
//! from the runtime crate itself (its generated weight files), no node needed.

use crate::{
	chain::Result,
	signing::{Account, TxSigner},
};
use codec::Decode;
use diem_primitives::{
	diem,
	voucher::{PayloadWrapping, Voucher},
};
use diem_runtime::{
	configs::{assets::AssetKind, RuntimeBlockWeights},
	RuntimeCall, UncheckedExtrinsic,
};
use polkadot_sdk::{
	frame_support::dispatch::{DispatchClass, GetDispatchInfo},
	pallet_balances,
};

struct Row {
	name: String,
	call_us: f64,
	extensions_us: f64,
	base_us: f64,
	units: f64,
}

impl Row {
	fn per_unit(&self) -> f64 {
		(self.call_us + self.extensions_us + self.base_us) / self.units
	}
}

pub fn report() -> Result<()> {
	let signer = TxSigner::offline();
	let mut sender = Account::from_uri("//Alice//load//0")?;
	let receiver = Account::from_uri("//Alice//load//1")?.id;
	let operator = Account::from_uri("//Alice//load//operator")?.id;
	let base_us = RuntimeBlockWeights::get().get(DispatchClass::Normal).base_extrinsic.ref_time()
		as f64 / 1e6;
	let mut weigh = |calls: Vec<RuntimeCall>, name: String, units: f64| -> Result<Row> {
		let mut row = Row { name, call_us: 0.0, extensions_us: 0.0, base_us: 0.0, units };
		for call in calls {
			let encoded = signer.sign(&mut sender, call);
			let extrinsic = UncheckedExtrinsic::decode(&mut &encoded[..])
				.map_err(|e| format!("a signed extrinsic does not decode: {e}"))?;
			let info = extrinsic.get_dispatch_info();
			row.call_us += info.call_weight.ref_time() as f64 / 1e6;
			row.extensions_us += info.extension_weight.ref_time() as f64 / 1e6;
			row.base_us += base_us;
		}
		Ok(row)
	};
	let amount = diem::UNIT / 1_000_000;
	let mut rows = vec![
		weigh(
			vec![RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: receiver.clone().into(),
				value: amount,
			})],
			"HASH transfer".into(),
			1.0,
		)?,
		weigh(vec![crate::fleet::diem_transfer(&receiver, amount)], "DIEM transfer".into(), 1.0)?,
		weigh(
			vec![RuntimeCall::DiemLedger(pallet_diem_ledger::Call::pay {
				asset: diem_runtime::configs::assets::AssetKind::WithId(diem::ASSET_ID),
				dest: receiver.clone(),
				amount,
				memo: b"invoice-000000-00000".to_vec(),
			})],
			"DIEM pay with memo".into(),
			1.0,
		)?,
		weigh(
			vec![
				RuntimeCall::Diem(pallet_diem::Call::mint {
					diem: diem::MILLI,
					max_cost: u128::MAX,
				}),
				RuntimeCall::Diem(pallet_diem::Call::burn { diem: diem::MILLI }),
			],
			"mint+burn pair".into(),
			1.0,
		)?,
		weigh(
			vec![RuntimeCall::AssetConversion(
				polkadot_sdk::pallet_asset_conversion::Call::swap_exact_tokens_for_tokens {
					path: vec![
						Box::new(AssetKind::Native),
						Box::new(AssetKind::WithId(diem::ASSET_ID)),
					],
					amount_in: amount,
					amount_out_min: 1,
					send_to: receiver.clone(),
					keep_alive: true,
				},
			)],
			"HASH/DIEM swap".into(),
			1.0,
		)?,
		weigh(
			vec![RuntimeCall::Lending(pallet_lending::Call::borrow { amount })],
			"lending borrow".into(),
			1.0,
		)?,
		weigh(
			vec![RuntimeCall::Lending(pallet_lending::Call::liquidate {
				borrower: receiver.clone(),
				max_repay: amount,
			})],
			"lending liquidate".into(),
			1.0,
		)?,
	];
	let payer = Account::from_uri("//Alice//load//2")?;
	for batch in [16u32, 64, 256] {
		let vouchers = (0..batch)
			.map(|i| {
				Voucher::sign(
					&payer.pair,
					None,
					Default::default(),
					1,
					&operator,
					u128::from(i) + 1,
					PayloadWrapping::Raw,
				)
			})
			.collect();
		rows.push(weigh(
			vec![RuntimeCall::InferenceCredits(pallet_inference_credits::Call::redeem {
				vouchers,
			})],
			format!("voucher (batch {batch})"),
			f64::from(batch),
		)?);
	}

	let hash = rows.first().map(Row::per_unit).unwrap_or(1.0);
	println!(
		"{:<22} {:>10} {:>12} {:>10} {:>12} {:>7}",
		"per unit (µs)", "call", "extensions", "base", "total", "×HASH"
	);
	for row in &rows {
		println!(
			"{:<22} {:>10.1} {:>12.1} {:>10.1} {:>12.1} {:>7.2}",
			row.name,
			row.call_us / row.units,
			row.extensions_us / row.units,
			row.base_us / row.units,
			row.per_unit(),
			row.per_unit() / hash
		);
	}
	println!(
		"Pre-dispatch weights of this workspace's runtime (refunds not applied); a mint+burn pair \
		 is one unit, a voucher is one unit of its batch."
	);
	Ok(())
}
