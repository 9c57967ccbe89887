//! The file system: reading inputs and writing fixed files atomically.

use std::io::{self, Read, Write};
use std::path::Path;

use crate::inputs::Input;

/// Write `text` to `path` through a temporary file in the same directory and a
/// rename, keeping the file's permissions: an interrupted run leaves either the
/// old file or the new one, never half of one.
pub fn write_atomic(path: &Path, text: &str) -> io::Result<()> {
    // Through a symbolic link, write the file it points to and keep the link.
    let path = &std::fs::canonicalize(path)?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let permissions = std::fs::metadata(path)?.permissions();
    let tmp = temp_path(dir, &name);
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.set_permissions(permissions)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The temporary file [`write_atomic`] writes first.
fn temp_path(dir: &Path, name: &str) -> std::path::PathBuf {
    dir.join(format!(".{name}.client-lint-{}.tmp", std::process::id()))
}

pub fn read(input: &Input) -> io::Result<Vec<u8>> {
    match input {
        Input::File(p) => std::fs::read(p),
        Input::Stdin(_) => {
            let mut buf = Vec::new();
            io::stdin().lock().read_to_end(&mut buf)?;
            Ok(buf)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_original_intact() {
        let dir = std::env::temp_dir().join(format!("client-lint-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("c.json");
        std::fs::write(&file, "{\"type\": \"j\"}").unwrap();
        // A directory where the temporary file must go makes the write fail.
        let blocker = temp_path(&std::fs::canonicalize(&dir).unwrap(), "c.json");
        std::fs::create_dir(&blocker).unwrap();
        assert!(write_atomic(&file, "{\"type\": \"J\"}").is_err());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "{\"type\": \"j\"}");
        std::fs::remove_dir(&blocker).unwrap();
        write_atomic(&file, "{\"type\": \"J\"}").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "{\"type\": \"J\"}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn fixing_through_a_symlink_keeps_the_link() {
        let dir = std::env::temp_dir().join(format!("client-lint-link-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("real.json");
        let link = dir.join("link.json");
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomic(&link, "new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
