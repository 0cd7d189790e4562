//! Photos the workspace keeps: which bytes are a picture the app can show and print.

/// The kinds of picture a photo may be; anything else is refused on attach and reported by `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    /// A JPEG file, as phones take them.
    Jpeg,
    /// A PNG file, as screenshots and drawings are saved.
    Png,
}

impl ImageKind {
    /// The kind of picture `bytes` hold, read from their first bytes, never from a file name.
    pub fn sniff(bytes: &[u8]) -> Option<ImageKind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageKind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageKind::Png)
        } else {
            None
        }
    }

    /// The file extension a copy of this kind is given, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "jpg",
            ImageKind::Png => "png",
        }
    }
}

/// The folder, relative to the workspace, that a procedure's step photos are copied into.
pub fn step_photo_folder(procedure: &str) -> String {
    format!("attachments/procedures/{procedure}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_are_told_by_their_first_bytes() {
        assert_eq!(
            ImageKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0]),
            Some(ImageKind::Jpeg)
        );
        assert_eq!(
            ImageKind::sniff(b"\x89PNG\r\n\x1a\n\0\0"),
            Some(ImageKind::Png)
        );
        assert_eq!(ImageKind::sniff(b"GIF89a"), None);
        assert_eq!(ImageKind::sniff(b"\x89PNG"), None);
        assert_eq!(ImageKind::sniff(b""), None);
    }
}
