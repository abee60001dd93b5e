//! Accounts derived from a seed and transactions signed the way a wallet signs them: immortal,
//! explicit nonce, no tip, no metadata hash.

use crate::chain::{Chain, Result};
use codec::Encode;
use diem_runtime::{signing::SigningContext, RuntimeCall};
use polkadot_sdk::sp_core::{sr25519, Pair};

pub use diem_runtime::AccountId;

/// A key pair and the next nonce the load generator will use for it.
pub struct Account {
	pub pair: sr25519::Pair,
	pub id: AccountId,
	pub nonce: u32,
}

impl Account {
	/// The account of secret URI `uri` (e.g. `//Alice`, `//Alice//load//7`).
	pub fn from_uri(uri: &str) -> Result<Account> {
		let pair = sr25519::Pair::from_string(uri, None)
			.map_err(|e| format!("bad secret URI {uri}: {e:?}"))?;
		let id = AccountId::from(pair.public().0);
		Ok(Account { pair, id, nonce: 0 })
	}
}

/// Signs transactions for one chain (genesis and runtime version).
pub struct TxSigner {
	context: SigningContext,
}

impl TxSigner {
	pub fn new(chain: &Chain) -> Result<TxSigner> {
		// The calls are encoded with this workspace's runtime types: refuse another runtime.
		let native = diem_runtime::VERSION;
		if chain.spec_version != native.spec_version
			|| chain.transaction_version != native.transaction_version
		{
			return Err(format!(
				"the node runs spec {} / tx {}, this load generator was built for spec {} / tx {}",
				chain.spec_version,
				chain.transaction_version,
				native.spec_version,
				native.transaction_version
			));
		}
		// The versions match the native runtime's, which `SigningContext::new` signs for.
		Ok(TxSigner { context: SigningContext::new(chain.genesis) })
	}

	/// A signer for this workspace's runtime on a chain of no particular genesis: for computing
	/// weights offline, not for submitting.
	pub fn offline() -> TxSigner {
		TxSigner { context: SigningContext::new(Default::default()) }
	}

	/// `call` signed by `account` at its next nonce (which it then advances); SCALE-encoded as
	/// `author_submitExtrinsic` takes it.
	pub fn sign(&self, account: &mut Account, call: RuntimeCall) -> Vec<u8> {
		let extrinsic = self.context.sign(&account.pair, account.nonce, call);
		account.nonce = account.nonce.saturating_add(1);
		extrinsic.encode()
	}
}
