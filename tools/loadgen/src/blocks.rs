//! Real execution against weight: for the blocks each load measured, how long the node took to
//! build them (its `Prepared block for proposing` log lines) and to import them again
//! (`diem-node benchmark block`), next to the weight they were charged.

use crate::chain::Result;
use std::{collections::HashMap, path::PathBuf};

#[derive(clap::Args)]
pub struct BlocksArgs {
	/// The JSON lines `diem-loadgen run --results` wrote.
	#[arg(long)]
	results: PathBuf,
	/// The node's log during the run.
	#[arg(long)]
	node_log: PathBuf,
	/// The output of `diem-node benchmark block` over those blocks.
	#[arg(long)]
	import_log: PathBuf,
}

/// Build time (ms) of each block the node authored, from its log.
fn build_times(log: &str) -> HashMap<u32, f64> {
	let mut times = HashMap::new();
	for line in log.lines() {
		let Some(rest) = line.split("Prepared block for proposing at ").nth(1) else { continue };
		let mut parts = rest.split_whitespace();
		let number = parts.next().and_then(|n| n.parse::<u32>().ok());
		let ms = parts.next().and_then(|t| t.trim_start_matches('(').parse::<f64>().ok());
		if let (Some(number), Some(ms)) = (number, ms) {
			times.insert(number, ms);
		}
	}
	times
}

/// Import time and charged weight (both ns) of each block, from `benchmark block` output:
/// `Block N with X tx used P% of its weight (TOOK of CONSUMED ns)`.
fn import_times(log: &str) -> HashMap<u32, (f64, f64)> {
	let mut times = HashMap::new();
	for line in log.lines() {
		let Some(rest) = line.split("Block ").nth(1) else { continue };
		let number = rest.split_whitespace().next().and_then(|n| n.parse::<u32>().ok());
		let Some(inside) = rest.split('(').nth(1) else { continue };
		let mut numbers = inside.split(" of ").map(|part| {
			part.trim().trim_end_matches(" ns)").trim_end_matches("ns)").replace(',', "")
		});
		let took = numbers.next().and_then(|n| n.trim().parse::<f64>().ok());
		let weight = numbers
			.next()
			.and_then(|n| n.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()));
		if let (Some(number), Some(took), Some(weight)) = (number, took, weight) {
			times.insert(number, (took, weight));
		}
	}
	times
}

pub fn report(args: &BlocksArgs) -> Result<()> {
	let read = |path: &PathBuf| {
		std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
	};
	let results = read(&args.results)?;
	let builds = build_times(&read(&args.node_log)?);
	let imports = import_times(&read(&args.import_log)?);
	if imports.is_empty() {
		return Err(format!("no block timings in {}", args.import_log.display()));
	}
	println!(
		"{:<24} {:>6} {:>11} {:>13} {:>13} {:>14} {:>14}",
		"load", "blocks", "weight ms", "build ms", "import ms", "import/weight", "headroom"
	);
	let mut over_weight = 0;
	for line in results.lines().filter(|l| !l.trim().is_empty()) {
		let value: serde_json::Value =
			serde_json::from_str(line).map_err(|e| format!("bad results line {line}: {e}"))?;
		let name = value.get("load").and_then(serde_json::Value::as_str).unwrap_or("?");
		let (Some(first), Some(last)) = (
			value.pointer("/first_block").and_then(serde_json::Value::as_u64),
			value.pointer("/last_block").and_then(serde_json::Value::as_u64),
		) else {
			return Err(format!("results line without a block range: {line}"));
		};
		let range = u32::try_from(first).unwrap_or(u32::MAX)..=u32::try_from(last).unwrap_or(0);
		let mut weight = Vec::new();
		let mut import = Vec::new();
		let mut build = Vec::new();
		for number in range {
			if let Some((took, charged)) = imports.get(&number) {
				import.push(took / 1e6);
				weight.push(charged / 1e6);
				if took > charged {
					over_weight += 1;
				}
			}
			if let Some(ms) = builds.get(&number) {
				build.push(*ms);
			}
		}
		if import.is_empty() {
			return Err(format!("{name}: no import timings for blocks #{first}..#{last}"));
		}
		let avg = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
		let max = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
		let ratios: Vec<f64> = import.iter().zip(&weight).map(|(i, w)| i / w.max(1e-9)).collect();
		println!(
			"{:<24} {:>6} {:>11.1} {:>6.1} (≤{:>4.0}) {:>6.1} (≤{:>4.0}) {:>13.0}% {:>13.1}×",
			name,
			import.len(),
			avg(&weight),
			avg(&build),
			max(&build),
			avg(&import),
			max(&import),
			max(&ratios) * 100.0,
			1.0 / max(&ratios).max(1e-9),
		);
	}
	println!(
		"weight ms: weight the block was charged (all classes); build: the author's proposing time; \
		 import: re-executing the block (average of the repeats); import/weight: the worst block; \
		 headroom: weight ÷ import time of that block."
	);
	if over_weight > 0 {
		println!("{over_weight} blocks took longer to import than their weight: weights too low");
	} else {
		println!("every measured block imported within its weight");
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn reads_build_and_import_lines() {
		let node = "2026-11-25 18:00:00 🎁 Prepared block for proposing at 12 (1234 ms) hash: 0xab; parent_hash: 0xcd; end: NoMoreTransactions; extrinsics_count: 7001";
		assert_eq!(build_times(node).get(&12), Some(&1234.0));
		let import = "2026-11-25 18:01:00 Block 12 with  7001 tx used  45.10% of its weight (   676,500,000 of  1,500,000,000 ns)";
		assert_eq!(import_times(import).get(&12), Some(&(676_500_000.0, 1_500_000_000.0)));
		assert!(import_times("Block nothing here").is_empty());
	}
}
