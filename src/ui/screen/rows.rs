//! How many rows a long list draws. Laying a row out shapes its text anew, which costs
//! about a tenth of a millisecond: a hundred rows drawn at once took more than the 8 ms a
//! frame has when a filter or a search changed them all (benches/ui.rs, "frames"). A list
//! draws a page, as many as a tall window shows, and a page more each time the user scrolls
//! to its end or presses the "more" button there; a new search or filter starts at one page
//! again.

use iced::Element;
use iced::widget::scrollable::Viewport;
use iced::widget::{button, text};

use crate::ui::text::{Text, fill};
use crate::ui::theme;

/// Rows drawn at first, and added each time: more than a 1440-pixel-high window shows.
pub const PAGE: usize = 40;
/// Rows drawn at most: past these, the list asks for a narrower search.
pub const MOST: usize = 400;

/// How many rows a list draws, for the search and filters `K` it was paged under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows<K> {
    shown: usize,
    of: Option<K>,
}

impl<K> Default for Rows<K> {
    fn default() -> Self {
        Rows {
            shown: PAGE,
            of: None,
        }
    }
}

impl<K: PartialEq> Rows<K> {
    /// The list is of `key` now: a page again where it was of another.
    pub fn of(&mut self, key: K) {
        if self.of.as_ref() != Some(&key) {
            self.shown = PAGE;
            self.of = Some(key);
        }
    }
}

impl<K> Rows<K> {
    /// How many rows to draw of a list of `total`.
    pub fn shown(&self, total: usize) -> usize {
        self.shown.min(total)
    }

    /// Whether a list of `total` has rows the user may still page to.
    pub fn has_more(&self, total: usize) -> bool {
        self.shown < total.min(MOST)
    }

    /// A page more, up to [`MOST`].
    pub fn more(&mut self) {
        self.shown = (self.shown + PAGE).min(MOST);
    }

    /// The list scrolled to `viewport`: near its end, a page more.
    pub fn scrolled(&mut self, viewport: Viewport) {
        if viewport.relative_offset().y > 0.9 {
            self.more();
        }
    }
}

/// What ends a list of `total` drawn as `rows` says: a button that draws a page more
/// (sending `more`) where there are rows to page to, `narrow` with the rows left where the
/// list is drawn as far as it goes (`{count}` in it is their number), nothing where every
/// row is drawn.
pub fn end<'a, K, M: Clone + 'a>(
    rows: &Rows<K>,
    total: usize,
    words: &Text,
    more: M,
    narrow: &str,
) -> Option<Element<'a, M>> {
    let left = total - rows.shown(total);
    if rows.has_more(total) {
        let count = left.min(PAGE).to_string();
        let label = fill(words.show_more, &[("count", &count)]);
        Some(
            button(text(label).size(theme::TEXT_SMALL))
                .style(button::secondary)
                .on_press(more)
                .into(),
        )
    } else if left > 0 {
        let said = fill(narrow, &[("count", &left.to_string())]);
        Some(text(said).style(theme::muted).into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_pages_up_to_its_end_and_starts_again_for_a_new_search() {
        let mut rows = Rows::default();
        rows.of("cone");
        assert_eq!(rows.shown(1_000), PAGE);
        assert_eq!(rows.shown(7), 7);
        assert!(rows.has_more(1_000) && !rows.has_more(PAGE));
        rows.more();
        assert_eq!(rows.shown(1_000), 2 * PAGE);
        rows.of("cone");
        assert_eq!(
            rows.shown(1_000),
            2 * PAGE,
            "the same search keeps its pages"
        );
        for _ in 0..100 {
            rows.more();
        }
        assert_eq!(rows.shown(1_000), MOST);
        assert!(!rows.has_more(1_000), "past MOST the search must narrow");
        rows.of("cones");
        assert_eq!(rows.shown(1_000), PAGE);
    }
}
