//! The accounts a load runs from, and putting them in place on a dev chain: Alice (the dev
//! chain's rich account and sudo key) funds them with HASH and DIEM, each stakes HASH (to mint)
//! and DIEM (for credits), and an operator registers and is approved.

use crate::{
	chain::{runtime_apis, Chain, Result},
	signing::{Account, TxSigner},
};
use diem_primitives::{diem, hash};
use diem_runtime::{Balance, RuntimeCall};
use futures::{StreamExt, TryStreamExt};
use polkadot_sdk::{pallet_balances, pallet_sudo, pallet_utility};
use std::time::{Duration, Instant};

/// HASH each load account receives: fees for every scenario plus its compute stake.
pub const HASH_PER_ACCOUNT: Balance = 200 * hash::UNIT;
/// HASH each load account stakes, so it can mint.
pub const COMPUTE_STAKE: Balance = 10 * hash::UNIT;
/// DIEM each load account receives from Alice's 750 (her genesis 1,000 less the 250 in the
/// HASH/DIEM pool): 4,096 accounts take 614.
pub const DIEM_PER_ACCOUNT: Balance = 15 * diem::UNIT / 100;
/// DIEM each load account stakes for credits (the runtime's minimum).
pub const CREDIT_STAKE: Balance = diem::UNIT / 10;
/// The operator's funds: its bond (10,000 HASH) and fees.
pub const OPERATOR_FUNDS: Balance = 11_000 * hash::UNIT;
/// The redeem key pays the fees of every redemption.
pub const REDEEM_KEY_FUNDS: Balance = 10_000 * hash::UNIT;
/// Calls per `batch_all` when Alice funds the accounts.
const FUNDING_BATCH: usize = 512;
/// How long one setup step may take to be included.
const STEP_TIMEOUT: Duration = Duration::from_secs(120);

pub struct Fleet {
	pub alice: Account,
	pub users: Vec<Account>,
	pub operator: Account,
	pub redeem_key: Account,
}

impl Fleet {
	/// Derives `count` load accounts (`//Alice//load//<i>`), the operator and its redeem key,
	/// and reads their nonces.
	pub async fn derive(chain: &Chain, count: usize) -> Result<Fleet> {
		let mut fleet = Fleet {
			alice: Account::from_uri("//Alice")?,
			users: (0..count)
				.map(|i| Account::from_uri(&format!("//Alice//load//{i}")))
				.collect::<Result<_>>()?,
			operator: Account::from_uri("//Alice//load//operator")?,
			redeem_key: Account::from_uri("//Alice//load//operator//redeem")?,
		};
		fleet.sync_nonces(chain).await?;
		Ok(fleet)
	}

	pub async fn sync_nonces(&mut self, chain: &Chain) -> Result<()> {
		let nonces = nonces(chain, self.all()).await?;
		for (account, nonce) in self.all_mut().zip(nonces) {
			account.nonce = nonce;
		}
		Ok(())
	}

	fn all(&self) -> impl Iterator<Item = &Account> {
		[&self.alice, &self.operator, &self.redeem_key].into_iter().chain(self.users.iter())
	}

	fn all_mut(&mut self) -> impl Iterator<Item = &mut Account> {
		[&mut self.alice, &mut self.operator, &mut self.redeem_key]
			.into_iter()
			.chain(self.users.iter_mut())
	}

	/// The runtime-API call for the load operator's registration.
	fn operator_state(
		&self,
	) -> impl subxt::runtime_apis::Payload<
		ReturnType = Option<
			diem_cli::chain::runtime::runtime_types::pallet_inference_credits::types::OperatorState<
				subxt::utils::AccountId32,
			>,
		>,
	> {
		let operator: [u8; 32] = self.operator.id.clone().into();
		runtime_apis().inference_credits_api().operator_state(subxt::utils::AccountId32(operator))
	}

	/// Puts the accounts in place, unless an earlier run on this chain already did.
	pub async fn set_up(&mut self, chain: &Chain, signer: &TxSigner) -> Result<()> {
		let registered = chain.runtime_api(self.operator_state()).await?;
		if registered.is_some() && self.users.iter().all(|user| user.nonce > 0) {
			eprintln!("setup: accounts already in place");
			return Ok(());
		}
		let started = Instant::now();

		// 1. Alice funds everyone with HASH and DIEM.
		let mut hash_transfers: Vec<RuntimeCall> =
			self.users.iter().map(|user| hash_transfer(&user.id, HASH_PER_ACCOUNT)).collect();
		hash_transfers.push(hash_transfer(&self.operator.id, OPERATOR_FUNDS));
		hash_transfers.push(hash_transfer(&self.redeem_key.id, REDEEM_KEY_FUNDS));
		let diem_transfers: Vec<RuntimeCall> =
			self.users.iter().map(|user| diem_transfer(&user.id, DIEM_PER_ACCOUNT)).collect();
		let mut funding = Vec::new();
		for calls in
			hash_transfers.chunks(FUNDING_BATCH).chain(diem_transfers.chunks(FUNDING_BATCH))
		{
			let batch =
				RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: calls.to_vec() });
			funding.push(signer.sign(&mut self.alice, batch));
		}
		submit_all(chain, &funding).await?;
		self.wait_included(chain, &[&self.alice]).await?;
		eprintln!("setup: funded {} accounts", self.users.len());

		// 2. Everyone stakes; the operator registers; Alice (sudo) approves it.
		let mut stakes = Vec::new();
		for user in &mut self.users {
			stakes.push(signer.sign(
				user,
				RuntimeCall::ComputeStaking(pallet_compute_staking::Call::stake {
					amount: COMPUTE_STAKE,
				}),
			));
			stakes.push(signer.sign(
				user,
				RuntimeCall::InferenceCredits(pallet_inference_credits::Call::stake {
					amount: CREDIT_STAKE,
				}),
			));
		}
		stakes.push(signer.sign(
			&mut self.operator,
			RuntimeCall::InferenceCredits(pallet_inference_credits::Call::register_operator {
				metadata: b"diem-loadgen operator".to_vec(),
				redeem_key: self.redeem_key.id.clone(),
			}),
		));
		submit_all(chain, &stakes).await?;
		let waiting: Vec<&Account> = self.users.iter().chain([&self.operator]).collect();
		self.wait_included(chain, &waiting).await?;
		let approve =
			RuntimeCall::InferenceCredits(pallet_inference_credits::Call::approve_operator {
				operator: self.operator.id.clone(),
				capacity_per_epoch: Balance::MAX / 4,
			});
		let sudo = RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(approve) });
		let approval = signer.sign(&mut self.alice, sudo);
		submit_all(chain, &[approval]).await?;
		self.wait_included(chain, &[&self.alice]).await?;
		let state = chain.runtime_api(self.operator_state()).await?;
		if state.is_none() {
			return Err("setup: the operator is not registered (did a setup call fail?)".into());
		}
		eprintln!("setup: stakes and operator in place in {:.0?}", started.elapsed());
		Ok(())
	}

	/// Waits until each of `accounts` has its nonce on chain (its transactions are in the best
	/// block).
	async fn wait_included(&self, chain: &Chain, accounts: &[&Account]) -> Result<()> {
		let deadline = Instant::now() + STEP_TIMEOUT;
		loop {
			let nonces = nonces(chain, accounts.iter().copied()).await?;
			let behind = accounts.iter().zip(&nonces).filter(|(a, n)| **n < a.nonce).count();
			if behind == 0 {
				return Ok(());
			}
			if Instant::now() > deadline {
				return Err(format!(
					"setup: {behind} accounts' transactions not included within {STEP_TIMEOUT:?}"
				));
			}
			tokio::time::sleep(Duration::from_secs(1)).await;
		}
	}
}

fn hash_transfer(dest: &diem_runtime::AccountId, value: Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: dest.clone().into(),
		value,
	})
}

/// A DIEM transfer through `pallet-assets`' own call, keeping the sender alive.
pub(crate) fn diem_transfer(dest: &diem_runtime::AccountId, amount: Balance) -> RuntimeCall {
	RuntimeCall::Assets(polkadot_sdk::pallet_assets::Call::transfer_keep_alive {
		id: diem_primitives::diem::ASSET_ID.into(),
		target: dest.clone().into(),
		amount,
	})
}

/// Submits setup transactions one by one; any refusal stops the setup.
async fn submit_all(chain: &Chain, extrinsics: &[Vec<u8>]) -> Result<()> {
	for extrinsic in extrinsics {
		chain.submit(extrinsic).await.map_err(|e| format!("setup: {e}"))?;
	}
	Ok(())
}

/// The accounts' nonces at the best block, a bounded number of requests at a time.
async fn nonces<'a>(
	chain: &Chain,
	accounts: impl Iterator<Item = &'a Account>,
) -> Result<Vec<u32>> {
	futures::stream::iter(accounts.map(|account| chain.nonce(&account.id)))
		.buffered(256)
		.try_collect()
		.await
}
