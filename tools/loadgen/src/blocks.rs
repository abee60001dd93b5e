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
	/// Also write one JSON line per load (import and weight per block and per unit) here, for
	/// `diem-loadgen compare`.
	#[arg(long)]
	summary: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct CompareArgs {
	/// `LABEL=DIR`: a run's directory holding `results.jsonl` (from `run --results`) and
	/// `blocks.jsonl` (from `blocks --summary`); give two or more, the first is the base.
	#[arg(long = "run", required = true)]
	runs: Vec<String>,
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
	let mut summary = Vec::new();
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
		let units = value.get("units").and_then(serde_json::Value::as_f64).unwrap_or(0.0);
		let measured =
			value.get("measured_blocks").and_then(serde_json::Value::as_f64).unwrap_or(0.0);
		let per_block = if measured > 0.0 { units / measured } else { 0.0 };
		summary.push(serde_json::json!({
			"load": name,
			"blocks": import.len(),
			"weight_ms": avg(&weight),
			"build_ms": avg(&build),
			"import_ms": avg(&import),
			"worst_import_over_weight": max(&ratios),
			"units_per_block": per_block,
			"import_us_per_unit": if per_block > 0.0 { avg(&import) * 1000.0 / per_block } else { 0.0 },
		}));
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
	if let Some(path) = &args.summary {
		let text: String = summary.iter().map(|line| format!("{line}\n")).collect();
		std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
	}
	Ok(())
}

/// One run of `compare`: its label and, per load, the results and block lines.
struct Run {
	label: String,
	results: HashMap<String, serde_json::Value>,
	blocks: HashMap<String, serde_json::Value>,
	order: Vec<String>,
}

fn read_lines(path: &std::path::Path) -> Result<Vec<serde_json::Value>> {
	let text = std::fs::read_to_string(path)
		.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
	text.lines()
		.filter(|l| !l.trim().is_empty())
		.map(|l| {
			serde_json::from_str(l).map_err(|e| format!("{}: bad line {l}: {e}", path.display()))
		})
		.collect()
}

fn read_run(spec: &str) -> Result<Run> {
	let (label, dir) = spec
		.split_once('=')
		.filter(|(label, dir)| !label.is_empty() && !dir.is_empty())
		.ok_or_else(|| format!("--run {spec:?}: expected LABEL=DIR"))?;
	let dir = std::path::Path::new(dir);
	let by_load = |lines: Vec<serde_json::Value>| {
		lines
			.into_iter()
			.filter_map(|v| Some((v.get("load")?.as_str()?.to_string(), v)))
			.collect::<Vec<_>>()
	};
	let results = by_load(read_lines(&dir.join("results.jsonl"))?);
	let blocks = by_load(read_lines(&dir.join("blocks.jsonl"))?);
	Ok(Run {
		label: label.to_string(),
		order: results.iter().map(|(load, _)| load.clone()).collect(),
		results: results.into_iter().collect(),
		blocks: blocks.into_iter().collect(),
	})
}

/// Side by side: each load's finalized rate, its import time per unit and the import time of
/// its full blocks in every run, with the ratio of each run to the first.
pub fn compare(args: &CompareArgs) -> Result<()> {
	if args.runs.len() < 2 {
		return Err("compare needs two or more --run LABEL=DIR".into());
	}
	let runs = args.runs.iter().map(|spec| read_run(spec)).collect::<Result<Vec<_>>>()?;
	let base = &runs[0];
	let number = |v: Option<&serde_json::Value>, key: &str| {
		v.and_then(|v| v.get(key)).and_then(serde_json::Value::as_f64)
	};
	let cell = |v: Option<f64>, digits: usize| {
		v.map(|v| format!("{v:.digits$}")).unwrap_or_else(|| "-".into())
	};
	let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
		(Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
		_ => "-".into(),
	};
	for run in &runs[1..] {
		println!("{} against {}:", run.label, base.label);
		println!(
			"{:<24} {:>11} {:>11} {:>7} {:>13} {:>13} {:>8} {:>11} {:>11} {:>8} {:>9} {:>9}",
			"load",
			format!("per s {}", base.label),
			format!("per s {}", run.label),
			"ratio",
			format!("µs/unit {}", base.label),
			format!("µs/unit {}", run.label),
			"speedup",
			format!("import ms {}", base.label),
			format!("import ms {}", run.label),
			"speedup",
			"RSS MiB",
			"RSS MiB",
		);
		for load in &base.order {
			let (r0, r1) = (base.results.get(load), run.results.get(load));
			let (b0, b1) = (base.blocks.get(load), run.blocks.get(load));
			let (p0, p1) = (number(r0, "per_second"), number(r1, "per_second"));
			let (u0, u1) = (number(b0, "import_us_per_unit"), number(b1, "import_us_per_unit"));
			let (i0, i1) = (number(b0, "import_ms"), number(b1, "import_ms"));
			let (m0, m1) = (number(r0, "node_peak_rss_mib"), number(r1, "node_peak_rss_mib"));
			println!(
				"{:<24} {:>11} {:>11} {:>7} {:>13} {:>13} {:>8} {:>11} {:>11} {:>8} {:>9} {:>9}",
				load,
				cell(p0, 1),
				cell(p1, 1),
				ratio(p1, p0),
				cell(u0, 1),
				cell(u1, 1),
				ratio(u0, u1),
				cell(i0, 1),
				cell(i1, 1),
				ratio(i0, i1),
				cell(m0, 0),
				cell(m1, 0),
			);
		}
	}
	println!(
		"per s: finalized per second (limited by the block's weight, the same runtime in both runs \
		 unless the weights differ); µs/unit: re-executing the measured blocks, per transfer, \
		 payment, swap or voucher; speedup: the first run's time over this run's; RSS: the node's peak \
		 resident memory (the first run, this run)."
	);
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn compare_reads_runs_and_refuses_bad_ones() {
		let dir = std::env::temp_dir().join(format!("loadgen-compare-{}", std::process::id()));
		for (label, rate, import) in [("ci", 100.0, 400.0), ("production", 100.0, 150.0)] {
			let run = dir.join(label);
			std::fs::create_dir_all(&run).unwrap();
			std::fs::write(
				run.join("results.jsonl"),
				format!("{{\"load\":\"diem transfer\",\"per_second\":{rate}}}\n"),
			)
			.unwrap();
			std::fs::write(
				run.join("blocks.jsonl"),
				format!("{{\"load\":\"diem transfer\",\"import_us_per_unit\":{import},\"import_ms\":{import}}}\n"),
			)
			.unwrap();
		}
		let spec = |label: &str| format!("{label}={}", dir.join(label).display());
		let run = read_run(&spec("production")).unwrap();
		assert_eq!(run.order, ["diem transfer"]);
		assert!(compare(&CompareArgs { runs: vec![spec("ci"), spec("production")] }).is_ok());
		assert!(compare(&CompareArgs { runs: vec![spec("ci")] }).is_err());
		assert!(read_run("no-equals-sign").is_err());
		assert!(read_run(&format!("x={}", dir.join("missing").display())).is_err());
		std::fs::remove_dir_all(&dir).unwrap();
	}

	#[test]
	fn reads_build_and_import_lines() {
		let node = "2026-11-25 18:00:00 🎁 Prepared block for proposing at 12 (1234 ms) hash: 0xab; parent_hash: 0xcd; end: NoMoreTransactions; extrinsics_count: 7001";
		assert_eq!(build_times(node).get(&12), Some(&1234.0));
		let import = "2026-11-25 18:01:00 Block 12 with  7001 tx used  45.10% of its weight (   676,500,000 of  1,500,000,000 ns)";
		assert_eq!(import_times(import).get(&12), Some(&(676_500_000.0, 1_500_000_000.0)));
		assert!(import_times("Block nothing here").is_empty());
	}
}
