//! The `deskhand` binary: everything happens in [`deskhand::run`]; only `main` exits.

fn main() -> std::process::ExitCode {
    deskhand::run(std::env::args_os())
}
