//! Prints the figures of `docs/economics.md` from the curve code the runtime runs, and writes the
//! curve plot. `scripts/economics.sh` runs it and splices the tables into the document.
//!
//!   cargo run -p diem-primitives --example economics -- [SVG_PATH]

use diem_primitives::{
	curve::{self, CurveParams},
	diem, hash, Balance,
};
use std::fmt::Write as _;

fn whole(amount: Balance, unit: Balance) -> f64 {
	amount as f64 / unit as f64
}

fn curve_table(p: &CurveParams) -> Result<String, curve::CurveError> {
	let mut out = String::new();
	let _ = writeln!(out, "| DIEM supply | marginal rate (HASH/DIEM) | cost of the next 1 DIEM (HASH) | cost of the next 100 DIEM (HASH) | HASH locked for the whole supply | average HASH per DIEM |");
	let _ = writeln!(out, "|---:|---:|---:|---:|---:|---:|");
	for supply_diem in [
		0u128, 1_000, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 38_000, 45_000, 50_000, 56_900,
	] {
		let s = supply_diem * diem::UNIT;
		let rate = curve::marginal_rate(p, s)?;
		let next_one = curve::mint_cost(p, s, diem::UNIT)?;
		let next_hundred = curve::mint_cost(p, s, 100 * diem::UNIT)?;
		let all = curve::cumulative_cost(p, s)?;
		let average = if supply_diem == 0 {
			whole(rate, hash::UNIT)
		} else {
			whole(all, hash::UNIT) / supply_diem as f64
		};
		let _ = writeln!(
			out,
			"| {supply_diem} | {:.2} | {:.4} | {:.2} | {:.0} | {:.2} |",
			whole(rate, hash::UNIT),
			whole(next_one, hash::UNIT),
			whole(next_hundred, hash::UNIT),
			whole(all, hash::UNIT),
			average
		);
	}
	Ok(out)
}

/// HASH an operator earns per redeemed credit (1 credit = 1 staked DIEM for one day) when the
/// pool only holds the locked stake's forgone yield: `(1 − share) · yield · backing / 365 / utilisation`.
fn revenue_table() -> String {
	let mut out = String::new();
	let _ = writeln!(out, "| staking yield (per year) | locked-yield share | average backing (HASH/DIEM) | utilisation | operator revenue (HASH per credit) |");
	let _ = writeln!(out, "|---:|---:|---:|---:|---:|");
	for yield_rate in [0.05, 0.10, 0.20] {
		for share in [0.8, 0.6] {
			for backing in [90.0, 200.0] {
				for utilisation in [0.25, 1.0] {
					let revenue = (1.0 - share) * yield_rate * backing / 365.0 / utilisation;
					let _ = writeln!(
						out,
						"| {:.0} % | {:.0} % | {backing:.0} | {:.0} % | {revenue:.5} |",
						yield_rate * 100.0,
						share * 100.0,
						utilisation * 100.0
					);
				}
			}
		}
	}
	out
}

fn svg_plot(p: &CurveParams) -> Result<String, curve::CurveError> {
	let (width, height, margin) = (640.0, 400.0, 60.0);
	let cap = p.max_supply;
	let top_rate = whole(curve::marginal_rate(p, cap)?, hash::UNIT);
	let steps = 200u128;
	let mut points = String::new();
	for i in 0..=steps {
		let s = cap / steps * i;
		let rate = whole(curve::marginal_rate(p, s)?, hash::UNIT);
		let x = margin + (width - 2.0 * margin) * (i as f64 / steps as f64);
		let y = height - margin - (height - 2.0 * margin) * rate / top_rate;
		let _ = write!(points, "{x:.1},{y:.1} ");
	}
	let mut svg = String::new();
	let _ = writeln!(
		svg,
		r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">"#
	);
	let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
	let _ = writeln!(
		svg,
		r#"<line x1="{margin}" y1="{0}" x2="{1}" y2="{0}" stroke="black"/>"#,
		height - margin,
		width - margin
	);
	let _ = writeln!(
		svg,
		r#"<line x1="{margin}" y1="{margin}" x2="{margin}" y2="{0}" stroke="black"/>"#,
		height - margin
	);
	for tick in 0..=5u128 {
		let supply = whole(cap, diem::UNIT) * tick as f64 / 5.0;
		let x = margin + (width - 2.0 * margin) * tick as f64 / 5.0;
		let _ = writeln!(
			svg,
			r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle">{supply:.0}</text>"#,
			height - margin + 18.0
		);
		let rate = top_rate * tick as f64 / 5.0;
		let y = height - margin - (height - 2.0 * margin) * tick as f64 / 5.0;
		let _ = writeln!(
			svg,
			r#"<text x="{:.1}" y="{y:.1}" text-anchor="end">{rate:.0}</text>"#,
			margin - 6.0
		);
	}
	let _ = writeln!(
		svg,
		r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">DIEM supply</text>"#,
		width / 2.0,
		height - 15.0
	);
	let _ = writeln!(
		svg,
		r#"<text x="15" y="{:.1}" transform="rotate(-90 15 {:.1})" text-anchor="middle">HASH per DIEM (marginal rate)</text>"#,
		height / 2.0,
		height / 2.0
	);
	let _ = writeln!(
		svg,
		r##"<polyline fill="none" stroke="#c0392b" stroke-width="2" points="{}"/>"##,
		points.trim_end()
	);
	let _ = writeln!(
		svg,
		r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">rate(S) = R0 · exp(k · (S/T)³), R0 = 90, k = 2, T = 38,000</text>"#,
		width / 2.0,
		margin - 20.0
	);
	let _ = writeln!(svg, "</svg>");
	Ok(svg)
}

fn main() {
	let params = CurveParams::venice();
	let run = || -> Result<(), String> {
		let table = curve_table(&params).map_err(|e| format!("curve: {e:?}"))?;
		println!("<!-- curve-table -->\n{table}<!-- /curve-table -->");
		println!("<!-- revenue-table -->\n{}<!-- /revenue-table -->", revenue_table());
		if let Some(path) = std::env::args().nth(1) {
			let svg = svg_plot(&params).map_err(|e| format!("curve: {e:?}"))?;
			std::fs::write(&path, svg).map_err(|e| format!("cannot write {path}: {e}"))?;
		}
		Ok(())
	};
	if let Err(e) = run() {
		eprintln!("economics: {e}");
		std::process::exit(1);
	}
}
