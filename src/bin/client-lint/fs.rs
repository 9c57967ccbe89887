//! The file system: reading inputs, and writing fixed files so that a
//! careful administrator can trust it.
//!
//! A fixed file is written to a temporary file in the same directory and
//! renamed over the original: an interrupted run leaves the old file or the
//! new one, never half of one. The temporary file has an unpredictable name,
//! is created `0600` and given the original's owner, group and mode before any
//! byte is written (a protected file is never readable through its copy), and
//! is removed on every error and on SIGINT or SIGTERM. The original's
//! extended attributes are copied. A file with more than one hard link, a
//! read-only file, or one whose owner cannot be kept is refused unless
//! `--force`; a file that changed since it was read is left alone.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What a file was when it was read: if any of this differs when the fixed
/// text is about to replace it, somebody else wrote it meanwhile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: Option<std::time::SystemTime>,
}

impl Identity {
    fn of(meta: &std::fs::Metadata) -> Self {
        #[cfg(unix)]
        let (dev, ino) = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let (dev, ino) = (0, 0);
        Identity {
            dev,
            ino,
            len: meta.len(),
            mtime: meta.modified().ok(),
        }
    }
}

/// Why a fixed file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// More than one name leads to the file: renaming over one would split them.
    HardLinks(u64),
    /// The file is read-only.
    ReadOnly,
    /// The file's owner or group could not be kept.
    Owner,
    /// The file changed after it was read.
    Changed,
    /// An I/O error (the original is intact).
    Io(io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::HardLinks(n) => write!(
                f,
                "not fixed: it has {n} hard links, and replacing one name would split them (use --force to fix it anyway)"
            ),
            WriteError::ReadOnly => {
                f.write_str("not fixed: the file is read-only (use --force to fix it anyway)")
            }
            WriteError::Owner => f.write_str(
                "not fixed: its owner or group cannot be kept by this user (use --force to fix it anyway)",
            ),
            WriteError::Changed => {
                f.write_str("not fixed: the file changed while it was being checked; run again")
            }
            WriteError::Io(e) => write!(f, "could not write the fixed file: {e}"),
        }
    }
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// Temporary files being written, removed by the SIGINT/SIGTERM handler.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Remove every pending temporary file and exit, on SIGINT or SIGTERM.
pub fn clean_up_on_signals() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(pending) = PENDING.lock() {
            for p in pending.iter() {
                let _ = std::fs::remove_file(p);
            }
        }
        // 128 + SIGINT, as a shell reports an interrupted command.
        std::process::exit(130);
    });
}

/// A temporary file, registered for removal on a signal while it lives;
/// dropped unpersisted (any error path), it is removed.
struct Temp {
    file: Option<tempfile::NamedTempFile>,
    path: PathBuf,
}

impl Temp {
    /// Create the file with `create` while holding the list of pending
    /// files, so that a signal arriving between the file's creation and its
    /// registration waits for the registration (and then removes it).
    fn create(create: impl FnOnce() -> io::Result<tempfile::NamedTempFile>) -> io::Result<Self> {
        let mut pending = PENDING.lock().ok();
        let file = create()?;
        let path = file.path().to_path_buf();
        if let Some(pending) = pending.as_mut() {
            pending.push(path.clone());
        }
        Ok(Temp {
            file: Some(file),
            path,
        })
    }

    fn as_file(&self) -> &std::fs::File {
        self.file.as_ref().expect("a live temporary file").as_file()
    }

    /// Rename it over `target`.
    fn persist(mut self, target: &Path) -> io::Result<()> {
        match self.file.take() {
            Some(f) => f.persist(target).map(drop).map_err(|e| e.error),
            None => Ok(()),
        }
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Ok(mut pending) = PENDING.lock() {
            pending.retain(|p| *p != self.path);
        }
    }
}

/// The longest file name this builds a temporary name from; a longer one
/// gets a short name instead, so that the temporary name stays within the
/// file system's limit (usually 255 bytes).
const NAME_MAX_FOR_TEMP: usize = 200;

/// Create the temporary file for `target` in `dir`: an unpredictable name,
/// created `0600` (on Unix) so that no other user can open it, then given
/// `target`'s owner, group, extended attributes (ACLs among them) and mode,
/// all before any byte is written. With
/// `force`, an owner that cannot be kept does not stop it.
fn create_temp(dir: &Path, target: &Path, meta: &std::fs::Metadata, force: bool) -> Result<Temp, WriteError> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = if name.len() <= NAME_MAX_FOR_TEMP {
        format!(".{name}.")
    } else {
        ".client-lint.".to_string()
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".client-lint.tmp").rand_bytes(10);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let temp = Temp::create(|| builder.tempfile_in(dir))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let f = temp.as_file();
        if std::os::unix::fs::fchown(f, Some(meta.uid()), Some(meta.gid())).is_err() {
            // Not root: the copy is ours. That is only fine when the original
            // was ours too (in owner and group), or with --force.
            let now = f.metadata()?;
            if (now.uid() != meta.uid() || now.gid() != meta.gid()) && !force {
                return Err(WriteError::Owner);
            }
        }
    }
    copy_xattrs(target, temp.as_file())?;
    temp.as_file().set_permissions(meta.permissions())?;
    Ok(temp)
}

/// Make the temporary file's extended attributes exactly `from`'s, on its
/// open descriptor (`fsetxattr`, as GNU `sed -i` does): copy each of the
/// original's, and remove what the temporary file got that the original does
/// not have, above all an access ACL inherited from the directory's default
/// ACL, which would let another user read a private file. Done before the
/// mode is set, while the file is still `0600` and empty.
#[cfg(unix)]
fn copy_xattrs(from: &Path, to: &std::fs::File) -> io::Result<()> {
    use xattr::FileExt;
    const NOT_SUPPORTED: i32 = 95; // EOPNOTSUPP on Linux
    let unsupported = |e: &io::Error| e.raw_os_error() == Some(NOT_SUPPORTED);
    let original = std::fs::File::open(from)?;
    let wanted: Vec<_> = match original.list_xattr() {
        Ok(names) => names.collect(),
        // A file system without extended attributes has none to keep.
        Err(e) if unsupported(&e) => return Ok(()),
        Err(e) => return Err(e),
    };
    for name in to.list_xattr()? {
        if wanted.contains(&name) {
            continue;
        }
        match to.remove_xattr(&name) {
            Ok(()) => {}
            // A security label the system sets (SELinux, Smack) is the
            // system's to decide; an ACL or a user attribute must go.
            Err(_) if name.as_encoded_bytes().starts_with(b"security.") => {}
            Err(e) => return Err(e),
        }
    }
    for name in wanted {
        if let Some(value) = original.get_xattr(&name)? {
            to.set_xattr(&name, &value)?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn copy_xattrs(_: &Path, _: &std::fs::File) -> io::Result<()> {
    Ok(())
}

/// Write `text` over `path` (through a symbolic link, over its target),
/// provided the file is still as it was when read (`read_as`). See the
/// module documentation for what is kept and what is refused.
pub fn write_atomic(path: &Path, text: &str, read_as: Identity, force: bool) -> Result<(), WriteError> {
    let path = &std::fs::canonicalize(path)?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let meta = std::fs::metadata(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 && !force {
            return Err(WriteError::HardLinks(meta.nlink()));
        }
    }
    if meta.permissions().readonly() && !force {
        return Err(WriteError::ReadOnly);
    }
    let temp = create_temp(dir, path, &meta, force)?;
    let mut f = temp.as_file();
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    // The last moment to notice another writer: after this, the rename.
    if Identity::of(&std::fs::metadata(path)?) != read_as {
        return Err(WriteError::Changed);
    }
    temp.persist(path)?;
    Ok(())
}

/// Whether `path` must be read as a stream and never rewritten: not a regular
/// file (a FIFO, a device), or the very file standard input is reading
/// (`/dev/stdin < s.json`), or a name under `/dev` or `/proc`.
pub fn is_stream(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() {
        return true;
    }
    if std::fs::canonicalize(path).is_ok_and(|p| p.starts_with("/dev") || p.starts_with("/proc")) {
        return true;
    }
    if path.starts_with("/dev") || path.starts_with("/proc") {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let stdin = io::stdin()
            .as_fd()
            .try_clone_to_owned()
            .ok()
            .map(std::fs::File::from)
            .and_then(|f| f.metadata().ok());
        if let Some(s) = stdin
            && s.is_file()
            && s.dev() == meta.dev()
            && s.ino() == meta.ino()
        {
            return true;
        }
    }
    false
}

/// An input's bytes, and the file's identity (for `--fix`) when it is a file.
pub type Bytes = io::Result<(Vec<u8>, Option<Identity>)>;

/// Read a regular file whole, with what it was when read.
pub fn read_file(p: &Path) -> Bytes {
    let mut f = std::fs::File::open(p)?;
    let identity = Identity::of(&f.metadata()?);
    let mut buf = Vec::with_capacity(usize::try_from(identity.len).unwrap_or(0));
    f.read_to_end(&mut buf)?;
    Ok((buf, Some(identity)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(path: &Path) -> Identity {
        Identity::of(&std::fs::metadata(path).unwrap())
    }

    /// The temporary copy of a protected file is never readable by others:
    /// it is created 0600 and has the original's mode before any byte.
    #[cfg(unix)]
    #[test]
    fn the_temporary_file_has_the_final_mode_before_any_byte() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("secret.json");
        std::fs::write(&file, "{}").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        let meta = std::fs::metadata(&file).unwrap();
        let a = create_temp(dir.path(), &file, &meta, false).unwrap();
        let b = create_temp(dir.path(), &file, &meta, false).unwrap();
        for t in [&a, &b] {
            let m = std::fs::metadata(&t.path).unwrap();
            assert_eq!(m.permissions().mode() & 0o777, 0o600);
            assert_eq!(m.len(), 0, "nothing written yet");
        }
        // Unpredictable: not derived from the process id alone.
        assert_ne!(a.path, b.path);
        assert!(!a.path.to_string_lossy().contains(&std::process::id().to_string()));
        drop((a, b));
        // Dropped (an error path): removed.
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(left.len(), 1);
    }

    #[test]
    fn a_failed_write_leaves_the_original_intact() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.json");
        std::fs::write(&file, "{\"type\": \"j\"}").unwrap();
        let id = identity(&file);
        // A file that changed after it was read is left alone.
        std::fs::write(&file, "{\"type\": \"j\"}\n").unwrap();
        assert!(matches!(
            write_atomic(&file, "{\"type\": \"J\"}", id, false),
            Err(WriteError::Changed)
        ));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "{\"type\": \"j\"}\n");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
        write_atomic(&file, "{\"type\": \"J\"}", identity(&file), false).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "{\"type\": \"J\"}");
    }

    #[test]
    fn a_very_long_name_gets_a_short_temporary_name() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(format!("{}.json", "n".repeat(240)));
        std::fs::write(&file, "{}").unwrap();
        write_atomic(&file, "{ }", identity(&file), false).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "{ }");
    }

    #[cfg(unix)]
    #[test]
    fn fixing_through_a_symlink_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomic(&link, "new", identity(&target), false).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }
}
