//! The accumulator, the ring, the TWAP and its guards; manipulation by one block's swap.

use super::*;

fn now() -> u32 {
	System::block_number() as u32
}

#[test]
fn the_twap_is_not_ready_until_the_ring_spans_the_window() {
	ExtBuilder::default().fresh_oracle().build_and_execute(|| {
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		assert_noop!(Lending::borrow(signed(&bob()), UNIT), Error::<Test>::OracleNotReady);
		run_to(u64::from(WINDOW + INTERVAL) - 1);
		assert_noop!(Lending::borrow(signed(&bob()), UNIT), Error::<Test>::OracleNotReady);
		run_for(1);
		assert_eq!(Lending::twap(WINDOW, now()).ok(), Some(FixedU128::from_u32(2)));
		assert_ok!(Lending::borrow(signed(&bob()), UNIT));
	});
}

#[test]
fn the_twap_weighs_each_price_by_the_blocks_it_held() {
	ExtBuilder::default().build_and_execute(|| {
		// Block 25 read 2; the pool moves to 4 before block 31 and stays.
		run_to(30);
		set_price(400);
		run_to(45);
		// From block 25 (the observation a window old) to 45: 6 blocks at 2, 14 at 4.
		let expected = FixedU128::from_rational(6 * 2 + 14 * 4, 20);
		assert_eq!(Lending::twap(WINDOW, now()).ok(), Some(expected));
		// The view reports the same, and that borrowing pauses (spot is 4, far above).
		let oracle = Lending::oracle_view();
		assert_eq!(oracle.twap, Some(expected));
		assert_eq!(oracle.spot, Some(FixedU128::from_u32(4)));
		assert_eq!(oracle.age, Some(0));
		assert_eq!(oracle.borrowing_paused.as_deref(), Some("PriceDeviation"));
	});
}

#[test]
fn a_one_block_swap_moves_neither_borrowing_power_nor_liquidations() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		assert_ok!(Lending::borrow(signed(&bob()), 1_000 * UNIT));
		// A large sale of DIEM halves the spot price within this block...
		set_price(100);
		// ...and borrowing pauses rather than follow it.
		assert_noop!(Lending::borrow(signed(&charlie()), UNIT), Error::<Test>::NoLoan);
		assert_ok!(Lending::deposit_collateral(signed(&charlie()), 100 * UNIT));
		assert_noop!(Lending::borrow(signed(&charlie()), UNIT), Error::<Test>::PriceDeviation);
		// It stays for the next block's reading, then the attacker buys back.
		run_for(1);
		set_price(200);
		run_for(1);
		// One block at 1 in a window of 20 moves the TWAP by 5%: Bob's loan stays healthy.
		let twap = Lending::twap(WINDOW, now()).unwrap();
		assert!(twap >= FixedU128::from_rational(195, 100), "{twap:?}");
		assert_noop!(
			Lending::liquidate(signed(&dave()), bob(), 100 * UNIT),
			Error::<Test>::LoanHealthy
		);
		// Pushing spot up a little (within the deviation) lends no more than the TWAP allows.
		Reserves::set(Some((POOL_HASH, POOL_HASH * 100 / 209)));
		let limit = Lending::position_view(&charlie()).borrow_limit.unwrap();
		assert_eq!(limit, Lending::borrow_limit(100 * UNIT, twap, &test_params()).unwrap());
		assert!(limit < 100 * UNIT);
	});
}

#[test]
fn borrowing_needs_a_deep_fresh_pool() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		// 999 HASH against 499.5 DIEM: price 2 but below the minimum depth.
		Reserves::set(Some((999 * UNIT, 4995 * UNIT / 10)));
		assert_noop!(Lending::borrow(signed(&bob()), UNIT), Error::<Test>::PoolTooThin);
		Reserves::set(None);
		assert_noop!(Lending::borrow(signed(&bob()), UNIT), Error::<Test>::NoPrice);
		run_for(6);
		Reserves::set(Some((POOL_HASH, POOL_DIEM)));
		// Six blocks without a reading: stale until the next block reads the pool.
		assert_noop!(Lending::borrow(signed(&bob()), UNIT), Error::<Test>::OracleStale);
		run_for(1);
		assert_ok!(Lending::borrow(signed(&bob()), UNIT));
	});
}

#[test]
fn the_ring_overwrites_its_oldest_slot() {
	ExtBuilder::default().build_and_execute(|| {
		run_for(u64::from(RING * INTERVAL) * 2);
		assert_eq!(Observations::<Test>::iter().count(), RING as usize);
		let newest = now() - now() % INTERVAL;
		let slot = Lending::slot_of(newest);
		assert_eq!(Observations::<Test>::get(slot).map(|o| o.at), Some(newest));
		assert_eq!(Lending::twap(WINDOW, now()).ok(), Some(FixedU128::from_u32(2)));
		// A window longer than the ring spans finds its observation overwritten.
		assert!(matches!(
			Lending::twap(RING * INTERVAL, now()),
			Err(Error::<Test>::OracleNotReady)
		));
	});
}

#[test]
fn an_empty_pool_is_no_price() {
	ExtBuilder::default().build_and_execute(|| {
		Reserves::set(Some((POOL_HASH, 0)));
		let before = Oracle::<Test>::get();
		run_for(1);
		assert_eq!(Oracle::<Test>::get(), before);
		assert_eq!(Lending::oracle_view().spot, None);
	});
}
