//! The fuzzer's input: a byte string read front to back. Every read may find the input used up
//! (`None`), which ends the run; nothing in the harness depends on the input's length otherwise.

use diem_primitives::{hash, Balance};

/// A cursor over the fuzzer's bytes.
pub struct Input<'a> {
	data: &'a [u8],
}

impl<'a> Input<'a> {
	pub fn new(data: &'a [u8]) -> Self {
		Self { data }
	}

	/// The next byte.
	pub fn byte(&mut self) -> Option<u8> {
		let (first, rest) = self.data.split_first()?;
		self.data = rest;
		Some(*first)
	}

	/// A choice among `count` options (`count` > 0).
	pub fn choice(&mut self, count: usize) -> Option<usize> {
		Some(usize::from(self.byte()?) % count.max(1))
	}

	/// One of `items`.
	pub fn pick<T: Clone>(&mut self, items: &[T]) -> Option<T> {
		let index = self.choice(items.len())?;
		items.get(index).cloned()
	}

	pub fn flag(&mut self) -> Option<bool> {
		Some(self.byte()? & 1 == 1)
	}

	/// Eight bytes, little-endian.
	pub fn u64(&mut self) -> Option<u64> {
		let mut bytes = [0u8; 8];
		for byte in &mut bytes {
			*byte = self.byte()?;
		}
		Some(u64::from_le_bytes(bytes))
	}

	/// An amount of HASH or DIEM base units, biased towards the edges that matter: zero, one,
	/// the existential deposits, whole units, more than anyone has, and the maximum.
	pub fn amount(&mut self) -> Option<Balance> {
		let scale = Balance::from(self.byte()?);
		Some(match self.choice(9)? {
			0 => 0,
			1 => 1,
			2 => hash::EXISTENTIAL_DEPOSIT,
			3 => diem_primitives::diem::EXISTENTIAL_DEPOSIT.saturating_mul(scale),
			4 => (hash::UNIT / 10).saturating_mul(scale),
			5 => hash::UNIT.saturating_mul(scale),
			6 => (1_000 * hash::UNIT).saturating_mul(scale),
			7 => Balance::MAX,
			_ => Balance::from(self.u64()?),
		})
	}
}
