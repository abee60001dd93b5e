//! The epoch clock: its start, long gaps and length changes.

use super::*;

#[test]
fn the_clock_starts_at_the_first_timestamp_and_counts_from_the_unix_epoch() {
	ExtBuilder.build_and_execute(|| {
		let clock = Credits::epoch_clock().unwrap();
		assert_eq!(clock.current, EpochInfo { index: FIRST_EPOCH, start: START, length: EPOCH });
		assert_eq!(clock.next_start, START + EPOCH);
		advance(EPOCH - 1);
		assert_eq!(current_epoch(), FIRST_EPOCH);
		advance(1);
		assert_eq!(current_epoch(), FIRST_EPOCH + 1);
		assert!(credit_events().contains(&Event::EpochStarted {
			index: FIRST_EPOCH + 1,
			start: START + EPOCH,
			length: EPOCH
		}));
	});
}

#[test]
fn a_long_gap_skips_epoch_numbers_in_one_step_without_going_back() {
	ExtBuilder.build_and_execute(|| {
		advance(5 * EPOCH + 123);
		let clock = Credits::epoch_clock().unwrap();
		assert_eq!(clock.current.index, FIRST_EPOCH + 5);
		assert_eq!(clock.current.start, START + 5 * EPOCH);
	});
}

#[test]
fn a_new_epoch_length_applies_from_the_next_boundary_only() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Credits::set_epoch_length(signed(&alice()), 2 * EPOCH),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credits::set_epoch_length(RuntimeOrigin::root(), 1),
			Error::<Test>::InvalidEpochLength
		);
		advance(EPOCH / 2);
		assert_ok!(Credits::set_epoch_length(RuntimeOrigin::root(), 2 * EPOCH));
		let clock = Credits::epoch_clock().unwrap();
		assert_eq!((clock.current.length, clock.next_length), (EPOCH, 2 * EPOCH));
		goto_epoch(FIRST_EPOCH + 1, 0);
		let clock = Credits::epoch_clock().unwrap();
		assert_eq!(
			clock.current,
			EpochInfo { index: FIRST_EPOCH + 1, start: START + EPOCH, length: 2 * EPOCH }
		);
		// A gap of three new-length epochs: numbers continue from the boundary, not from 1970.
		advance(3 * 2 * EPOCH);
		assert_eq!(current_epoch(), FIRST_EPOCH + 4);
	});
}

#[test]
fn no_epoch_before_the_first_timestamp() {
	let mut ext = ExtBuilder.build();
	ext.execute_with(|| {
		CurrentEpoch::<Test>::kill();
		assert_noop!(Credits::stake(signed(&alice()), UNIT), Error::<Test>::NoEpoch);
		assert!(Credits::epoch_clock().is_none());
	});
}
