//! The files of procedures' step photos: whether each is there and is a picture, for
//! `check`; their bytes, for a manual that prints them.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use super::Folder;
use super::attach::MAX_ATTACHMENT_BYTES;
use crate::model::{Field, ImageKind, Photos, Problem, Procedure, inside_workspace};

/// What a step photo's file turned out to be.
#[derive(Debug)]
pub(crate) enum PhotoFile {
    /// A picture the app can show and print.
    Picture,
    /// There is no file at the path.
    Missing,
    /// The file is there but is not a JPEG or a PNG (a folder counts as not a picture).
    NotAPicture,
    /// The system refused to read it.
    Unreadable(io::Error),
    /// A symbolic link: photos are copied in, never linked from elsewhere.
    Link,
}

/// Looks at the first bytes of the photo at `relative` (a path inside the workspace),
/// never at the whole file.
pub(crate) fn look(root: &Path, relative: &str) -> PhotoFile {
    let path = root.join(relative);
    if fs::symlink_metadata(&path).is_ok_and(|meta| meta.file_type().is_symlink()) {
        return PhotoFile::Link;
    }
    let file = match File::open(&path) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return PhotoFile::Missing,
        Err(error) => return PhotoFile::Unreadable(error),
    };
    if !file.metadata().is_ok_and(|meta| meta.is_file()) {
        return PhotoFile::NotAPicture;
    }
    let mut start = Vec::with_capacity(8);
    match file.take(8).read_to_end(&mut start) {
        Ok(_) => ImageKind::sniff(&start).map_or(PhotoFile::NotAPicture, |_| PhotoFile::Picture),
        Err(error) => PhotoFile::Unreadable(error),
    }
}

/// The problems with the files of a procedure's step photos, at the line of each path:
/// a missing or unreadable file is a warning (the procedure still works, and the manual
/// prints a placeholder), a file that is not a picture an error. Paths outside the
/// workspace are the model's error and are not opened.
pub(crate) fn step_photo_problems(root: &Path, procedure: &Procedure) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (n, step) in procedure.steps.iter().enumerate() {
        for (m, photo) in step.photos.iter().enumerate() {
            if !inside_workspace(photo) {
                continue;
            }
            let field = Field::at("steps").index(n).name("photos").index(m);
            let id = &step.id;
            match look(root, photo) {
                PhotoFile::Picture => {}
                PhotoFile::Missing => problems.push(Problem::warning(
                    field,
                    format!("step \"{id}\": the photo {photo} is missing; the manual prints \"photo missing\" in its place: attach it again, or take it out of the step"),
                )),
                PhotoFile::Unreadable(error) => problems.push(Problem::warning(
                    field,
                    format!("step \"{id}\": the photo {photo} could not be read ({error}); the manual prints \"photo missing\" in its place"),
                )),
                PhotoFile::Link => problems.push(Problem::error(
                    field,
                    format!("step \"{id}\": {photo} is a symbolic link; Right First does not follow links inside a workspace: copy the photo in its place"),
                )),
                PhotoFile::NotAPicture => problems.push(Problem::error(
                    field,
                    format!("step \"{id}\": {photo} is not a JPEG or PNG picture; attach a photo in its place"),
                )),
            }
        }
    }
    problems
}

impl Folder {
    /// The bytes of every step photo of `procedures` that reads as a JPEG or PNG of at most
    /// the attachment limit, for a manual; the others are left out, and print as missing.
    pub fn step_photos<'a>(&self, procedures: impl IntoIterator<Item = &'a Procedure>) -> Photos {
        let mut photos = Photos::default();
        for procedure in procedures {
            for photo in procedure.steps.iter().flat_map(|step| &step.photos) {
                if photos.get(photo).is_some() || !inside_workspace(photo) {
                    continue;
                }
                if matches!(look(&self.root, photo), PhotoFile::Link) {
                    continue;
                }
                if let Some(bytes) = read_picture(&self.root.join(photo)) {
                    photos.insert(photo.clone(), bytes);
                }
            }
        }
        photos
    }
}

/// The whole file, when it is a picture no larger than an attachment may be.
fn read_picture(path: &Path) -> Option<Vec<u8>> {
    let file = File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_ATTACHMENT_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_ATTACHMENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    let fits = bytes.len() as u64 <= MAX_ATTACHMENT_BYTES;
    (fits && ImageKind::sniff(&bytes).is_some()).then_some(bytes)
}
