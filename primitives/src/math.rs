//! Small integer helpers the pallets share: multiply-then-divide, checked running totals and the
//! length a weight function is charged for.

use crate::Balance;
use polkadot_sdk::sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding, ArithmeticError, Rounding,
};

/// `a · b / c` rounded down, computed without intermediate overflow; `None` if `c` is zero or
/// the result does not fit a [`Balance`].
///
/// ```
/// use diem_primitives::math::mul_div;
/// assert_eq!(mul_div(10, 7, 3), Some(23));
/// assert_eq!(mul_div(u128::MAX, 2, 4), Some(u128::MAX / 2));
/// assert_eq!(mul_div(1, 1, 0), None);
/// ```
pub fn mul_div(a: Balance, b: Balance, c: Balance) -> Option<Balance> {
	multiply_by_rational_with_rounding(a, b, c, Rounding::Down)
}

/// `*total += amount` for a running total, refusing overflow (the total is left unchanged).
pub fn add_to(total: &mut Balance, amount: Balance) -> Result<(), ArithmeticError> {
	*total = total.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
	Ok(())
}

/// `*total -= amount` for a running total, refusing underflow (the total is left unchanged).
pub fn sub_from(total: &mut Balance, amount: Balance) -> Result<(), ArithmeticError> {
	*total = total.checked_sub(amount).ok_or(ArithmeticError::Underflow)?;
	Ok(())
}

/// The length a weight function is charged for: a call refuses input longer than `max` with a
/// typed error before any per-item work, so over-long input costs as the longest allowed.
///
/// ```
/// assert_eq!(diem_primitives::math::bounded_len(5, 3), 3);
/// assert_eq!(diem_primitives::math::bounded_len(2, 3), 2);
/// ```
pub fn bounded_len(len: usize, max: u32) -> u32 {
	u32::try_from(len).unwrap_or(u32::MAX).min(max)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn totals_refuse_overflow_and_underflow_and_keep_their_value() {
		let mut total: Balance = 5;
		assert_eq!(add_to(&mut total, Balance::MAX), Err(ArithmeticError::Overflow));
		assert_eq!(sub_from(&mut total, 6), Err(ArithmeticError::Underflow));
		assert_eq!(total, 5);
		assert_eq!(add_to(&mut total, 2).and_then(|()| sub_from(&mut total, 7)), Ok(()));
		assert_eq!(total, 0);
	}
}
