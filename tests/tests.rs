//! Every integration test in one test binary (ripgrep's pattern): the library
//! is linked once instead of once per file. The command-line tests drive the
//! real binary; the modules are in `tests/suite/`.

mod common;

#[path = "suite/check_articles.rs"]
mod check_articles;
#[path = "suite/cli_catalogue.rs"]
mod cli_catalogue;
#[path = "suite/cli_check.rs"]
mod cli_check;
#[path = "suite/cli_ci.rs"]
mod cli_ci;
#[path = "suite/cli_config.rs"]
mod cli_config;
#[path = "suite/cli_edges.rs"]
mod cli_edges;
#[path = "suite/cli_extract.rs"]
mod cli_extract;
#[path = "suite/cli_formats.rs"]
mod cli_formats;
#[path = "suite/code_docs.rs"]
mod code_docs;
#[path = "suite/eval_corpora.rs"]
mod eval_corpora;
#[path = "suite/golden.rs"]
mod golden;
#[path = "suite/hostile.rs"]
mod hostile;
#[path = "suite/html_report.rs"]
mod html_report;
#[path = "suite/news_fixtures.rs"]
mod news_fixtures;
#[path = "suite/prop_numbers.rs"]
mod prop_numbers;
#[path = "suite/regressions.rs"]
mod regressions;
#[path = "suite/safe_write.rs"]
mod safe_write;
#[path = "suite/seed_extract.rs"]
mod seed_extract;
#[path = "suite/shapes.rs"]
mod shapes;
