//! The origins of the DIEM chain's own referendum tracks, and the choice of track timing.
//!
//! A referendum on a track dispatches its call from the track's origin. Root is
//! `frame_system`'s; the four below are this pallet's, each reaching only the calls the runtime
//! wires to it:
//!
//! | origin | reaches |
//! |---|---|
//! | `WhitelistedCaller` | a call the technical committee whitelisted (`Whitelist::dispatch_whitelisted_call`) |
//! | `DiemAdmin` | the curve and minting (`Diem`), staking emissions and bounds (`ComputeStaking`), the epoch length (`InferenceCredits`) |
//! | `OperatorAdmin` | approving, slashing and voiding operators (`InferenceCredits`) |
//! | `ValidatorAdmin` | the validator set and session length (`ValidatorSet`) |
//!
//! polkadot-sdk has no pallet that declares a runtime's own origins (each relay runtime writes
//! its own small one, as this is); the pallet has no calls, only the origin enum and one
//! genesis flag, [`FastTracks`], that picks the tracks' timing (see [`super::tracks`]).

pub use pallet::*;

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use polkadot_sdk::frame_support::{pallet_prelude::*, traits::BuildGenesisConfig};

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The origin a referendum on one of the chain's own tracks dispatches from.
	#[derive(
		PartialEq,
		Eq,
		Clone,
		Copy,
		MaxEncodedLen,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// A call the technical committee whitelisted, passed on the fast track.
		WhitelistedCaller,
		/// DIEM's economics: the curve, minting, staking emissions and the epoch length.
		DiemAdmin,
		/// Inference operators: approval, slashing, voiding.
		OperatorAdmin,
		/// The validator set.
		ValidatorAdmin,
	}

	/// Whether the tracks run on their short development timing (set at genesis, never
	/// changed: `--dev` only, so a referendum passes in minutes).
	#[pallet::storage]
	pub type FastTracks<T> = StorageValue<_, bool, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(polkadot_sdk::frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Short track periods for development chains.
		pub fast_tracks: bool,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			FastTracks::<T>::put(self.fast_tracks);
		}
	}
}

/// `EnsureOrigin` for each of [`Origin`]'s variants: it accepts exactly that origin.
macro_rules! ensure_track_origin {
	($($name:ident),+ $(,)?) => {$(
		#[doc = concat!("Accepts exactly [`Origin::", stringify!($name), "`].")]
		pub struct $name;
		impl<O> polkadot_sdk::frame_support::traits::EnsureOrigin<O> for $name
		where
			O: Into<Result<Origin, O>> + From<Origin>,
		{
			type Success = ();
			fn try_origin(o: O) -> Result<(), O> {
				match o.into() {
					Ok(Origin::$name) => Ok(()),
					Ok(other) => Err(O::from(other)),
					Err(o) => Err(o),
				}
			}
			#[cfg(feature = "runtime-benchmarks")]
			fn try_successful_origin() -> Result<O, ()> {
				Ok(O::from(Origin::$name))
			}
		}
	)+};
}

ensure_track_origin!(WhitelistedCaller, DiemAdmin, OperatorAdmin, ValidatorAdmin);
