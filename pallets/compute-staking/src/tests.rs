//! Unit tests of every call and error path, reward arithmetic, and a seeded model test. Every
//! test ends with `do_try_state` (see `ExtBuilder::build_and_execute`).

use crate::{mock::*, *};
use diem_primitives::{Balance, StakeLocker};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::{DispatchError, PerThing, Perbill};

fn ledger(who: u64) -> LedgerOf<Test> {
	Ledgers::<Test>::get(who).expect("ledger exists")
}

fn held(who: u64) -> Balance {
	Balances::balance_on_hold(&HoldReason::Staked.into(), &who)
}

fn stake(who: u64, amount: Balance) {
	assert_ok!(ComputeStaking::stake(RuntimeOrigin::signed(who), amount));
}

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
fn stake_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ComputeStaking::stake(RuntimeOrigin::signed(1), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			ComputeStaking::stake(RuntimeOrigin::signed(1), 99),
			Error::<Test>::BelowMinimumStake
		);
		assert_noop!(
			ComputeStaking::stake(RuntimeOrigin::signed(1), INITIAL + 1),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			ComputeStaking::stake(RuntimeOrigin::signed(42), 1_000),
			Error::<Test>::InsufficientBalance
		);
		// Once above the minimum, small top-ups are fine.
		stake(1, 100);
		stake(1, 1);
		assert_eq!(ledger(1).unlocked, 101);
	});
}

#[test]
fn unstake_makes_independent_chunks() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 100));
		run_to_block(5);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 200));
		// The second request does not restart the first.
		let chunks: Vec<_> = ledger(1).unbonding.iter().map(|c| (c.amount, c.end)).collect();
		assert_eq!(chunks, vec![(100, 11), (200, 15)]);
		assert_eq!(TotalUnbonding::<Test>::get(), 300);
		assert_eq!(held(1), 1_000, "unbonding stays held");

		run_to_block(10);
		assert_noop!(
			ComputeStaking::withdraw_unbonded(RuntimeOrigin::signed(1)),
			Error::<Test>::NothingToWithdraw
		);
		run_to_block(11);
		let free = Balances::balance(&1);
		assert_ok!(ComputeStaking::withdraw_unbonded(RuntimeOrigin::signed(1)));
		assert_eq!(Balances::balance(&1), free + 100);
		assert_eq!(ledger(1).unbonding.len(), 1);
		run_to_block(15);
		assert_ok!(ComputeStaking::withdraw_unbonded(RuntimeOrigin::signed(1)));
		assert_eq!(held(1), 700);
		assert_eq!(TotalUnbonding::<Test>::get(), 0);
	});
}

#[test]
fn unbonding_stake_earns_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		stake(2, 1_000);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(2), 900));
		run_to_block(2);
		// Active stake 1000 + 100: account 2 earns on 100 only.
		assert_eq!(ComputeStaking::pending_rewards(&1), 90);
		assert_eq!(ComputeStaking::pending_rewards(&2), 9);
	});
}

#[test]
fn unstake_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ComputeStaking::unstake(RuntimeOrigin::signed(1), 100),
			Error::<Test>::NotStaker
		);
		stake(1, 1_000);
		assert_noop!(
			ComputeStaking::unstake(RuntimeOrigin::signed(1), 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			ComputeStaking::unstake(RuntimeOrigin::signed(1), 1_001),
			Error::<Test>::NotEnoughUnlocked
		);
		assert_noop!(
			ComputeStaking::unstake(RuntimeOrigin::signed(1), 950),
			Error::<Test>::BelowMinimumStake
		);
		// Locked stake cannot be unstaked.
		assert_ok!(<ComputeStaking as StakeLocker<_, _>>::lock(&1, 900));
		assert_noop!(
			ComputeStaking::unstake(RuntimeOrigin::signed(1), 200),
			Error::<Test>::NotEnoughUnlocked
		);
		for _ in 0..MAX_CHUNKS {
			assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 10));
		}
		assert_noop!(
			ComputeStaking::unstake(RuntimeOrigin::signed(1), 10),
			Error::<Test>::TooManyUnbondingChunks
		);
		assert_noop!(
			ComputeStaking::withdraw_unbonded(RuntimeOrigin::signed(2)),
			Error::<Test>::NotStaker
		);
	});
}

#[test]
fn unstaking_everything_is_allowed_and_the_ledger_goes_away_when_empty() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 1_000));
		run_to_block(11);
		assert_ok!(ComputeStaking::withdraw_unbonded(RuntimeOrigin::signed(1)));
		assert!(Ledgers::<Test>::get(1).is_none());
		assert_eq!(Balances::balance(&1), INITIAL);
	});
}

#[test]
fn rebond_cancels_newest_chunks_first() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 100));
		run_to_block(5);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 200));
		assert_noop!(
			ComputeStaking::rebond(RuntimeOrigin::signed(1), 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			ComputeStaking::rebond(RuntimeOrigin::signed(1), 301),
			Error::<Test>::NotEnoughUnbonding
		);
		assert_ok!(ComputeStaking::rebond(RuntimeOrigin::signed(1), 250));
		let chunks: Vec<_> = ledger(1).unbonding.iter().map(|c| (c.amount, c.end)).collect();
		assert_eq!(chunks, vec![(50, 11)]);
		assert_eq!(ledger(1).unlocked, 950);
		assert_eq!(TotalUnbonding::<Test>::get(), 50);
		assert_eq!(TotalUnlocked::<Test>::get(), 950);
		assert!(staking_events().contains(&Event::Rebonded { who: 1, amount: 250 }));
		assert_noop!(ComputeStaking::rebond(RuntimeOrigin::signed(2), 1), Error::<Test>::NotStaker);
	});
}

#[test]
fn claim_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ComputeStaking::claim_rewards(RuntimeOrigin::signed(1)),
			Error::<Test>::NotStaker
		);
		stake(1, 1_000);
		assert_noop!(
			ComputeStaking::claim_rewards(RuntimeOrigin::signed(1)),
			Error::<Test>::NoRewards
		);
	});
}

#[test]
fn compound_needs_opt_in_and_restakes_rewards() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		run_to_block(3);
		assert_noop!(
			ComputeStaking::compound(RuntimeOrigin::signed(3), 1),
			Error::<Test>::AutoCompoundDisabled
		);
		assert_noop!(
			ComputeStaking::compound(RuntimeOrigin::signed(3), 2),
			Error::<Test>::NotStaker
		);

		// Enabling compounds what is pending right away, to the unit.
		let pending = ComputeStaking::pending_rewards(&1);
		assert_eq!(pending, 200);
		assert_ok!(ComputeStaking::set_auto_compound(RuntimeOrigin::signed(1), true));
		assert_eq!(ledger(1).unlocked, 1_000 + pending);
		assert_eq!(ledger(1).pending_rewards, 0);
		assert_eq!(held(1), 1_000 + pending);
		assert_noop!(
			ComputeStaking::compound(RuntimeOrigin::signed(3), 1),
			Error::<Test>::NoRewards
		);

		run_to_block(4);
		// A bot compounds for account 1: exactly what was pending moves into stake. (100 over
		// 1,200 staked does not divide evenly; the index rounds down and carries the rest.)
		let pending = ComputeStaking::pending_rewards(&1);
		assert!((99..=100).contains(&pending), "{pending}");
		assert_ok!(ComputeStaking::compound(RuntimeOrigin::signed(3), 1));
		assert_eq!(ledger(1).unlocked, 1_200 + pending);
		assert!(staking_events().contains(&Event::Compounded { who: 1, amount: pending }));
	});
}

#[test]
fn auto_compound_restakes_on_every_touch() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		assert_ok!(ComputeStaking::set_auto_compound(RuntimeOrigin::signed(1), true));
		run_to_block(3);
		assert_eq!(ComputeStaking::pending_rewards(&1), 200);
		stake(1, 100);
		assert_eq!(ledger(1).unlocked, 1_300);
		assert_eq!(ledger(1).pending_rewards, 0);

		assert_ok!(ComputeStaking::set_auto_compound(RuntimeOrigin::signed(1), false));
		run_to_block(4);
		let pending = ComputeStaking::pending_rewards(&1);
		stake(1, 100);
		// Off again: rewards stay pending.
		assert_eq!(ledger(1).unlocked, 1_400);
		assert_eq!(ledger(1).pending_rewards, pending);
	});
}

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

/// The pot is an ordinary account: a payment into it (a gift, a mistake) must not break the
/// conservation check, and rewards are still paid from the emission's accounting, not the gift.
#[test]
fn a_payment_into_the_reward_pot_keeps_the_invariants() {
	use frame_support::traits::{fungible::Mutate, tokens::Preservation};
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		run_to_block(3);
		let pot = ComputeStaking::pot_account();
		assert_ok!(<Balances as Mutate<_>>::transfer(&2, &pot, 5_000, Preservation::Preserve));
		assert_ok!(ComputeStaking::do_try_state());
		run_to_block(5);
		assert_ok!(ComputeStaking::claim_rewards(RuntimeOrigin::signed(1)));
		assert_eq!(TotalRewardsPaid::<Test>::get(), 400);
		assert_eq!(Balances::balance(&pot), ED + 5_000);
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

#[test]
fn lock_and_unlock_mid_stream_settle_at_the_old_rate() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		run_to_block(2); // +100 unlocked
		assert_ok!(<ComputeStaking as StakeLocker<_, _>>::lock(&1, 1_000));
		assert_eq!(ledger(1).pending_rewards, 100, "settled before the move");
		run_to_block(3); // all stake locked: +80, pool +20
		assert_ok!(<ComputeStaking as StakeLocker<_, _>>::unlock(&1, 1_000));
		run_to_block(4); // +100 unlocked again
		assert_eq!(ComputeStaking::pending_rewards(&1), 280);
		assert_eq!(TotalPoolAccrued::<Test>::get(), 20);
		assert_eq!(<ComputeStaking as StakeLocker<_, _>>::locked(&1), 0);
		assert_eq!(<ComputeStaking as StakeLocker<_, _>>::unlocked_stake(&1), 1_000);
	});
}

#[test]
fn lock_errors() {
	ExtBuilder::default().build_and_execute(|| {
		type Locker = ComputeStaking;
		assert_noop!(<Locker as StakeLocker<_, _>>::lock(&1, 10), Error::<Test>::NotStaker);
		stake(1, 1_000);
		assert_noop!(<Locker as StakeLocker<_, _>>::lock(&1, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			<Locker as StakeLocker<_, _>>::lock(&1, 1_001),
			Error::<Test>::NotEnoughUnlocked
		);
		assert_ok!(<Locker as StakeLocker<_, _>>::lock(&1, 600));
		assert_noop!(
			<Locker as StakeLocker<_, _>>::unlock(&1, 601),
			Error::<Test>::NotEnoughLocked
		);
		assert_noop!(<Locker as StakeLocker<_, _>>::unlock(&1, 0), Error::<Test>::ZeroAmount);
		assert_eq!(<Locker as StakeLocker<_, _>>::locked(&1), 600);
		assert_eq!(<Locker as StakeLocker<_, _>>::unlocked_stake(&1), 400);
		assert_eq!(held(1), 1_000);
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

#[test]
fn failed_lock_with_auto_compound_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		stake(2, 1_000);
		assert_ok!(ComputeStaking::set_auto_compound(RuntimeOrigin::signed(1), true));
		run_to_block(2);
		assert_eq!(ComputeStaking::pending_rewards(&1), 50);
		// Settling would compound before the amount check fails: all of it must roll back.
		assert_noop!(
			<ComputeStaking as StakeLocker<_, _>>::lock(&1, 5_000),
			Error::<Test>::NotEnoughUnlocked
		);
		assert_noop!(
			<ComputeStaking as StakeLocker<_, _>>::unlock(&1, 5_000),
			Error::<Test>::NotEnoughLocked
		);
	});
}

#[test]
fn compounding_does_not_restake_into_an_empty_position() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		stake(2, 1_000);
		run_to_block(2);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 1_000));
		// 50 pending, nothing bonded: enabling auto-compound must not create a 50-unit stake
		// below the minimum; the rewards stay claimable.
		assert_ok!(ComputeStaking::set_auto_compound(RuntimeOrigin::signed(1), true));
		assert_eq!(ledger(1).unlocked, 0);
		assert_eq!(ledger(1).pending_rewards, 50);
		assert_noop!(
			ComputeStaking::compound(RuntimeOrigin::signed(3), 1),
			Error::<Test>::NoRewards
		);
		assert_ok!(ComputeStaking::claim_rewards(RuntimeOrigin::signed(1)));
	});
}

/// A small deterministic generator, so the model test is reproducible without extra crates.
struct XorShift(u64);
impl XorShift {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		self.0
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
}

/// Stakers join, lock, unlock, unstake, rebond, claim and leave at random blocks. A reference
/// computes every account's reward exactly (in f64, per block, from its stake that block); the
/// pallet rounds down by less than one base unit per bucket (unlocked, locked) per settlement,
/// and never pays more.
#[test]
fn model_random_stakers_match_exact_reference() {
	for seed in [1u64, 7, 42, 2026] {
		ExtBuilder::default().build_and_execute(|| {
			let mut rng = XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
			let params = default_params();
			let locked_rate =
				f64::from(params.locked_yield_share.deconstruct()) / f64::from(Perbill::ACCURACY);
			let emission = params.emission_per_block as f64;
			let mut exact = [0f64; 6];
			let mut settlements = [0u32; 6];

			for block in 2..=300u64 {
				// One random action per block, by a random account.
				let who = 1 + rng.below(5);
				let i = usize::try_from(who).unwrap();
				let amount = 100 + u128::from(rng.below(5_000));
				let signed = RuntimeOrigin::signed(who);
				let result = match rng.below(9) {
					0 => ComputeStaking::stake(signed, amount),
					1 => ComputeStaking::unstake(signed, amount),
					2 => <ComputeStaking as StakeLocker<_, _>>::lock(&who, amount),
					3 => <ComputeStaking as StakeLocker<_, _>>::unlock(&who, amount),
					4 => ComputeStaking::rebond(signed, amount),
					5 => ComputeStaking::claim_rewards(signed),
					6 => ComputeStaking::set_auto_compound(signed, rng.below(2) == 0),
					7 => ComputeStaking::compound(RuntimeOrigin::signed(9), who),
					_ => ComputeStaking::withdraw_unbonded(signed),
				};
				if result.is_ok() {
					settlements[i] += 1;
				}

				// The stake that earns the next block's emission.
				let stakes: Vec<(f64, f64)> = (0..6u64)
					.map(|a| {
						Ledgers::<Test>::get(a)
							.map(|l| (l.unlocked as f64, l.locked as f64))
							.unwrap_or((0.0, 0.0))
					})
					.collect();
				let total: f64 = stakes.iter().map(|(u, l)| u + l).sum();
				run_to_block(block);
				if total > 0.0 {
					for (a, (u, l)) in stakes.iter().enumerate() {
						exact[a] += emission * (u + l * locked_rate) / total;
					}
				}
				ComputeStaking::do_try_state().expect("invariants hold at every block");
			}

			// Everything an account received: claimed, compounded, or still pending.
			let mut paid = [0u128; 6];
			for event in staking_events() {
				match event {
					Event::RewardsClaimed { who, amount } | Event::Compounded { who, amount } => {
						paid[usize::try_from(who).unwrap()] += amount
					}
					_ => {}
				}
			}
			for who in 1..=5u64 {
				let i = usize::try_from(who).unwrap();
				let earned = (ComputeStaking::pending_rewards(&who) + paid[i]) as f64;
				assert!(
					earned <= exact[i] + 1e-6,
					"seed {seed} account {who}: earned {earned} > exact {}",
					exact[i]
				);
				let slack = 2.0 * f64::from(settlements[i]) + 2.0;
				assert!(
					earned >= exact[i] - slack,
					"seed {seed} account {who}: earned {earned} < exact {} - {slack}",
					exact[i]
				);
			}
		});
	}
}
