//! Inference vouchers: what a payer (or a spender key it authorized) signs off-chain for an
//! operator, and what the operator redeems on-chain.
//!
//! A voucher states the **cumulative** credits its signer has consumed at one operator for one
//! payer in one epoch; the operator redeems the newest one it holds and is paid the difference
//! to what it already redeemed. The signed message is the SCALE encoding of [`VoucherPayload`]:
//!
//! ```text
//! ("diem/voucher", version, genesis hash, epoch, operator, payer, signer, cumulative)
//! ```
//!
//! The genesis hash, epoch, operator and signer in the payload make replay on another chain, in
//! another epoch, at another operator or under another key impossible by construction.
//!
//! Wallets sign either the bytes themselves ([`PayloadWrapping::Raw`]) or, as polkadot.js
//! `signRaw` does for text, the bytes wrapped in `<Bytes>`…`</Bytes>`
//! ([`PayloadWrapping::Bytes`]); the voucher carries which, so the chain checks one message.
//!
//! Signatures are [`MultiSignature`]s: sr25519, ed25519, or Substrate ecdsa. Substrate ecdsa
//! signs the blake2-256 hash of the message and the signer is the blake2-256 hash of the
//! compressed public key: it is **not** an Ethereum wallet (`personal_sign`, keccak) signature.
//!
//! With the `std` feature, [`Voucher::sign`] signs with any `sp_core` key pair:
//!
//! ```
//! use diem_primitives::voucher::{PayloadWrapping, SignatureScheme, Voucher};
//! use polkadot_sdk::sp_core::{sr25519, Pair, H256};
//!
//! let payer = sr25519::Pair::from_seed(&[2u8; 32]);
//! let operator: diem_primitives::AccountId = [7u8; 32].into();
//! let genesis = H256::repeat_byte(1);
//! let voucher = Voucher::sign(&payer, None, genesis, 20_417, &operator, 5_000, PayloadWrapping::Raw);
//! assert_eq!(voucher.scheme(), SignatureScheme::Sr25519);
//! assert!(voucher.verify(genesis, &operator));
//! assert!(!voucher.verify(H256::repeat_byte(2), &operator)); // another chain
//! ```

use crate::{AccountId, Balance, Hash};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_runtime::{traits::Verify, MultiSignature};
use scale_info::TypeInfo;

/// Epochs are counted from a fixed origin; see the credits pallet.
pub type EpochIndex = u32;

/// The domain tag that starts every voucher payload.
pub const VOUCHER_DOMAIN: [u8; 12] = *b"diem/voucher";
/// The payload version this chain accepts.
pub const VOUCHER_VERSION: u8 = 1;
/// What polkadot.js `signRaw` puts before the message it signs.
pub const BYTES_PREFIX: &[u8] = b"<Bytes>";
/// What polkadot.js `signRaw` puts after the message it signs.
pub const BYTES_SUFFIX: &[u8] = b"</Bytes>";

/// How the payload bytes were presented to the signer.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum PayloadWrapping {
	/// The SCALE-encoded payload itself.
	Raw,
	/// `<Bytes>` + payload + `</Bytes>`, as polkadot.js extensions sign raw data.
	Bytes,
}

/// The signature scheme of a voucher.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub enum SignatureScheme {
	/// Schnorrkel (the Substrate default).
	Sr25519,
	/// Ed25519.
	Ed25519,
	/// Substrate ecdsa (secp256k1 over the blake2-256 hash of the message).
	Ecdsa,
	/// secp256k1 over the keccak-256 hash of the raw message (`MultiSignature::Eth`). Not an
	/// Ethereum wallet's `personal_sign`, which prefixes the message; the chain refuses vouchers
	/// of this scheme (`Refusal::UnsupportedScheme`) before checking their signature.
	Eth,
}

/// The message a voucher's signer signs, SCALE-encoded.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct VoucherPayload {
	/// Always [`VOUCHER_DOMAIN`]: keeps a voucher signature from meaning anything else.
	pub domain: [u8; 12],
	/// Always [`VOUCHER_VERSION`].
	pub version: u8,
	/// The hash of the chain's genesis block.
	pub genesis_hash: Hash,
	/// The epoch whose allowance pays.
	pub epoch: EpochIndex,
	/// The operator that served and redeems.
	pub operator: AccountId,
	/// The account whose allowance pays.
	pub payer: AccountId,
	/// The key that signed: the payer itself or a spender it authorized.
	pub signer: AccountId,
	/// Credits consumed by `signer` for `payer` at `operator` in `epoch`, in total so far.
	pub cumulative: Balance,
}

impl VoucherPayload {
	/// A payload of the current version.
	pub fn new(
		genesis_hash: Hash,
		epoch: EpochIndex,
		operator: AccountId,
		payer: AccountId,
		signer: AccountId,
		cumulative: Balance,
	) -> Self {
		Self {
			domain: VOUCHER_DOMAIN,
			version: VOUCHER_VERSION,
			genesis_hash,
			epoch,
			operator,
			payer,
			signer,
			cumulative,
		}
	}

	/// The exact bytes the signer signs.
	pub fn signing_bytes(&self, wrapping: PayloadWrapping) -> Vec<u8> {
		let payload = self.encode();
		match wrapping {
			PayloadWrapping::Raw => payload,
			PayloadWrapping::Bytes => {
				let mut bytes =
					Vec::with_capacity(BYTES_PREFIX.len() + payload.len() + BYTES_SUFFIX.len());
				bytes.extend_from_slice(BYTES_PREFIX);
				bytes.extend_from_slice(&payload);
				bytes.extend_from_slice(BYTES_SUFFIX);
				bytes
			}
		}
	}
}

/// What a voucher says, without the chain and the signature: the input of
/// `InferenceCreditsApi::voucher_signing_bytes`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct VoucherTerms {
	/// The epoch whose allowance pays.
	pub epoch: EpochIndex,
	/// The operator that serves and redeems.
	pub operator: AccountId,
	/// The account whose allowance pays.
	pub payer: AccountId,
	/// The key that signs.
	pub signer: AccountId,
	/// Credits consumed so far.
	pub cumulative: Balance,
}

impl VoucherTerms {
	/// The payload of these terms on the chain `genesis_hash`.
	pub fn payload(self, genesis_hash: Hash) -> VoucherPayload {
		VoucherPayload::new(
			genesis_hash,
			self.epoch,
			self.operator,
			self.payer,
			self.signer,
			self.cumulative,
		)
	}
}

/// A signed voucher as an operator submits it. The operator and the chain are not in it: the
/// redeeming operator and the chain's genesis hash complete the payload.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Voucher {
	/// The epoch whose allowance pays.
	pub epoch: EpochIndex,
	/// The account whose allowance pays.
	pub payer: AccountId,
	/// The key that signed.
	pub signer: AccountId,
	/// Credits consumed so far (see [`VoucherPayload::cumulative`]).
	#[codec(compact)]
	pub cumulative: Balance,
	/// How the payload was presented to the signer.
	pub wrapping: PayloadWrapping,
	/// The signer's signature over [`VoucherPayload::signing_bytes`].
	pub signature: MultiSignature,
}

impl Voucher {
	/// The payload this voucher claims to sign, for `operator` on the chain `genesis_hash`.
	pub fn payload(&self, genesis_hash: Hash, operator: &AccountId) -> VoucherPayload {
		VoucherPayload::new(
			genesis_hash,
			self.epoch,
			operator.clone(),
			self.payer.clone(),
			self.signer.clone(),
			self.cumulative,
		)
	}

	/// The signature scheme, which decides the cost of [`Voucher::verify`].
	pub fn scheme(&self) -> SignatureScheme {
		match self.signature {
			MultiSignature::Sr25519(_) => SignatureScheme::Sr25519,
			MultiSignature::Ed25519(_) => SignatureScheme::Ed25519,
			MultiSignature::Ecdsa(_) => SignatureScheme::Ecdsa,
			MultiSignature::Eth(_) => SignatureScheme::Eth,
		}
	}

	/// Whether `signer` signed this voucher for `operator` on the chain `genesis_hash`.
	pub fn verify(&self, genesis_hash: Hash, operator: &AccountId) -> bool {
		let bytes = self.payload(genesis_hash, operator).signing_bytes(self.wrapping);
		self.signature.verify(&bytes[..], &self.signer)
	}

	/// Signs a voucher with `pair`. The signer is `pair`'s account; the payer is `payer`, or the
	/// signer itself when `None`.
	#[cfg(feature = "std")]
	pub fn sign<P>(
		pair: &P,
		payer: Option<AccountId>,
		genesis_hash: Hash,
		epoch: EpochIndex,
		operator: &AccountId,
		cumulative: Balance,
		wrapping: PayloadWrapping,
	) -> Self
	where
		P: polkadot_sdk::sp_core::Pair,
		P::Signature: Into<MultiSignature>,
		P::Public: Into<polkadot_sdk::sp_runtime::MultiSigner>,
	{
		use polkadot_sdk::sp_runtime::traits::IdentifyAccount;
		let signer: AccountId = pair.public().into().into_account();
		let payer = payer.unwrap_or_else(|| signer.clone());
		let payload = VoucherPayload::new(
			genesis_hash,
			epoch,
			operator.clone(),
			payer.clone(),
			signer.clone(),
			cumulative,
		);
		let signature = pair.sign(&payload.signing_bytes(wrapping)).into();
		Self { epoch, payer, signer, cumulative, wrapping, signature }
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use polkadot_sdk::sp_core::{ecdsa, ed25519, sr25519, Pair, H256};

	fn operator() -> AccountId {
		AccountId::new([9; 32])
	}

	fn genesis() -> Hash {
		H256::repeat_byte(0xab)
	}

	fn sign_with<P>(pair: &P, wrapping: PayloadWrapping) -> Voucher
	where
		P: Pair,
		P::Signature: Into<MultiSignature>,
		P::Public: Into<polkadot_sdk::sp_runtime::MultiSigner>,
	{
		Voucher::sign(pair, None, genesis(), 42, &operator(), 1_000, wrapping)
	}

	#[test]
	fn every_scheme_and_wrapping_verifies_and_names_its_scheme() {
		for wrapping in [PayloadWrapping::Raw, PayloadWrapping::Bytes] {
			let sr = sign_with(&sr25519::Pair::from_seed(&[1; 32]), wrapping);
			let ed = sign_with(&ed25519::Pair::from_seed(&[1; 32]), wrapping);
			let ec = sign_with(&ecdsa::Pair::from_seed(&[1; 32]), wrapping);
			assert_eq!(sr.scheme(), SignatureScheme::Sr25519);
			assert_eq!(ed.scheme(), SignatureScheme::Ed25519);
			assert_eq!(ec.scheme(), SignatureScheme::Ecdsa);
			for voucher in [sr, ed, ec] {
				assert!(voucher.verify(genesis(), &operator()), "{voucher:?}");
			}
		}
	}

	#[test]
	fn any_changed_field_breaks_the_signature() {
		let pair = sr25519::Pair::from_seed(&[2; 32]);
		let voucher = sign_with(&pair, PayloadWrapping::Raw);
		assert!(!voucher.verify(H256::repeat_byte(1), &operator()), "another chain");
		assert!(!voucher.verify(genesis(), &AccountId::new([8; 32])), "another operator");
		let tampered = [
			Voucher { epoch: 43, ..voucher.clone() },
			Voucher { cumulative: 1_001, ..voucher.clone() },
			Voucher { payer: AccountId::new([1; 32]), ..voucher.clone() },
			Voucher { signer: AccountId::new([1; 32]), ..voucher.clone() },
			Voucher { wrapping: PayloadWrapping::Bytes, ..voucher.clone() },
		];
		for voucher in tampered {
			assert!(!voucher.verify(genesis(), &operator()), "{voucher:?}");
		}
	}

	#[test]
	fn bytes_wrapping_is_what_polkadot_js_sign_raw_signs() {
		let payload = VoucherPayload::new(
			genesis(),
			1,
			operator(),
			AccountId::new([1; 32]),
			AccountId::new([2; 32]),
			5,
		);
		let raw = payload.signing_bytes(PayloadWrapping::Raw);
		let wrapped = payload.signing_bytes(PayloadWrapping::Bytes);
		assert_eq!(raw, payload.encode());
		assert_eq!(wrapped, [b"<Bytes>".as_slice(), &raw, b"</Bytes>"].concat());
		// The domain tag and version lead the message.
		assert_eq!(raw.get(..13), Some([b"diem/voucher".as_slice(), &[1]].concat().as_slice()));
	}

	#[test]
	fn a_payer_may_differ_from_the_signer() {
		let spender = ed25519::Pair::from_seed(&[3; 32]);
		let payer = AccountId::new([5; 32]);
		let voucher = Voucher::sign(
			&spender,
			Some(payer.clone()),
			genesis(),
			7,
			&operator(),
			10,
			PayloadWrapping::Raw,
		);
		assert_eq!(voucher.payer, payer);
		assert_ne!(voucher.signer, payer);
		assert!(voucher.verify(genesis(), &operator()));
	}
}
