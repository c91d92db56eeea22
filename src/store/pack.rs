//! Bytes as text that `localStorage` keeps cheaply: 15 bits in each UTF-16 unit.
//!
//! The browser's quota counts UTF-16 units (about 5.24 million in Chromium), not
//! bytes, so two bytes of compressed data should cost about one unit. Each unit is
//! `BASE + (15 bits)`: U+0800..=U+87FF, clear of control characters, of `"` and
//! `\` (no escaping anywhere) and of the surrogate range (always a valid string).

const BASE: u32 = 0x0800;
const BITS: u32 = 15;

/// Packs `bytes`; the length is not recorded (the caller keeps it).
pub fn pack(bytes: &[u8]) -> String {
    let mut out = String::with_capacity((bytes.len() * 8).div_ceil(BITS as usize) * 3);
    let (mut acc, mut held) = (0u32, 0u32);
    let mut emit = |unit: u32| out.push(char::from_u32(BASE + unit).expect("below U+8800"));
    for &byte in bytes {
        acc = (acc << 8) | u32::from(byte);
        held += 8;
        if held >= BITS {
            held -= BITS;
            emit((acc >> held) & 0x7fff);
        }
    }
    if held > 0 {
        emit((acc << (BITS - held)) & 0x7fff);
    }
    out
}

/// Unpacks `len` bytes; `None` when the text is not a packing of that many bytes.
pub fn unpack(text: &str, len: usize) -> Option<Vec<u8>> {
    let units = text.chars().count();
    if units != (len * 8).div_ceil(BITS as usize) {
        return None;
    }
    let mut out = Vec::with_capacity(len);
    let (mut acc, mut held) = (0u32, 0u32);
    for c in text.chars() {
        let unit = u32::from(c).checked_sub(BASE).filter(|u| *u <= 0x7fff)?;
        acc = ((acc << BITS) | unit) & 0x3f_ffff;
        held += BITS;
        while held >= 8 && out.len() < len {
            held -= 8;
            out.push((acc >> held) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fifteen_bytes_take_eight_units() {
        assert_eq!(pack(&[0xff; 15]).chars().count(), 8);
        assert_eq!(pack(&[]), "");
        assert_eq!(unpack("", 0), Some(vec![]));
    }

    #[test]
    fn units_stay_in_the_safe_range() {
        for c in pack(&[0x00, 0xff, 0x5c, 0x22, 0xd8, 0x00, 0xdf, 0xff]).chars() {
            assert!((0x0800..=0x87ff).contains(&u32::from(c)), "{c:?}");
        }
    }

    #[test]
    fn foreign_text_is_refused() {
        assert_eq!(unpack("abc", 5), None);
        assert_eq!(unpack(&pack(&[1, 2, 3]), 7), None);
    }

    proptest! {
        #[test]
        fn bytes_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let packed = pack(&bytes);
            prop_assert_eq!(packed.chars().count(), (bytes.len() * 8).div_ceil(15));
            prop_assert_eq!(unpack(&packed, bytes.len()), Some(bytes));
        }
    }
}
