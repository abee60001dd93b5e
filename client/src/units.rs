//! Amounts as people write them: decimal HASH or DIEM ("12.5"), converted exactly to base
//! units (12 decimals) and back. No floating point.

use crate::Error;

/// Decimals of HASH and DIEM alike.
pub const DECIMALS: u32 = 12;
const UNIT: u128 = 10u128.pow(DECIMALS);

/// Parses a decimal amount ("1", "0.25", "1_000.5") into base units. Refuses signs, more than
/// 12 decimals, empty input and amounts that overflow.
pub fn parse_amount(text: &str) -> Result<u128, Error> {
	let bad = |why: &str| Error::Input(format!("invalid amount {text:?}: {why}"));
	let cleaned: String = text.trim().chars().filter(|c| *c != '_').collect();
	let (whole, fraction) = match cleaned.split_once('.') {
		Some((whole, fraction)) => (whole, fraction),
		None => (cleaned.as_str(), ""),
	};
	if whole.is_empty() && fraction.is_empty() {
		return Err(bad("no digits"));
	}
	if !whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit()) {
		return Err(bad("only digits and one decimal point are allowed"));
	}
	if fraction.len() > DECIMALS as usize {
		return Err(bad("at most 12 decimals"));
	}
	let whole: u128 =
		if whole.is_empty() { 0 } else { whole.parse().map_err(|_| bad("too large"))? };
	let padded = format!("{fraction:0<width$}", width = DECIMALS as usize);
	let fraction: u128 = padded.parse().map_err(|_| bad("bad decimals"))?;
	whole
		.checked_mul(UNIT)
		.and_then(|base| base.checked_add(fraction))
		.ok_or_else(|| bad("too large"))
}

/// Formats base units as a decimal amount without trailing zeros ("1.5", "0.000001", "3").
pub fn format_amount(base_units: u128) -> String {
	let whole = base_units / UNIT;
	let fraction = base_units % UNIT;
	if fraction == 0 {
		return whole.to_string();
	}
	let digits = format!("{fraction:0width$}", width = DECIMALS as usize);
	format!("{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn parses_decimal_amounts_exactly() {
		assert_eq!(parse_amount("1").ok(), Some(UNIT));
		assert_eq!(parse_amount("0.5").ok(), Some(UNIT / 2));
		assert_eq!(parse_amount(".000000000001").ok(), Some(1));
		assert_eq!(parse_amount("1_000.25").ok(), Some(1_000 * UNIT + UNIT / 4));
		assert_eq!(parse_amount("7.").ok(), Some(7 * UNIT));
	}

	#[test]
	fn refuses_what_is_not_an_amount() {
		for text in ["", ".", "-1", "+1", "1e3", "1.2.3", "0.0000000000001", "abc", "1 000"] {
			assert!(matches!(parse_amount(text), Err(Error::Input(_))), "{text:?} was accepted");
		}
		// u128::MAX base units is about 3.4e26 whole units.
		assert!(parse_amount("340282366920938463463374607431768211455").is_err());
	}

	#[test]
	fn formats_without_trailing_zeros_and_round_trips() {
		assert_eq!(format_amount(0), "0");
		assert_eq!(format_amount(UNIT), "1");
		assert_eq!(format_amount(UNIT + UNIT / 10), "1.1");
		assert_eq!(format_amount(1), "0.000000000001");
		for base in [0, 1, 999, UNIT - 1, 123 * UNIT + 456, u128::MAX] {
			assert_eq!(parse_amount(&format_amount(base)).ok(), Some(base));
		}
	}
}
