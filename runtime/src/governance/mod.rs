//! The chain's own parts of its governance: the origins of its referendum tracks
//! ([`origins`], a small pallet without calls) and the tracks themselves ([`tracks`]). The
//! pallets that run governance are polkadot-sdk's, configured in [`crate::configs::governance`];
//! `docs/governance.md` walks a proposal from submission to enactment.

pub mod origins;
pub mod tracks;
