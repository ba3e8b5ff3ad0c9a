//! The commands' inputs and outputs: `-` for standard input and output,
//! and output written whole or not at all, so that a failed command never
//! leaves half a file where a whole one is expected.

use std::io::{Read as _, Write as _};
use std::path::Path;

/// How a file is named in messages: `-` is standard input.
pub fn display(file: &str) -> &str {
    if file == "-" {
        "standard input"
    } else {
        file
    }
}

/// The text of `file`, or of standard input for `-`. A file that is not
/// text (a Word document, a PDF, a zip) is named as such.
pub fn read(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = if file == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map_err(|e| format!("{}: cannot read: {e}", display(file)))?;
    String::from_utf8(bytes).map_err(|_| {
        format!(
            "{} is not a text file (it is not UTF-8): give a question file (.json) or a bank to import \
             (.md, .toml, .gift, .txt); a Word document must be saved as text first",
            display(file)
        )
    })
}

/// Writes `bytes` to standard output (`out` absent or `-`), or to the file
/// `out` whole: to a temporary file beside it, then renamed over it, so
/// that `out` is never half written and an old one stays until the new
/// one is complete. What exists and is not a file (`/dev/null`, a pipe) is
/// written to as it is: a rename would replace the device with a file.
pub fn write(out: Option<&str>, bytes: &[u8]) -> Result<(), String> {
    let Some(out) = out.filter(|&o| o != "-") else {
        // A reader that stopped early (`quiz schema | head`) is not an error.
        let _ = std::io::stdout().lock().write_all(bytes);
        return Ok(());
    };
    let path = Path::new(out);
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return std::fs::write(path, bytes).map_err(|e| format!("{out}: cannot write: {e}"));
    }
    let name = path.file_name().ok_or_else(|| format!("{out}: names no file"))?;
    let temporary = path.with_file_name(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let written = std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        format!("{out}: cannot write: {e}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_written_to_not_replaced() {
        let null = Path::new("/dev/null");
        if !null.exists() {
            return;
        }
        write(Some("/dev/null"), b"nothing").unwrap();
        let kind = std::fs::metadata(null).unwrap().file_type();
        assert!(!kind.is_file(), "/dev/null is still a device");
    }

    #[test]
    fn a_file_is_replaced_whole_and_no_temporary_stays() {
        let dir = std::env::temp_dir().join(format!("quiz-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("out.json");
        std::fs::write(&out, "old").unwrap();
        write(Some(out.to_str().unwrap()), b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "new");
        let missing = dir.join("no-such-dir").join("out.json");
        let error = write(Some(missing.to_str().unwrap()), b"x").unwrap_err();
        assert!(error.contains("cannot write"), "{error}");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out.json"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_binary_file_is_named_as_such() {
        let dir = std::env::temp_dir().join(format!("quiz-files-bin-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("notes.docx");
        std::fs::write(&file, [0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe]).unwrap();
        let error = read(file.to_str().unwrap()).unwrap_err();
        assert!(error.ends_with("notes.docx is not a text file (it is not UTF-8): give a question file (.json) or a bank to import (.md, .toml, .gift, .txt); a Word document must be saved as text first"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
