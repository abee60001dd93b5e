//! Governance's parameters: validation, bounds and when they apply.

use super::*;

#[test]
fn parameter_changes_apply_from_the_next_block_exactly() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		run_to_block(3);
		let new = StakingParams { emission_per_block: 300, ..default_params() };
		assert_ok!(ComputeStaking::set_params(RuntimeOrigin::root(), new));
		assert!(staking_events().contains(&Event::ParamsChanged { params: new }));
		run_to_block(5);
		assert_eq!(ComputeStaking::pending_rewards(&1), 200 + 600);

		// A longer unbonding period applies to new requests only.
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 100));
		let longer = StakingParams { unbonding_period: 50, ..new };
		assert_ok!(ComputeStaking::set_params(RuntimeOrigin::root(), longer));
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 100));
		let ends: Vec<_> = ledger(1).unbonding.iter().map(|c| c.end).collect();
		assert_eq!(ends, vec![15, 55]);
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
			assert_noop!(ComputeStaking::set_params(RuntimeOrigin::root(), params), error);
		}
		for params in [
			StakingParams { unbonding_period: MIN_UNBONDING, min_stake: MIN_STAKE_LOWER, ..params },
			StakingParams { unbonding_period: MAX_UNBONDING, min_stake: MIN_STAKE_UPPER, ..params },
		] {
			assert_ok!(ComputeStaking::set_params(RuntimeOrigin::root(), params));
			assert_eq!(Params::<Test>::get(), Some(params));
		}
	});
}

#[test]
fn set_params_is_validated_and_governed() {
	ExtBuilder::default().build_and_execute(|| {
		let params = default_params();
		assert_noop!(
			ComputeStaking::set_params(RuntimeOrigin::signed(1), params),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ComputeStaking::set_params(
				RuntimeOrigin::root(),
				StakingParams { unbonding_period: 0, ..params }
			),
			Error::<Test>::ZeroUnbondingPeriod
		);
		assert_noop!(
			ComputeStaking::set_params(
				RuntimeOrigin::root(),
				StakingParams { min_stake: 0, ..params }
			),
			Error::<Test>::ZeroMinimumStake
		);
		// 50% of the issuance per 1000-block year.
		let cap = Perbill::from_percent(50) * Balances::total_issuance() / 1_000;
		assert_noop!(
			ComputeStaking::set_params(
				RuntimeOrigin::root(),
				StakingParams { emission_per_block: cap + 1, ..params }
			),
			Error::<Test>::EmissionTooHigh
		);
		assert_noop!(
			ComputeStaking::set_params(
				RuntimeOrigin::root(),
				StakingParams { emission_per_block: Balance::MAX, ..params }
			),
			Error::<Test>::EmissionTooHigh
		);
		assert_ok!(ComputeStaking::set_params(
			RuntimeOrigin::root(),
			StakingParams { emission_per_block: cap, ..params }
		));
	});
}
