//! Governance's parameters: validation, bounds, the announcement delay and when they apply.

use super::*;

/// Schedules `params` as governance and runs to the block that applies them.
fn change_params(params: ParamsOf<Test>) {
	assert_ok!(ComputeStaking::schedule_params_change(RuntimeOrigin::root(), params));
	run_to_block(System::block_number() + PARAMS_CHANGE_DELAY);
	assert_eq!(Params::<Test>::get(), Some(params));
}

#[test]
fn a_parameter_change_is_visible_for_its_whole_delay_then_applies_exactly() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		run_to_block(3);
		let new = StakingParams { emission_per_block: 300, ..default_params() };
		assert_ok!(ComputeStaking::schedule_params_change(RuntimeOrigin::root(), new));
		let effective_at = 3 + PARAMS_CHANGE_DELAY;
		assert!(
			staking_events().contains(&Event::ParamsChangeScheduled { params: new, effective_at })
		);

		// Every block of the delay: the old parameters rule and the change can be read.
		for block in 4..effective_at {
			run_to_block(block);
			assert_eq!(Params::<Test>::get(), Some(default_params()));
			assert_eq!(
				PendingParams::<Test>::get(),
				Some(PendingParamsChange { params: new, effective_at })
			);
			assert_eq!(ComputeStaking::pending_rewards(&1), 100 * (block as u128 - 1));
		}

		// The block that applies it already emits at the new rate.
		run_to_block(effective_at);
		assert_eq!(Params::<Test>::get(), Some(new));
		assert_eq!(PendingParams::<Test>::get(), None);
		assert_eq!(staking_events().last(), Some(&Event::ParamsChanged { params: new }));
		assert_eq!(ComputeStaking::pending_rewards(&1), 100 * 6 + 300);
	});
}

#[test]
fn stakers_unbond_under_the_old_period_until_a_longer_one_applies() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		let longer = StakingParams { unbonding_period: 50, ..default_params() };
		assert_ok!(ComputeStaking::schedule_params_change(RuntimeOrigin::root(), longer));
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 100));
		run_to_block(1 + PARAMS_CHANGE_DELAY);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 100));
		let ends: Vec<_> = ledger(1).unbonding.iter().map(|c| c.end).collect();
		assert_eq!(ends, vec![1 + 10, 1 + PARAMS_CHANGE_DELAY + 50]);
	});
}

#[test]
fn one_change_at_a_time_and_governance_can_cancel_it() {
	ExtBuilder::default().build_and_execute(|| {
		let new = StakingParams { emission_per_block: 200, ..default_params() };
		assert_noop!(
			ComputeStaking::cancel_params_change(RuntimeOrigin::root()),
			Error::<Test>::NoParamsChangeScheduled
		);
		assert_ok!(ComputeStaking::schedule_params_change(RuntimeOrigin::root(), new));
		assert_noop!(
			ComputeStaking::schedule_params_change(RuntimeOrigin::root(), default_params()),
			Error::<Test>::ParamsChangeAlreadyScheduled
		);
		assert_noop!(
			ComputeStaking::cancel_params_change(RuntimeOrigin::signed(1)),
			DispatchError::BadOrigin
		);
		assert_ok!(ComputeStaking::cancel_params_change(RuntimeOrigin::root()));
		assert_eq!(staking_events().last(), Some(&Event::ParamsChangeCancelled { params: new }));
		run_to_block(1 + PARAMS_CHANGE_DELAY + 1);
		assert_eq!(Params::<Test>::get(), Some(default_params()));
		assert_eq!(PendingParams::<Test>::get(), None);
	});
}

/// The inflation bound is checked again when the change applies: an emission that fit the
/// issuance when it was scheduled is dropped if the issuance fell below what it needs.
#[test]
fn a_change_that_no_longer_passes_when_due_is_dropped() {
	ExtBuilder::default().build_and_execute(|| {
		// 50% of the issuance per 1000-block year: the largest emission allowed now.
		let cap = Perbill::from_percent(50) * Balances::total_issuance() / 1_000;
		let new = StakingParams { emission_per_block: cap, ..default_params() };
		assert_ok!(ComputeStaking::schedule_params_change(RuntimeOrigin::root(), new));
		// Account 5 burns most of its HASH: the issuance falls below what the emission needs.
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<u64>>::burn_from(
			&5,
			INITIAL / 2,
			frame_support::traits::tokens::Preservation::Expendable,
			frame_support::traits::tokens::Precision::Exact,
			frame_support::traits::tokens::Fortitude::Polite,
		));
		run_to_block(1 + PARAMS_CHANGE_DELAY);
		assert_eq!(Params::<Test>::get(), Some(default_params()));
		assert_eq!(PendingParams::<Test>::get(), None);
		assert!(staking_events().contains(&Event::ParamsChangeCancelled { params: new }));
	});
}

/// Governance keeps the unbonding period and the minimum stake within the runtime's bounds.
#[test]
fn staking_parameters_stay_within_their_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		let params = default_params();
		let refused = [
			(
				StakingParams { unbonding_period: MIN_UNBONDING - 1, ..params },
				Error::<Test>::UnbondingPeriodOutOfBounds,
			),
			(
				StakingParams { unbonding_period: MAX_UNBONDING + 1, ..params },
				Error::<Test>::UnbondingPeriodOutOfBounds,
			),
			(
				StakingParams { min_stake: MIN_STAKE_LOWER - 1, ..params },
				Error::<Test>::MinimumStakeOutOfBounds,
			),
			(
				StakingParams { min_stake: MIN_STAKE_UPPER + 1, ..params },
				Error::<Test>::MinimumStakeOutOfBounds,
			),
		];
		for (params, error) in refused {
			assert_noop!(
				ComputeStaking::schedule_params_change(RuntimeOrigin::root(), params),
				error
			);
		}
		for params in [
			StakingParams { unbonding_period: MIN_UNBONDING, min_stake: MIN_STAKE_LOWER, ..params },
			StakingParams { unbonding_period: MAX_UNBONDING, min_stake: MIN_STAKE_UPPER, ..params },
		] {
			change_params(params);
		}
	});
}

#[test]
fn parameter_changes_are_validated_and_governed() {
	ExtBuilder::default().build_and_execute(|| {
		let params = default_params();
		assert_noop!(
			ComputeStaking::schedule_params_change(RuntimeOrigin::signed(1), params),
			DispatchError::BadOrigin
		);
		let zero_period = StakingParams { unbonding_period: 0, ..params };
		let zero_minimum = StakingParams { min_stake: 0, ..params };
		// 50% of the issuance per 1000-block year.
		let cap = Perbill::from_percent(50) * Balances::total_issuance() / 1_000;
		let over_cap = StakingParams { emission_per_block: cap + 1, ..params };
		let overflowing = StakingParams { emission_per_block: Balance::MAX, ..params };
		for (params, error) in [
			(zero_period, Error::<Test>::ZeroUnbondingPeriod),
			(zero_minimum, Error::<Test>::ZeroMinimumStake),
			(over_cap, Error::<Test>::EmissionTooHigh),
			(overflowing, Error::<Test>::EmissionTooHigh),
		] {
			assert_noop!(
				ComputeStaking::schedule_params_change(RuntimeOrigin::root(), params),
				error
			);
		}
		change_params(StakingParams { emission_per_block: cap, ..params });
	});
}
