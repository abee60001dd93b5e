//! The referendum tracks: who each one speaks for, what it costs to bring a referendum to a
//! decision on it, how long each phase lasts and how much approval and support it needs.
//!
//! Approval is the share of conviction-weighted votes that are aye; support is the share of
//! HASH's active issuance that voted aye (before conviction). Both thresholds fall linearly from
//! their ceiling at the start of the decision period to their floor at its end, so a proposal
//! that few people care about needs to wait out most of the period.
//!
//! Two timings, chosen at genesis by [`super::origins::FastTracks`]: the standard one for
//! networks people hold value on, and a fast one for `--dev` chains where a referendum passes in
//! under a minute (same deposits, same origins, periods of a few blocks).

use super::origins::Origin;
use crate::{Balance, BlockNumber, OriginCaller, RuntimeOrigin};
use alloc::borrow::Cow;
use diem_primitives::{
	hash::UNIT,
	time::{DAYS, HOURS, MINUTES},
};
use polkadot_sdk::{
	frame_support::traits::OriginTrait,
	frame_system::RawOrigin,
	pallet_referenda::{Curve, Track, TrackInfo},
	sp_runtime::Perbill,
};

/// Track ids. Root's is 0; the chain's own tracks are numbered from 10.
pub mod id {
	pub const ROOT: u16 = 0;
	pub const WHITELISTED_CALLER: u16 = 1;
	pub const DIEM_ADMIN: u16 = 10;
	pub const OPERATOR_ADMIN: u16 = 11;
	pub const VALIDATOR_ADMIN: u16 = 12;
}

/// The length of a track name as referenda stores it (its default, 25 bytes).
const NAME_LEN: usize = 25;

/// `name` as referenda stores it: the bytes, zero-padded.
const fn name(name: &str) -> [u8; NAME_LEN] {
	let bytes = name.as_bytes();
	let mut out = [0u8; NAME_LEN];
	let mut i = 0;
	while i < bytes.len() && i < NAME_LEN {
		out[i] = bytes[i];
		i += 1;
	}
	out
}

/// A threshold falling linearly from `ceil` % to `floor` % over the whole decision period.
const fn falling(ceil: u32, floor_permille: u32) -> Curve {
	Curve::LinearDecreasing {
		length: Perbill::one(),
		floor: Perbill::from_parts(floor_permille * 1_000_000),
		ceil: Perbill::from_percent(ceil),
	}
}

/// What differs between the tracks, in one row each (the table of `docs/governance.md`).
struct Terms {
	id: u16,
	name: &'static str,
	max_deciding: u32,
	decision_deposit: Balance,
	prepare: BlockNumber,
	decision: BlockNumber,
	confirm: BlockNumber,
	enactment: BlockNumber,
	/// Approval's ceiling (%) and floor (‰).
	approval: (u32, u32),
	/// Support's ceiling (%) and floor (‰).
	support: (u32, u32),
}

const fn track(t: Terms) -> Track<u16, Balance, BlockNumber> {
	Track {
		id: t.id,
		info: TrackInfo {
			name: name(t.name),
			max_deciding: t.max_deciding,
			decision_deposit: t.decision_deposit,
			prepare_period: t.prepare,
			decision_period: t.decision,
			confirm_period: t.confirm,
			min_enactment_period: t.enactment,
			min_approval: falling(t.approval.0, t.approval.1),
			min_support: falling(t.support.0, t.support.1),
		},
	}
}

/// The standard timing.
static STANDARD: [Track<u16, Balance, BlockNumber>; 5] = [
	track(Terms {
		id: id::ROOT,
		name: "root",
		max_deciding: 1,
		decision_deposit: 10_000 * UNIT,
		prepare: 2 * HOURS,
		decision: 14 * DAYS,
		confirm: DAYS,
		enactment: DAYS,
		approval: (100, 500),
		support: (25, 20),
	}),
	track(Terms {
		id: id::WHITELISTED_CALLER,
		name: "whitelisted_caller",
		max_deciding: 10,
		decision_deposit: 1_000 * UNIT,
		prepare: 10 * MINUTES,
		decision: 14 * DAYS,
		confirm: 10 * MINUTES,
		enactment: 10 * MINUTES,
		approval: (100, 500),
		support: (5, 5),
	}),
	track(Terms {
		id: id::DIEM_ADMIN,
		name: "diem_admin",
		max_deciding: 5,
		decision_deposit: 5_000 * UNIT,
		prepare: 2 * HOURS,
		decision: 14 * DAYS,
		confirm: DAYS,
		enactment: DAYS,
		approval: (100, 500),
		support: (20, 20),
	}),
	track(Terms {
		id: id::OPERATOR_ADMIN,
		name: "operator_admin",
		max_deciding: 10,
		decision_deposit: 1_000 * UNIT,
		prepare: HOURS,
		decision: 7 * DAYS,
		confirm: 12 * HOURS,
		enactment: HOURS,
		approval: (100, 500),
		support: (10, 10),
	}),
	track(Terms {
		id: id::VALIDATOR_ADMIN,
		name: "validator_admin",
		max_deciding: 5,
		decision_deposit: 2_000 * UNIT,
		prepare: 2 * HOURS,
		decision: 7 * DAYS,
		confirm: DAYS,
		enactment: HOURS,
		approval: (100, 500),
		support: (10, 10),
	}),
];

/// The development timing: the standard tracks with periods of a few blocks and a support
/// threshold one dev account's vote clears.
static FAST: [Track<u16, Balance, BlockNumber>; 5] = [
	fast(&STANDARD[0]),
	fast(&STANDARD[1]),
	fast(&STANDARD[2]),
	fast(&STANDARD[3]),
	fast(&STANDARD[4]),
];

const fn fast(standard: &Track<u16, Balance, BlockNumber>) -> Track<u16, Balance, BlockNumber> {
	let s = &standard.info;
	Track {
		id: standard.id,
		info: TrackInfo {
			name: s.name,
			max_deciding: s.max_deciding,
			decision_deposit: s.decision_deposit,
			prepare_period: 1,
			decision_period: 5 * MINUTES,
			confirm_period: 2,
			min_enactment_period: 1,
			min_approval: falling(100, 500),
			// 0.01 % of the issuance: one dev account's vote clears it, no vote does not.
			min_support: Curve::LinearDecreasing {
				length: Perbill::one(),
				floor: Perbill::from_parts(100_000),
				ceil: Perbill::from_parts(100_000),
			},
		},
	}
}

/// The chain's tracks, by the genesis timing.
pub struct DiemTracks;

impl polkadot_sdk::pallet_referenda::TracksInfo<Balance, BlockNumber> for DiemTracks {
	type Id = u16;
	type RuntimeOrigin = <RuntimeOrigin as OriginTrait>::PalletsOrigin;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<u16, Balance, BlockNumber>>> {
		let tracks: &'static [Track<u16, Balance, BlockNumber>] =
			if super::origins::FastTracks::<crate::Runtime>::get() { &FAST } else { &STANDARD };
		tracks.iter().map(Cow::Borrowed)
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<u16, ()> {
		match origin {
			OriginCaller::system(RawOrigin::Root) => Ok(id::ROOT),
			OriginCaller::Origins(Origin::WhitelistedCaller) => Ok(id::WHITELISTED_CALLER),
			OriginCaller::Origins(Origin::DiemAdmin) => Ok(id::DIEM_ADMIN),
			OriginCaller::Origins(Origin::OperatorAdmin) => Ok(id::OPERATOR_ADMIN),
			OriginCaller::Origins(Origin::ValidatorAdmin) => Ok(id::VALIDATOR_ADMIN),
			_ => Err(()),
		}
	}
}
