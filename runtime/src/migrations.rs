//! Storage migrations, run once by `frame_system` (`SingleBlockMigrations`) on the first block
//! after a runtime upgrade (`set_code`).
//!
//! Every pallet declares its `STORAGE_VERSION`; a change to a pallet's storage layout bumps it
//! and adds a `VersionedMigration` (from version, to version) to this tuple, so a migration runs
//! exactly once and is skipped on chains already at the new version. Remove entries once every
//! live network has upgraded past them.

/// The migrations of the next runtime upgrade. Empty: no live network predates this runtime.
pub type Migrations = ();
