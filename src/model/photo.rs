//! Photos the workspace keeps: which bytes are a picture the app can show and print.

use std::collections::HashMap;

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

/// Whether `path` names a file inside the workspace: relative, with `/` separators, no
/// `\\`, no leading `/`, and no empty, `.` or `..` part, so it cannot lead out of the folder.
pub fn inside_workspace(path: &str) -> bool {
    !path.contains('\\')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// The bytes of photos by their path relative to the workspace, as the store read them, for
/// a document that prints them; a path not in it is a photo that could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Photos(HashMap<String, Vec<u8>>);

impl Photos {
    /// Keeps `bytes` as the photo at `path`.
    pub fn insert(&mut self, path: impl Into<String>, bytes: Vec<u8>) {
        self.0.insert(path.into(), bytes);
    }

    /// The bytes of the photo at `path`, if they were read.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.0.get(path).map(Vec::as_slice)
    }

    /// How many photos were read.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
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

    #[test]
    fn only_relative_paths_without_a_way_out_are_inside_the_workspace() {
        assert!(inside_workspace("attachments/procedures/scoop/cone.jpg"));
        assert!(inside_workspace("cone.png"));
        for outside in [
            "/etc/passwd",
            "../cone.jpg",
            "attachments/../../cone.jpg",
            "attachments\\cone.jpg",
            "C:\\photos\\cone.jpg",
            "attachments//cone.jpg",
            "./cone.jpg",
            "",
        ] {
            assert!(!inside_workspace(outside), "{outside}");
        }
    }
}
