//! `diem-cli`: see the library docs and `diem-cli --help`.

use clap::Parser;
use diem_cli::{cli::Cli, run};
use std::io::Write;

#[tokio::main]
async fn main() {
	let cli = Cli::parse();
	let json = cli.json;
	let code = match run(cli).await {
		Ok(output) if json => print(&output.json.to_string()),
		Ok(output) => print(output.text.trim_end()),
		Err(error) => {
			if json {
				print(&error.to_json().to_string());
			}
			eprintln!("error: {error}");
			error.exit_code()
		}
	};
	std::process::exit(code);
}

/// Prints a line; a closed stdout (`diem-cli ... | head -1`) is not an error of the command,
/// which has already done its work, so it neither panics nor changes the exit code.
fn print(text: &str) -> i32 {
	let _ = writeln!(std::io::stdout().lock(), "{text}");
	0
}
