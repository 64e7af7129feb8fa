//! Fish's own Berkeley DB: 5.3.28 vendored in `vendor/`, Debian's fixes and
//! Fish's patches applied from `patches/series`, built by `build.rs` as a
//! static library. `ffi` is bindgen's output over its `db.h`, generated
//! ahead of time (`regenerate-bindings`) so that building needs no clang.
//! `patches/README.md` lists the patches and how to work on them.

/// The C API of `db.h`, as bindgen writes it.
#[allow(non_upper_case_globals, non_camel_case_types, non_snake_case, unused, clippy::all)]
pub mod ffi {
    include!("bindings.rs");
}
