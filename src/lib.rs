//! # inspection-timeline
//!
//! An interactive timeline of inspection ratings and monitoring visits, for news pages.
//!
//! ```text
//! &str ─validate::parse─▶ Timeline ─Chronology::new─▶ Chronology (order, visit numbers, lanes)
//!                            │                          │
//!                            └──layout::layout(&Timeline, &Chronology, &LayoutConfig)──▶ Scene (CSS px)
//!                                                                                          │
//!  Theme ─Palette::new(&theme, &scale)─▶ Palette ─▶ render::render(&area, &scene, &palette, …)
//!                                                   (any plotters DrawingBackend: canvas in the
//!                                                    browser, SVG natively)
//!                                  scene.hit_test(p) → Option<usize>
//!                                  interact::State::step(input, &scene) → new state
//! ```
//!
//! Everything but [`web`] is pure Rust with no browser, clock, locale or I/O, and is tested
//! natively. Geometry is in CSS pixels with y pointing down; device pixels appear only when
//! painting (the `scale` argument of [`render::render`]).

pub mod chronology;
pub mod color;
pub mod date;
pub mod interact;
pub mod json;
pub mod layout;
pub mod model;
pub mod render;
pub mod scale;
pub mod sheet;
pub mod strings;
pub mod subjects;
pub mod text;
pub mod theme;
pub mod validate;
pub mod view;

/// The sheet reader alone, for pages whose `src` is a sheet published as CSV: a build of its
/// own (the `sheet` feature) that such pages load when they need it.
#[cfg(all(target_arch = "wasm32", feature = "sheet"))]
#[path = "web/sheet_reader.rs"]
pub mod sheet_reader;
#[cfg(all(target_arch = "wasm32", not(feature = "sheet")))]
pub mod web;

// Talc in place of Rust's default wasm allocator (dlmalloc): the same work in 1.8 KB less of
// the gzipped download every reader fetches, and no slower at 10,000 events (`make bench`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use chronology::Chronology;
pub use model::{parse, Problem, Timeline};
