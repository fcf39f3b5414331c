//! The `factcheck` binary: everything that talks to a user (command line,
//! input gathering, output, subcommands) lives in `app/`; the checking itself
//! is the `factcheck` library.

mod app;

fn main() -> std::process::ExitCode {
    app::main()
}
