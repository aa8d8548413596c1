//! The dashboard files are embedded by a macro, which cargo cannot see
//! reading the folder: without this, a file added to `assets/` would be
//! missing from the binary until something else changed.
fn main() {
    println!("cargo::rerun-if-changed=assets");
}
