//! # inspection-timeline
//!
//! An interactive timeline of inspection ratings and monitoring visits, for news pages.
//!
//! ```text
//! &str ──model::parse──▶ Timeline ──layout::layout(&Timeline, &LayoutConfig)──▶ Scene (CSS px)
//!                                                         │
//!      render::render(&area, &scene, &theme, scale)   scene.hit_test(p)   interact::State::step
//!      (any plotters DrawingBackend: canvas in the    → Option<usize>     → new state + effect
//!       browser, SVG natively)
//! ```
//!
//! Everything but [`web`] is pure Rust with no browser, clock, locale or I/O, and is tested
//! natively. Geometry is in CSS pixels with y pointing down; device pixels appear only when
//! painting (the `scale` argument of [`render::render`]).

pub mod date;
pub mod interact;
pub mod json;
pub mod layout;
pub mod model;
pub mod render;
pub mod scale;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use model::{parse, Problem, Timeline};
