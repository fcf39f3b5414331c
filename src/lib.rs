//! factcheck: checks the numbers in Vietnamese news summaries and translations
//! against the English original. See ARCHITECTURE.md for the data flow.

pub mod align;
pub mod catalogue;
pub mod chars;
pub mod check;
pub mod claim;
pub mod compare;
pub mod config;
pub mod diagnostic;
mod entities;
pub mod examples;
pub mod extract;
pub mod formats;
pub mod input;
pub mod lang;
pub mod normalize;
pub mod origin;
pub mod render;
pub mod segment;
pub mod tokenize;
