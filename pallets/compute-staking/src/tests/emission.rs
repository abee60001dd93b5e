//! Emission: per-block accrual, the locked share, the pool, and genesis stakers.

use super::*;

#[test]
fn stake_holds_hash_and_emission_accrues_per_block() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		assert_eq!(held(1), 1_000);
		assert_eq!(Balances::balance(&1), INITIAL - 1_000);
		assert_eq!(TotalUnlocked::<Test>::get(), 1_000);
		assert_eq!(staking_events(), vec![Event::Staked { who: 1, amount: 1_000 }]);

		let issuance = Balances::total_issuance();
		run_to_block(3);
		assert_eq!(ComputeStaking::pending_rewards(&1), 200);
		// Minted, not conjured: issuance grew by exactly the emission.
		assert_eq!(Balances::total_issuance(), issuance + 200);
		assert_eq!(TotalEmitted::<Test>::get(), 200);

		assert_ok!(ComputeStaking::claim_rewards(RuntimeOrigin::signed(1)));
		assert_eq!(Balances::balance(&1), INITIAL - 1_000 + 200);
		assert_eq!(ComputeStaking::pending_rewards(&1), 0);
		assert_eq!(TotalRewardsPaid::<Test>::get(), 200);
	});
}

#[test]
fn locked_stake_earns_its_share_and_the_rest_goes_to_the_pool() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		stake(2, 1_000);
		assert_ok!(<ComputeStaking as StakeLocker<_, _>>::lock(&2, 1_000));
		let pool_before = Balances::balance(&POOL);

		run_to_block(2);
		// Full rate 100 / 2000 per unit: unlocked 1000 earns 50, locked 1000 earns 80% = 40,
		// and the forgone 10 goes to the operator pool.
		assert_eq!(ComputeStaking::pending_rewards(&1), 50);
		assert_eq!(ComputeStaking::pending_rewards(&2), 40);
		assert_eq!(Balances::balance(&POOL), pool_before + 10);
		assert_eq!(TotalPoolAccrued::<Test>::get(), 10);
	});
}

#[test]
fn nothing_is_minted_while_nobody_stakes() {
	ExtBuilder::default().build_and_execute(|| {
		let issuance = Balances::total_issuance();
		run_to_block(10);
		assert_eq!(Balances::total_issuance(), issuance);
		assert_eq!(TotalEmitted::<Test>::get(), 0);

		stake(1, 1_000);
		run_to_block(12);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 1_000));
		run_to_block(30);
		// Two blocks of stake, then nothing.
		assert_eq!(TotalEmitted::<Test>::get(), 200);
		assert_eq!(ComputeStaking::pending_rewards(&1), 200);
	});
}

#[test]
fn unconfigured_pallet_refuses_stake_and_emits_nothing() {
	ExtBuilder::default().params(None).build_and_execute(|| {
		assert_noop!(
			ComputeStaking::stake(RuntimeOrigin::signed(1), 1_000),
			Error::<Test>::NotConfigured
		);
		run_to_block(5);
		assert_eq!(TotalEmitted::<Test>::get(), 0);
	});
}

#[test]
fn genesis_stakers_stake_and_pot_and_pool_exist() {
	ExtBuilder::default().stakers(vec![(1, 500), (2, 700)]).build_and_execute(|| {
		assert_eq!(held(1), 500);
		assert_eq!(held(2), 700);
		assert_eq!(TotalUnlocked::<Test>::get(), 1_200);
		assert_eq!(Balances::balance(&ComputeStaking::pot_account()), ED);
		assert_eq!(Balances::balance(&POOL), ED);
	});
}

#[test]
fn small_emission_over_large_stake_still_distributes() {
	// 1 base unit per block over 2 * 10^31 staked: the per-block index growth rounds to zero
	// (10^30 / 2*10^31), so only the carried remainder lets rewards reach stakers.
	let params = StakingParams { emission_per_block: 1, ..default_params() };
	ExtBuilder::default().params(Some(params)).build_and_execute(|| {
		let huge: Balance = 10u128.pow(31);
		for who in [1, 2] {
			assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(
				&who, huge
			));
			stake(who, huge);
		}
		run_to_block(21);
		assert_eq!(TotalEmitted::<Test>::get(), 20);
		assert_eq!(ComputeStaking::pending_rewards(&1), 10);
		assert_eq!(ComputeStaking::pending_rewards(&2), 10);
		assert_eq!(IndexRemainder::<Test>::get(), U256::zero());
	});
}
