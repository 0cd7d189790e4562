//! A quick reader for record files as Right First writes them, beside ron's full one.
//!
//! Five years of orders are a hundred thousand files, and ron's parser, which reads every
//! form RON allows, spent four times as long on them as the system took to hand over their
//! bytes. This reader knows only the forms [`super::format::print`] writes and an owner
//! keeps when editing by hand: structs with or without their name, fields, lists, strings
//! with the common escapes, plain numbers, `true`/`false`, enum variants with or without
//! one value, and optional fields written bare or as `None`. On anything else (a comment,
//! `Some(...)`, a raw string, a number in another base, a mistake) it gives up at once and
//! the caller reads the text with ron, which gives the answer or the error with its line
//! and column. So it never needs error messages of its own, and whatever it does accept,
//! it reads as ron would (tests/properties.rs holds it to that over random records and
//! random damage to their text).

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

/// Reads `text` as one record, or `None` for the caller to read it with ron.
pub fn parse<'de, T: Deserialize<'de>>(text: &'de str) -> Option<T> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        at: 0,
    };
    let value = T::deserialize(&mut reader).ok()?;
    reader.blank();
    (reader.at == reader.bytes.len()).then_some(value)
}

/// Why the quick reader gave up: nothing to say, since ron says it.
#[derive(Debug)]
pub struct GaveUp;

impl std::fmt::Display for GaveUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not in the form Right First writes")
    }
}

impl std::error::Error for GaveUp {}

impl de::Error for GaveUp {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        GaveUp
    }
}

type Result<T> = std::result::Result<T, GaveUp>;

struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    at: usize,
}

impl<'de> Reader<'de> {
    /// Steps over spaces, tabs and line ends (a comment is not read here: ron reads it).
    fn blank(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte after blanks, not taken.
    fn peek(&mut self) -> Option<u8> {
        self.blank();
        self.bytes.get(self.at).copied()
    }

    /// Takes `byte` after blanks, or gives up.
    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(GaveUp)
        }
    }

    /// An identifier: a letter or `_`, then letters, digits and `_`.
    fn identifier(&mut self) -> Result<&'de str> {
        self.blank();
        let start = self.at;
        match self.bytes.get(self.at) {
            Some(b) if b.is_ascii_alphabetic() || *b == b'_' => self.at += 1,
            _ => return Err(GaveUp),
        }
        while let Some(b) = self.bytes.get(self.at)
            && (b.is_ascii_alphanumeric() || *b == b'_')
        {
            self.at += 1;
        }
        // `r#name` is a raw identifier, `b"..."` a byte string: ron's to read.
        if matches!(self.bytes.get(self.at), Some(b'#' | b'"' | b'\'')) {
            return Err(GaveUp);
        }
        Ok(&self.text[start..self.at])
    }

    /// A string between double quotes, borrowed when it has no escapes.
    fn string(&mut self) -> Result<std::borrow::Cow<'de, str>> {
        self.expect(b'"')?;
        let start = self.at;
        loop {
            match self.bytes.get(self.at) {
                None => return Err(GaveUp),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(self.text[start..self.at - 1].into());
                }
                Some(b'\\') => break,
                // Control characters inside a string are ron's to judge.
                Some(b) if *b < 0x20 => return Err(GaveUp),
                Some(_) => self.at += 1,
            }
        }
        let mut owned = self.text[start..self.at].to_owned();
        loop {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(GaveUp);
            };
            match b {
                b'"' => {
                    self.at += 1;
                    return Ok(owned.into());
                }
                b'\\' => owned.push(self.escape()?),
                b if b < 0x20 => return Err(GaveUp),
                _ => {
                    // Copies one whole character, however many bytes it takes.
                    let rest = &self.text[self.at..];
                    let c = rest.chars().next().ok_or(GaveUp)?;
                    owned.push(c);
                    self.at += c.len_utf8();
                }
            }
        }
    }

    /// One escape in a string, from its backslash: the common ones and `\u{...}`, which
    /// ron writes for characters that do not print.
    fn escape(&mut self) -> Result<char> {
        let escaped = match self.bytes.get(self.at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'n') => '\n',
            Some(b't') => '\t',
            Some(b'r') => '\r',
            Some(b'0') => '\0',
            Some(b'u') if self.bytes.get(self.at + 2) == Some(&b'{') => {
                let digits = self.at + 3;
                let end = (self.bytes[digits..].iter())
                    .position(|b| *b == b'}')
                    .map(|n| digits + n)
                    .filter(|end| (1..=6).contains(&(end - digits)))
                    .ok_or(GaveUp)?;
                let hex = &self.text[digits..end];
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return Err(GaveUp);
                }
                let code = u32::from_str_radix(hex, 16).map_err(|_| GaveUp)?;
                self.at = end + 1;
                return char::from_u32(code).ok_or(GaveUp);
            }
            _ => return Err(GaveUp),
        };
        self.at += 2;
        Ok(escaped)
    }

    /// A plain number: `-`, digits, and for `float` a fraction and exponent; no leading
    /// zeros, no `+`, no `_`, no other base.
    fn number(&mut self, float: bool) -> Result<&'de str> {
        self.blank();
        let start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        let digits = |reader: &mut Self| {
            let from = reader.at;
            while reader.bytes.get(reader.at).is_some_and(u8::is_ascii_digit) {
                reader.at += 1;
            }
            reader.at - from
        };
        let whole = self.at;
        let count = digits(self);
        if count == 0 || (count > 1 && self.bytes[whole] == b'0') {
            return Err(GaveUp);
        }
        if float && self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return Err(GaveUp);
            }
        }
        if float && matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if self.bytes.get(self.at) == Some(&b'-') {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(GaveUp);
            }
        }
        // A number runs into the next separator, never into letters or dots.
        if matches!(self.bytes.get(self.at), Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'#'))
        {
            return Err(GaveUp);
        }
        Ok(&self.text[start..self.at])
    }

    /// Whether another item of a list or struct follows, before its `close`: the first
    /// (`first` says it is, and is cleared) unless `close` comes at once, a later one after
    /// a `,`. The `close` is taken where it comes.
    fn another(&mut self, first: &mut bool, close: u8) -> Result<bool> {
        if std::mem::take(first) {
            let empty = self.peek() == Some(close);
            if empty {
                self.at += 1;
            }
            return Ok(!empty);
        }
        self.next_or(close)
    }

    /// After an element of a list or struct: a comma (maybe trailing) or the `close`.
    /// `true` when the list goes on.
    fn next_or(&mut self, close: u8) -> Result<bool> {
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                if self.peek() == Some(close) {
                    self.at += 1;
                    Ok(false)
                } else {
                    Ok(true)
                }
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(false)
            }
            _ => Err(GaveUp),
        }
    }
}

macro_rules! integer {
    ($($method:ident $visit:ident $type:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let text = self.number(false)?;
            visitor.$visit(text.parse::<$type>().map_err(|_| GaveUp)?)
        }
    )*};
}

macro_rules! gives_up {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
            Err(GaveUp)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GaveUp;

    integer!(
        deserialize_u8 visit_u8 u8, deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32, deserialize_u64 visit_u64 u64,
        deserialize_i8 visit_i8 i8, deserialize_i16 visit_i16 i16,
        deserialize_i32 visit_i32 i32, deserialize_i64 visit_i64 i64
    );

    gives_up!(
        deserialize_any,
        deserialize_char,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_unit,
        deserialize_map,
        deserialize_ignored_any,
        deserialize_u128,
        deserialize_i128
    );

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let text = self.number(true)?;
        visitor.visit_f64(text.parse().map_err(|_| GaveUp)?)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let text = self.number(true)?;
        visitor.visit_f32(text.parse().map_err(|_| GaveUp)?)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.identifier()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GaveUp),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            std::borrow::Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            std::borrow::Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // `None`, or the value itself (implicit `Some`); `Some(...)` is ron's.
        let start = self.at;
        if self.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
            match self.identifier()? {
                "None" => return visitor.visit_none(),
                "Some" => return Err(GaveUp),
                _ => self.at = start,
            }
        }
        visitor.visit_some(self)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        visitor.visit_seq(Elements {
            reader: self,
            first: true,
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // `Name(` or a bare `(`; another name is ron's to refuse.
        if self.peek() != Some(b'(') && self.identifier()? != name {
            return Err(GaveUp);
        }
        self.expect(b'(')?;
        visitor.visit_map(Fields {
            reader: self,
            first: true,
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(Variant { reader: self })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }
}

/// The elements of a list.
struct Elements<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = GaveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.reader.another(&mut self.first, b']')? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// The fields of a struct, up to its `)`.
struct Fields<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> de::MapAccess<'de> for Fields<'_, 'de> {
    type Error = GaveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.reader.another(&mut self.first, b')')? {
            return Ok(None);
        }
        let key = seed.deserialize(&mut *self.reader)?;
        self.reader.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.reader)
    }
}

/// An enum's variant: its name, then nothing or `(value)`.
struct Variant<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'a, 'de> de::EnumAccess<'de> for Variant<'a, 'de> {
    type Error = GaveUp;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self)> {
        let name = self.reader.identifier()?;
        let variant = seed.deserialize(name.into_deserializer())?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = GaveUp;

    fn unit_variant(self) -> Result<()> {
        match self.reader.peek() {
            Some(b'(') => Err(GaveUp),
            _ => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.reader.expect(b'(')?;
        let value = seed.deserialize(&mut *self.reader)?;
        // `Value(65,)` is ron's.
        self.reader.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], _: V) -> Result<V::Value> {
        Err(GaveUp)
    }
}
