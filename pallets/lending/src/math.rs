//! Fixed-point arithmetic with the rounding direction named at every use: every conversion
//! between HASH, shares, scaled debt and DIEM rounds the way that favours the market (what a
//! lender is credited and a borrower receives rounds down, what they owe or give up rounds up).
//! Overflow is `None`, never a wrap or a panic.

use crate::{types::RateModel, Blocks};
use diem_primitives::Balance;
use polkadot_sdk::sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding, traits::Saturating, FixedPointNumber,
	FixedU128, PerThing, Permill, Rounding,
};

/// `amount × ratio`.
pub fn mul(amount: Balance, ratio: FixedU128, rounding: Rounding) -> Option<Balance> {
	multiply_by_rational_with_rounding(amount, ratio.into_inner(), FixedU128::DIV, rounding)
}

/// `amount ÷ ratio`; `None` for a zero ratio.
pub fn div(amount: Balance, ratio: FixedU128, rounding: Rounding) -> Option<Balance> {
	if ratio.into_inner() == 0 {
		return None;
	}
	multiply_by_rational_with_rounding(amount, FixedU128::DIV, ratio.into_inner(), rounding)
}

/// `amount × share`.
pub fn mul_permill(amount: Balance, share: Permill, rounding: Rounding) -> Option<Balance> {
	multiply_by_rational_with_rounding(
		amount,
		u128::from(share.deconstruct()),
		u128::from(Permill::ACCURACY),
		rounding,
	)
}

/// `numerator ÷ denominator` as a ratio; `None` for a zero denominator.
pub fn ratio(numerator: Balance, denominator: Balance, rounding: Rounding) -> Option<FixedU128> {
	if denominator == 0 {
		return None;
	}
	multiply_by_rational_with_rounding(numerator, FixedU128::DIV, denominator, rounding)
		.map(FixedU128::from_inner)
}

/// `a × b` of two ratios.
pub fn mul_ratio(a: FixedU128, b: FixedU128, rounding: Rounding) -> Option<FixedU128> {
	multiply_by_rational_with_rounding(a.into_inner(), b.into_inner(), FixedU128::DIV, rounding)
		.map(FixedU128::from_inner)
}

/// `ratio × share`.
pub fn ratio_permill(ratio: FixedU128, share: Permill) -> FixedU128 {
	FixedU128::from_inner(share.mul_floor(ratio.into_inner()))
}

/// Utilisation: `borrowed ÷ (liquidity + borrowed − reserve)`, at most 100%.
pub fn utilisation(borrowed: Balance, liquidity: Balance, reserve: Balance) -> Permill {
	let funds = liquidity.saturating_add(borrowed).saturating_sub(reserve);
	if borrowed == 0 || funds == 0 {
		return Permill::zero();
	}
	Permill::from_rational(borrowed.min(funds), funds)
}

/// The annual borrow rate of `model` at utilisation `u`.
pub fn borrow_rate(model: &RateModel, u: Permill) -> FixedU128 {
	let kink = model.kink.deconstruct();
	let u = u.deconstruct();
	let low_part = Permill::from_rational(u.min(kink), kink.max(1));
	let high_span = Permill::ACCURACY.saturating_sub(kink).max(1);
	let high_part = Permill::from_rational(u.saturating_sub(kink), high_span);
	model
		.base
		.saturating_add(ratio_permill(model.slope_low, low_part))
		.saturating_add(ratio_permill(model.slope_high, high_part))
}

/// The annual rate lenders earn: `borrow_rate × u × (1 − reserve_factor)`.
pub fn supply_rate(borrow_rate: FixedU128, u: Permill, reserve_factor: Permill) -> FixedU128 {
	ratio_permill(ratio_permill(borrow_rate, u), Permill::one().saturating_sub(reserve_factor))
}

/// The borrow index after `blocks` blocks at `annual_rate`: simple interest over the period,
/// compounded at every touch (`index × (1 + rate × blocks ÷ blocks_per_year)`, rounded up so
/// the index never falls behind the interest).
pub fn grown_index(
	index: FixedU128,
	annual_rate: FixedU128,
	blocks: Blocks,
	blocks_per_year: Blocks,
) -> Option<FixedU128> {
	let growth = multiply_by_rational_with_rounding(
		annual_rate.into_inner(),
		u128::from(blocks),
		u128::from(blocks_per_year.max(1)),
		Rounding::Up,
	)?;
	let factor = FixedU128::from_inner(FixedU128::DIV.checked_add(growth)?);
	mul_ratio(index, factor, Rounding::Up)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn model() -> RateModel {
		RateModel {
			base: FixedU128::from_rational(2, 100),
			slope_low: FixedU128::from_rational(10, 100),
			slope_high: FixedU128::from_rational(300, 100),
			kink: Permill::from_percent(80),
		}
	}

	#[test]
	fn the_rate_jumps_at_the_kink() {
		let m = model();
		assert_eq!(borrow_rate(&m, Permill::zero()), FixedU128::from_rational(2, 100));
		assert_eq!(borrow_rate(&m, Permill::from_percent(40)), FixedU128::from_rational(7, 100));
		assert_eq!(borrow_rate(&m, Permill::from_percent(80)), FixedU128::from_rational(12, 100));
		assert_eq!(borrow_rate(&m, Permill::from_percent(90)), FixedU128::from_rational(162, 100));
		assert_eq!(borrow_rate(&m, Permill::one()), FixedU128::from_rational(312, 100));
	}

	#[test]
	fn conversions_round_the_way_they_are_told() {
		let third = FixedU128::from_rational(1, 3);
		assert_eq!(mul(10, third, Rounding::Down), Some(3));
		assert_eq!(mul(10, third, Rounding::Up), Some(4));
		assert_eq!(div(10, FixedU128::from(3), Rounding::Down), Some(3));
		assert_eq!(div(10, FixedU128::from(3), Rounding::Up), Some(4));
		assert_eq!(div(10, FixedU128::from_u32(0), Rounding::Up), None);
		assert_eq!(mul(u128::MAX, FixedU128::from(2), Rounding::Down), None);
		assert_eq!(mul_permill(7, Permill::from_percent(50), Rounding::Up), Some(4));
		assert_eq!(ratio(1, 0, Rounding::Down), None);
	}

	#[test]
	fn a_year_at_ten_percent_grows_the_index_by_ten_percent() {
		let index = grown_index(FixedU128::from_u32(1), FixedU128::from_rational(1, 10), 100, 100);
		assert_eq!(index, Some(FixedU128::from_rational(11, 10)));
		let unchanged = grown_index(FixedU128::from(2), FixedU128::from_u32(0), 50, 100);
		assert_eq!(unchanged, Some(FixedU128::from(2)));
	}

	#[test]
	fn utilisation_is_borrowed_over_the_lenders_funds() {
		assert_eq!(utilisation(0, 100, 0), Permill::zero());
		assert_eq!(utilisation(50, 50, 0), Permill::from_percent(50));
		assert_eq!(utilisation(50, 60, 10), Permill::from_percent(50));
		assert_eq!(utilisation(50, 0, 100), Permill::zero());
	}
}
