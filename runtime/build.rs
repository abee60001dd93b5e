//! Builds the runtime's wasm blob (embedded in the native crate as `WASM_BINARY`) and, beside it,
//! the same runtime as its next release (feature `next-spec-version`: `spec_version` + 1) for the
//! runtime-upgrade test (`node/tests/runtime_upgrade.rs` installs it with `set_code`). Both are
//! built in one wasm workspace, so the second reuses every compiled dependency and costs one
//! more compile of this crate; it is written as `diem_runtime_next.compact.compressed.wasm` and
//! never embedded.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("HASH", 12)
		.build();
	build_next_release();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
	build_next_release();
}

/// The next-release blob. `set_file_name` also names the blob, so it cannot replace the
/// runtime's own.
#[cfg(feature = "std")]
fn build_next_release() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_feature("next-spec-version")
		.set_file_name("diem_runtime_next")
		.build();
}

#[cfg(not(feature = "std"))]
fn main() {}
