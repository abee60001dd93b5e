//! Quotes (the runtime API) against what the calls do.

use super::*;

#[test]
fn quotes_match_what_the_calls_do_and_report_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Diem::mint_quote(Balance::MAX), Err(QuoteError::AboveMaxSupply));
		let q = Diem::stake_quote(Balance::MAX).unwrap();
		assert_eq!(q.diem, CurveParams::venice().max_supply);
		assert!(Diem::position_info(&1).is_none());
	});
}
