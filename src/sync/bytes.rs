//! The compact binary a sync state is written in: LEB128 varints and
//! length-prefixed UTF-8, read strictly (an overlong varint, a length past
//! the end, invalid UTF-8 or an empty string is refused, never guessed at).

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub struct ByteWriter {
    pub bytes: Vec<u8>,
}

impl ByteWriter {
    pub fn byte(&mut self, value: u8) {
        self.bytes.push(value);
    }

    pub fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.bytes.push((value & 0x7f) as u8 | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }

    /// A string as its length then its UTF-8 bytes.
    pub fn text(&mut self, value: &str) {
        self.varint(value.len() as u64);
        self.bytes.extend_from_slice(value.as_bytes());
    }
}

/// Reads values back; every method is `None` on malformed input.
#[derive(Debug)]
pub struct ByteReader<'b> {
    rest: &'b [u8],
}

/// The longest string a state holds (a name, a URL): far past any real one.
pub const MAX_TEXT: usize = 2048;

impl<'b> ByteReader<'b> {
    pub fn new(bytes: &'b [u8]) -> ByteReader<'b> {
        ByteReader { rest: bytes }
    }

    pub fn remaining(&self) -> usize {
        self.rest.len()
    }

    pub fn at_end(&self) -> bool {
        self.rest.is_empty()
    }

    pub fn byte(&mut self) -> Option<u8> {
        let (first, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(*first)
    }

    pub fn take(&mut self, count: usize) -> Option<&'b [u8]> {
        let (head, rest) = self.rest.split_at_checked(count)?;
        self.rest = rest;
        Some(head)
    }

    /// A LEB128 varint in its shortest form, at most 64 bits.
    pub fn varint(&mut self) -> Option<u64> {
        let mut value: u64 = 0;
        for index in 0..10u32 {
            let byte = self.byte()?;
            let bits = u64::from(byte & 0x7f);
            let shift = index * 7;
            if shift == 63 && bits > 1 {
                return None;
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                // A final zero byte after the first is an overlong form.
                return (index == 0 || byte != 0).then_some(value);
            }
        }
        None
    }

    /// A non-empty UTF-8 string of at most [`MAX_TEXT`] bytes.
    pub fn text(&mut self) -> Option<String> {
        let length = usize::try_from(self.varint()?).ok()?;
        if length == 0 || length > MAX_TEXT {
            return None;
        }
        let bytes = self.take(length)?;
        String::from_utf8(bytes.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_overlong_forms_are_refused() {
        for value in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut writer = ByteWriter::default();
            writer.varint(value);
            let mut reader = ByteReader::new(&writer.bytes);
            assert_eq!(reader.varint(), Some(value));
            assert!(reader.at_end());
        }
        assert_eq!(ByteReader::new(&[0x80, 0x00]).varint(), None);
        assert_eq!(ByteReader::new(&[0xff; 10]).varint(), None);
        assert_eq!(ByteReader::new(&[0x80]).varint(), None);
    }

    #[test]
    fn texts_are_length_checked() {
        let mut writer = ByteWriter::default();
        writer.text("Zoë");
        assert_eq!(
            ByteReader::new(&writer.bytes).text().as_deref(),
            Some("Zoë")
        );
        assert_eq!(ByteReader::new(&[5, b'a']).text(), None);
        assert_eq!(ByteReader::new(&[0]).text(), None);
        assert_eq!(ByteReader::new(&[2, 0xc3, 0x28]).text(), None);
    }
}
