//! `diem-cli`: see the library docs and `diem-cli --help`.

use clap::Parser;
use diem_cli::{cli::Cli, run};

#[tokio::main]
async fn main() {
	let cli = Cli::parse();
	let json = cli.json;
	match run(cli).await {
		Ok(output) if json => println!("{}", output.json),
		Ok(output) => println!("{}", output.text.trim_end()),
		Err(error) => {
			if json {
				println!("{}", error.to_json());
			}
			eprintln!("error: {error}");
			std::process::exit(error.exit_code());
		}
	}
}
