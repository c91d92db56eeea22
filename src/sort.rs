//! Stable sorting with one copy of the sorting code. The standard library's stable sort
//! is generic: each element type and comparator gets its own copy of it (about 4 KB of
//! wasm each, 46 KB across the app). Here only a list of positions is sorted, by one
//! non-generic function taking the comparison as `dyn Fn`; the elements then move into
//! that order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (like `sort_by`).
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// Sorts `items` by the key `key` gives, keeping equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts positions by `compare`: the one instance of the standard sort.
#[inline(never)]
pub fn sort_positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut list = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by_key(&mut list, |p| p.0);
        assert_eq!(list, vec![(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(list in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = list.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = list;
            theirs.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, theirs);
        }
    }
}
