//! `hash`: HASH staking (stake, unstake, withdraw, claim).

use super::{amount, receipt_output, Ctx};
use crate::{chain::runtime, cli::HashCommand, Error, Output};
use serde_json::json;

pub(super) async fn hash(ctx: &mut Ctx, command: HashCommand) -> Result<Output, Error> {
	let staking = runtime::tx().compute_staking();
	let (action, receipt) = match command {
		HashCommand::Stake { amount: a } => {
			("stake HASH", ctx.submit(&staking.stake(amount(&a)?)).await?)
		}
		HashCommand::Unstake { amount: a } => {
			("unstake HASH", ctx.submit(&staking.unstake(amount(&a)?)).await?)
		}
		HashCommand::Withdraw => ("withdraw HASH", ctx.submit(&staking.withdraw_unbonded()).await?),
		HashCommand::Claim => {
			("claim staking rewards", ctx.submit(&staking.claim_rewards()).await?)
		}
	};
	Ok(receipt_output(action, &receipt, json!({})))
}
