//! The storage edge: progress in `localStorage`, never a panic, never a throw.
//!
//! `gloo_storage::LocalStorage` throws a JS exception when the
//! `window.localStorage` getter fails (sandboxed iframes, blocked cookies), so
//! this module asks `web_sys::Window::local_storage()` itself and treats both
//! its `Err` and `None` as "no storage": progress is then kept in memory and
//! the learner is told. Every call that can throw goes through a `Result`.
//!
//! Layout: one key per question, `quiz-widget:v1:<quiz>:q:<question id>`,
//! holding a small [`Record`], and `quiz-widget:v1:<quiz>:settings`. One
//! answer writes one short string, whatever the size of the quiz, and a reset
//! removes this quiz's keys and nothing else.

use quiz_stdx::Map;

use quiz_session::progress::Record;

/// Where progress is kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Backend {
    Local(web_sys::Storage),
    /// Storage is blocked; nothing survives the page.
    Memory,
}

/// Why a write did not reach storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// `QuotaExceededError` or any other refusal: kept in memory, retried on the next write.
    Refused,
    Unavailable,
}

/// Progress storage for one quiz.
#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    backend: Backend,
    prefix: String,
    /// Tells this widget's own announcements from those of other widgets.
    pub origin: u32,
}

/// What was found in storage for a quiz.
pub struct Loaded {
    pub records: Map<String, Record>,
    /// Keys that could not be read (corrupt, or from a future version); they are left in place.
    pub unreadable: usize,
    pub settings: Option<String>,
}

impl Store {
    /// Opens storage for the quiz, namespaced by `key` (the quiz id or the element's `storage-key`).
    pub fn open(key: &str) -> Store {
        let backend = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            // Some browsers hand out a storage object that throws on use.
            .filter(|s| s.length().is_ok())
            .map_or(Backend::Memory, Backend::Local);
        Store {
            backend,
            prefix: format!("quiz-widget:v1:{key}:"),
            origin: crate::entropy() as u32,
        }
    }

    pub fn is_persistent(&self) -> bool {
        matches!(self.backend, Backend::Local(_))
    }

    /// The storage key of a question's record.
    pub fn record_key(&self, question_id: &str) -> String {
        format!("{}q:{question_id}", self.prefix)
    }

    /// The question id a storage key belongs to, if it is one of this quiz's records.
    pub fn question_of_key<'k>(&self, key: &'k str) -> Option<&'k str> {
        key.strip_prefix(self.prefix.as_str())?.strip_prefix("q:")
    }

    fn keys(&self) -> Vec<String> {
        let Backend::Local(storage) = &self.backend else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(&self.prefix))
            .collect()
    }

    /// Reads every record of this quiz.
    pub fn load(&self) -> Loaded {
        let mut loaded = Loaded {
            records: Map::default(),
            unreadable: 0,
            settings: None,
        };
        let Backend::Local(storage) = &self.backend else {
            return loaded;
        };
        for key in self.keys() {
            let Ok(Some(value)) = storage.get_item(&key) else {
                continue;
            };
            if key == format!("{}settings", self.prefix) {
                loaded.settings = Some(value);
                continue;
            }
            let Some(id) = self.question_of_key(&key) else { continue };
            match Record::from_json(&value) {
                Some(record) => {
                    loaded.records.insert(id.to_owned(), record);
                }
                None => loaded.unreadable += 1,
            }
        }
        loaded
    }

    pub fn save_record(&self, question_id: &str, record: &Record) -> Result<(), WriteError> {
        self.write(&self.record_key(question_id), &record.to_json())
    }

    pub fn save_settings(&self, settings: &str) -> Result<(), WriteError> {
        self.write(&format!("{}settings", self.prefix), settings)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), WriteError> {
        match &self.backend {
            Backend::Local(storage) => storage.set_item(key, value).map_err(|_| WriteError::Refused),
            Backend::Memory => Err(WriteError::Unavailable),
        }
    }

    /// Removes this quiz's records and settings, and no other key.
    pub fn clear(&self) {
        if let Backend::Local(storage) = &self.backend {
            for key in self.keys() {
                let _ = storage.remove_item(&key);
            }
        }
    }
}
