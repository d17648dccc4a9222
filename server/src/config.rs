//! Configuration from command-line flags and `STOA_*` environment variables.

use std::path::{Path, PathBuf};

/// Where the data lives and which database to use.
#[derive(Clone, Debug)]
pub struct DataConfig {
    /// The data folder: SQLite file, search index, uploaded images.
    pub data_dir: PathBuf,
    /// The database URL: `DATABASE_URL` when set, otherwise `sqlite://DATA/stoa.db`.
    pub database_url: String,
}

/// Why the data folder cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The folder could not be created or written to.
    #[error("data folder {path} is not writable: {reason}")]
    DataDirNotWritable {
        /// The folder.
        path: String,
        /// What the operating system said.
        reason: String,
    },
}

impl DataConfig {
    /// Builds the configuration, creating the data folder (and `images/`) and checking that it is
    /// writable.
    pub fn prepare(data_dir: &Path, database_url: Option<String>) -> Result<Self, ConfigError> {
        let not_writable = |reason: std::io::Error| ConfigError::DataDirNotWritable {
            path: data_dir.display().to_string(),
            reason: reason.to_string(),
        };
        std::fs::create_dir_all(data_dir.join("images")).map_err(not_writable)?;
        let probe = data_dir.join(".stoa-write-test");
        std::fs::write(&probe, b"ok").map_err(not_writable)?;
        let _ = std::fs::remove_file(&probe);
        let database_url = match database_url.filter(|u| !u.trim().is_empty()) {
            Some(url) => url,
            None => format!("sqlite://{}?mode=rwc", data_dir.join("stoa.db").display()),
        };
        Ok(Self {
            data_dir: data_dir.to_path_buf(),
            database_url,
        })
    }

    /// Folder of product images (`DATA/images`).
    pub fn images_dir(&self) -> PathBuf {
        self.data_dir.join("images")
    }
}
