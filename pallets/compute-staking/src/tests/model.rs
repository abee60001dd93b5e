//! A seeded model test against an exact reference.

use super::*;

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
