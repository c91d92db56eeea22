//! Lists Webex gives a page at a time, read to their end. Webex may answer fewer items
//! than a page asked for, so a short page says nothing: a list paged by offset ends
//! with an empty page, one paged by `Link` headers (`/locations`) when no next page is
//! linked. Nothing is concluded from absence in a list not read to its end.

/// How far the reading of a paged list has come.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paging {
    /// Items received so far: the offset the next page starts at.
    pub received: usize,
    /// Pages read.
    pub pages: usize,
    /// The next page's path (relative to the base URL), for a list paged by `Link`.
    pub next: Option<String>,
}

/// What a page said of its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// More may follow: the next page is asked.
    More,
    /// The list was read to its end.
    End,
    /// More follows than is read at most: the list was not read to its end.
    TooLong,
}

impl Paging {
    /// A page of `received` items of a list paged by offset; at most `max_pages`.
    pub fn by_offset(&mut self, received: usize, max_pages: usize) -> Page {
        self.pages = self.pages.saturating_add(1);
        if received == 0 {
            return Page::End;
        }
        self.received = self.received.saturating_add(received);
        if self.pages >= max_pages {
            Page::TooLong
        } else {
            Page::More
        }
    }

    /// A page of `received` items of a list paged by `Link`, with the path of the next
    /// page if one is linked; at most `max_pages`.
    pub fn by_link(&mut self, received: usize, next: Option<String>, max_pages: usize) -> Page {
        self.pages = self.pages.saturating_add(1);
        self.received = self.received.saturating_add(received);
        self.next = None;
        match next {
            None => Page::End,
            Some(_) if self.pages >= max_pages => Page::TooLong,
            Some(next) => {
                self.next = Some(next);
                Page::More
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_short_page_is_not_the_end_of_a_list_paged_by_offset() {
        let mut paging = Paging::default();
        assert_eq!(paging.by_offset(30, 10), Page::More);
        assert_eq!(paging.by_offset(7, 10), Page::More);
        assert_eq!(paging.received, 37);
        assert_eq!(paging.by_offset(0, 10), Page::End);
        assert_eq!(paging.received, 37);
    }

    #[test]
    fn a_list_paged_by_link_ends_where_no_next_page_is_linked() {
        let mut paging = Paging::default();
        let next = Some("/locations?orgId=o&max=100&cursor=a".to_string());
        assert_eq!(paging.by_link(30, next.clone(), 10), Page::More);
        assert_eq!(paging.next, next);
        assert_eq!(paging.by_link(5, None, 10), Page::End);
        assert_eq!(paging.next, None);
    }

    #[test]
    fn a_list_longer_than_read_at_most_is_not_read_to_its_end() {
        let mut paging = Paging::default();
        assert_eq!(paging.by_offset(1, 2), Page::More);
        assert_eq!(paging.by_offset(1, 2), Page::TooLong);
        let mut paging = Paging::default();
        assert_eq!(paging.by_link(1, Some("/n".into()), 1), Page::TooLong);
        assert_eq!(paging.next, None);
    }

    proptest! {
        /// Whatever page sizes Webex picks, every item is counted once and the list
        /// ends exactly at its first empty page.
        #[test]
        fn pages_of_any_size_add_up(sizes in prop::collection::vec(1usize..200, 0..40)) {
            let mut paging = Paging::default();
            for size in &sizes {
                prop_assert_eq!(paging.by_offset(*size, 100), Page::More);
            }
            prop_assert_eq!(paging.by_offset(0, 100), Page::End);
            prop_assert_eq!(paging.received, sizes.iter().sum::<usize>());
        }
    }
}
