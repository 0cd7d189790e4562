//! What this machine remembers between runs: the last workspace, who you are in each,
//! and your look and language. Kept in the user's config folder, never in the workspace.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::save::{Expect, write_atomic};
use super::{content_hash, format};

/// The machine's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The workspace opened last.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::serde_util::bare"
    )]
    pub last_workspace: Option<PathBuf>,
    /// Who uses this machine, per workspace folder: the person's id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub people: BTreeMap<PathBuf, String>,
    /// "en" or "nl" to override the workspace's language on this machine.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::serde_util::bare"
    )]
    pub language: Option<String>,
    /// "light" or "dark" to override the system's choice.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::serde_util::bare"
    )]
    pub theme: Option<String>,
    /// This machine's desk code (one or two capitals), picked once: new order and defect
    /// ids carry it so that two desks sharing a folder never make the same id.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::serde_util::bare"
    )]
    pub desk: Option<String>,
}

/// Where the config and the first-run sample live.
#[derive(Debug, Clone)]
pub struct Places {
    /// The config file.
    pub config: PathBuf,
    /// Where a first run puts the sample workspace.
    pub sample: PathBuf,
    /// Where a new business goes unless the user chooses a folder: the user's data folder.
    pub businesses: PathBuf,
}

impl Places {
    /// The user's folders, as the platform names them; `None` where there is no home.
    pub fn of_user() -> Option<Places> {
        let dirs = directories::ProjectDirs::from("", "", "rightfirst")?;
        Some(Places {
            config: dirs.config_dir().join("config.ron"),
            sample: dirs.data_dir().join("Sample business"),
            businesses: dirs.data_dir().to_path_buf(),
        })
    }
}

impl Config {
    /// Reads the config; a missing file is the default, a broken one an error in words.
    pub fn load(path: &Path) -> Result<Config, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => format::parse(&text).map_err(|error| format!("{}:{error}", path.display())),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(error) => Err(format!("{}: {error}", path.display())),
        }
    }

    /// Reads the config for a run of the window: the config, the file to save it back to,
    /// and what went wrong reading it. A file that is there but cannot be read gives no file
    /// to save to, so that it is never written over: the defaults hold until the run ends.
    pub fn open(path: &Path) -> (Config, Option<PathBuf>, Option<String>) {
        match Config::load(path) {
            Ok(config) => (config, Some(path.to_path_buf()), None),
            Err(error) => (Config::default(), None, Some(error)),
        }
    }

    /// Saves the config atomically; it is small and rarely written.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let folder = path.parent().ok_or("the config file has no folder")?;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("the config file has no name")?;
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        let expect = match std::fs::read(path) {
            Ok(bytes) => Expect::Unchanged(content_hash(&bytes)),
            Err(_) => Expect::Absent,
        };
        write_atomic(folder, name, format::print(self).as_bytes(), expect)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_with_people_reads_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        let mut config = Config {
            last_workspace: Some(PathBuf::from("/tmp/shop")),
            language: Some("nl".to_owned()),
            theme: Some("dark".to_owned()),
            ..Config::default()
        };
        config
            .people
            .insert(PathBuf::from("/tmp/shop"), "ellen".to_owned());
        config.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(Config::load(&path), Ok(config), "{text}");
    }

    #[test]
    fn a_config_that_cannot_be_read_gives_no_file_to_save_to() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        let (config, file, error) = Config::open(&path);
        assert_eq!(
            (config, file.as_deref(), error),
            (Config::default(), Some(&*path), None)
        );

        let broken = "Config(\n    people: {\"/tmp/shop\", :, \"ellen\"},\n)\n";
        std::fs::write(&path, broken).unwrap();
        let (config, file, error) = Config::open(&path);
        assert_eq!(config, Config::default());
        assert_eq!(file, None, "never written over");
        let error = error.expect("the error is told");
        assert!(
            error.starts_with(&format!("{}:2:", path.display())),
            "{error}"
        );
    }
}
