//! Signing keys: a dev name (`//Alice`), a secret URI (`//Alice//stash`, `0x<seed>`), or a
//! mnemonic with optional derivation and `///password`, in sr25519 (the default), ed25519 or
//! ecdsa. Secrets come from `--key`, `--key-file` or `DIEM_KEY` and are never printed: errors
//! name the source, not the secret.

use crate::chain::DiemConfig;
use crate::Error;
use diem_primitives::{
	voucher::{PayloadWrapping, Voucher},
	AccountId, Hash,
};
use polkadot_sdk::{
	sp_core::{ecdsa, ed25519, sr25519, Pair},
	sp_runtime::{traits::IdentifyAccount, MultiSigner},
};

/// A signature scheme a key can use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Scheme {
	Sr25519,
	Ed25519,
	Ecdsa,
}

/// A key pair the CLI signs transactions and vouchers with.
// One key per command: the size difference between the variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone)]
pub enum Key {
	Sr25519(sr25519::Pair),
	Ed25519(ed25519::Pair),
	Ecdsa(ecdsa::Pair),
}

impl Key {
	/// The key for `secret` (a secret URI or mnemonic). `source` names where it came from, for
	/// errors.
	pub fn from_secret(secret: &str, scheme: Scheme, source: &str) -> Result<Key, Error> {
		let secret = secret.trim();
		let invalid = |e: polkadot_sdk::sp_core::crypto::SecretStringError| {
			Error::Input(format!(
				"the key from {source} is not a valid secret URI or mnemonic ({e:?})"
			))
		};
		Ok(match scheme {
			Scheme::Sr25519 => {
				Key::Sr25519(sr25519::Pair::from_string(secret, None).map_err(invalid)?)
			}
			Scheme::Ed25519 => {
				Key::Ed25519(ed25519::Pair::from_string(secret, None).map_err(invalid)?)
			}
			Scheme::Ecdsa => Key::Ecdsa(ecdsa::Pair::from_string(secret, None).map_err(invalid)?),
		})
	}

	/// The account this key signs for (ecdsa: the blake2-256 hash of the public key).
	pub fn account_id(&self) -> AccountId {
		let signer: MultiSigner = match self {
			Key::Sr25519(pair) => pair.public().into(),
			Key::Ed25519(pair) => pair.public().into(),
			Key::Ecdsa(pair) => pair.public().into(),
		};
		signer.into_account()
	}

	/// Signs a voucher: `payer`'s allowance (the key's own account when `None`) pays `cumulative`
	/// credits at `operator` in `epoch` on the chain with `genesis_hash`.
	pub fn sign_voucher(
		&self,
		payer: Option<AccountId>,
		genesis_hash: Hash,
		epoch: u32,
		operator: &AccountId,
		cumulative: u128,
		wrapping: PayloadWrapping,
	) -> Voucher {
		match self {
			Key::Sr25519(pair) => {
				Voucher::sign(pair, payer, genesis_hash, epoch, operator, cumulative, wrapping)
			}
			Key::Ed25519(pair) => {
				Voucher::sign(pair, payer, genesis_hash, epoch, operator, cumulative, wrapping)
			}
			Key::Ecdsa(pair) => {
				Voucher::sign(pair, payer, genesis_hash, epoch, operator, cumulative, wrapping)
			}
		}
	}
}

impl subxt::tx::Signer<DiemConfig> for Key {
	fn account_id(&self) -> subxt::utils::AccountId32 {
		subxt::utils::AccountId32(self.account_id().into())
	}

	fn sign(&self, payload: &[u8]) -> subxt::utils::MultiSignature {
		match self {
			Key::Sr25519(pair) => subxt::utils::MultiSignature::Sr25519(pair.sign(payload).0),
			Key::Ed25519(pair) => subxt::utils::MultiSignature::Ed25519(pair.sign(payload).0),
			// Substrate ecdsa signs the blake2-256 hash of the payload, as the runtime verifies.
			Key::Ecdsa(pair) => subxt::utils::MultiSignature::Ecdsa(pair.sign(payload).0),
		}
	}
}

/// Parses an account: an SS58 address, a 0x-prefixed 32-byte hex account id, or a dev name
/// (`//Bob`: the sr25519 dev account, for dev chains).
pub fn parse_account(text: &str) -> Result<AccountId, Error> {
	use polkadot_sdk::sp_core::crypto::Ss58Codec;
	let text = text.trim();
	if let Some(name) = text.strip_prefix("//") {
		let pair = sr25519::Pair::from_string(&format!("//{name}"), None)
			.map_err(|_| Error::Input(format!("{text:?} is not a dev account name")))?;
		return Ok(MultiSigner::from(pair.public()).into_account());
	}
	if let Some(hex) = text.strip_prefix("0x") {
		let bytes = decode_hex(hex).ok_or_else(|| Error::Input(format!("{text:?} is not hex")))?;
		let bytes: [u8; 32] = bytes
			.try_into()
			.map_err(|_| Error::Input(format!("{text:?} is not 32 bytes of hex")))?;
		return Ok(bytes.into());
	}
	AccountId::from_ss58check(text)
		.map_err(|e| Error::Input(format!("{text:?} is not an SS58 address ({e:?})")))
}

/// An account as the CLI prints it: SS58 with the chain's prefix (42).
pub fn ss58(account: &AccountId) -> String {
	use polkadot_sdk::sp_core::crypto::{Ss58AddressFormat, Ss58Codec};
	account.to_ss58check_with_version(Ss58AddressFormat::custom(diem_primitives::SS58_PREFIX))
}

/// Hex without its `0x` (the callers require and strip it) into bytes; `None` if it is not hex.
pub fn decode_hex(hex: &str) -> Option<Vec<u8>> {
	polkadot_sdk::sp_core::bytes::from_hex(hex).ok()
}

/// Bytes as `0x`-prefixed lower-case hex.
pub fn encode_hex(bytes: &[u8]) -> String {
	polkadot_sdk::sp_core::bytes::to_hex(bytes, false)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn dev_names_addresses_and_hex_name_the_same_account() {
		let alice = parse_account("//Alice").ok();
		assert!(alice.is_some());
		let address = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
		assert_eq!(parse_account(address).ok(), alice);
		let hex = "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
		assert_eq!(parse_account(hex).ok(), alice);
		assert_eq!(alice.map(|a| ss58(&a)).as_deref(), Some(address));
	}

	#[test]
	fn bad_accounts_and_keys_are_input_errors_that_do_not_echo_the_secret() {
		for text in ["5Grwva", "0x1234", "0xzz", "hello"] {
			assert!(matches!(parse_account(text), Err(Error::Input(_))), "{text:?}");
		}
		let secret = "not a real mnemonic at all";
		match Key::from_secret(secret, Scheme::Sr25519, "--key") {
			Err(Error::Input(message)) => assert!(!message.contains(secret), "{message}"),
			_ => panic!("an invalid secret was accepted"),
		}
	}

	#[test]
	fn each_scheme_signs_vouchers_the_chain_verifies() {
		let operator = parse_account("//Ferdie").unwrap_or_else(|_| [7u8; 32].into());
		let genesis = Hash::repeat_byte(3);
		for scheme in [Scheme::Sr25519, Scheme::Ed25519, Scheme::Ecdsa] {
			let key = Key::from_secret("//Bob", scheme, "test").ok();
			let voucher = key.map(|key| {
				key.sign_voucher(None, genesis, 9, &operator, 500, PayloadWrapping::Raw)
			});
			assert!(voucher.as_ref().is_some_and(|v| v.verify(genesis, &operator)), "{scheme:?}");
			assert!(!voucher.is_some_and(|v| v.verify(Hash::repeat_byte(4), &operator)));
		}
	}
}
