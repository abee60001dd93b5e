//! libFuzzer's entry point: one input, one fresh dev chain (see the crate docs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
	diem_runtime_fuzz::run(data);
});
