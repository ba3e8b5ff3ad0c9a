//! The storage edge: progress in `localStorage`, never a panic, never a throw.
//!
//! `gloo_storage::LocalStorage` throws a JS exception when the
//! `window.localStorage` getter fails (sandboxed iframes, blocked cookies), so
//! this module asks `web_sys::Window::local_storage()` itself and treats both
//! its `Err` and `None` as "no storage": progress is then kept in memory and
//! the learner is told. Every call that can throw goes through a `Result`.
//!
//! Layout: one key per question, `quiz-widget:v2:<quiz>:q:<question id>`,
//! holding a small [`Record`], and `quiz-widget:v2:<quiz>:settings`. One
//! answer writes one short string, whatever the size of the quiz, and a reset
//! removes this quiz's keys and nothing else.
//!
//! A host page may hand the element a storage of its own (its `storage`
//! property: any object with `localStorage`'s `length`, `key`, `getItem`,
//! `setItem` and `removeItem`), which is then used in place of
//! `localStorage`: the SCORM bridge (`js/quiz-scorm.js`) keeps progress in
//! the LMS's `suspend_data` this way. Its calls go through the same
//! `Result`s, so a host storage that throws is a refused write, never a
//! throw into the page.
//!
//! Version 1 of the layout (`quiz-widget:v1:…`, records before spaced
//! repetition covered every kind) is read too, and never written: its
//! records are migrated as they are read and merged with the version 2 ones,
//! and a version 1 key is removed once a version 2 record holds everything
//! it held. A tab still running the version 1 widget keeps writing its own
//! keys, which this one reads and merges (also as they change), so neither
//! loses the other's answers.

use quiz_stdx::Map;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use quiz_session::progress::{merge, Record, Records};

#[wasm_bindgen]
extern "C" {
    /// What the widget needs of a storage: `localStorage`'s five members,
    /// called on whatever object has them (`localStorage`, or a host's own).
    #[derive(Clone, Debug, PartialEq)]
    pub type KeyValueStore;
    #[wasm_bindgen(catch, method, getter, structural)]
    fn length(this: &KeyValueStore) -> Result<u32, JsValue>;
    #[wasm_bindgen(catch, method, structural)]
    fn key(this: &KeyValueStore, index: u32) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(catch, method, structural, js_name = getItem)]
    fn get_item(this: &KeyValueStore, key: &str) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(catch, method, structural, js_name = setItem)]
    fn set_item(this: &KeyValueStore, key: &str, value: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, method, structural, js_name = removeItem)]
    fn remove_item(this: &KeyValueStore, key: &str) -> Result<(), JsValue>;
}

impl KeyValueStore {
    /// The host's storage, if `value` is an object. One without the members
    /// above fails its first call, and is then no storage ([`Store::open`]);
    /// each later failed call is a refused write or a missing value.
    pub fn from_host(value: JsValue) -> Option<KeyValueStore> {
        value.is_object().then(|| value.unchecked_into())
    }
}

/// Where progress is kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Backend {
    /// `localStorage`, or the host page's storage.
    Local(KeyValueStore),
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
    /// The version 1 layout's prefix, read and never written.
    legacy: String,
    /// Tells this widget's own announcements from those of other widgets.
    pub origin: u32,
}

/// What was found in storage for a quiz.
pub struct Loaded {
    pub records: Records,
    /// Keys that could not be read (corrupt, or from a future version); they are left in place.
    pub unreadable: usize,
    pub settings: Option<String>,
}

impl Store {
    /// Opens storage for the quiz, namespaced by `key` (the quiz id or the
    /// element's `storage-key`): the host's storage if it gave one, else
    /// `localStorage`.
    pub fn open(key: &str, host: Option<&KeyValueStore>) -> Store {
        let local = || {
            let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten())?;
            Some(storage.unchecked_into::<KeyValueStore>())
        };
        let backend = host
            .cloned()
            .or_else(local)
            // Some browsers hand out a storage object that throws on use, and
            // a host's object may lack the members.
            .filter(|s| s.length().is_ok() && s.get_item("quiz-widget").is_ok())
            .map_or(Backend::Memory, Backend::Local);
        Store {
            backend,
            prefix: format!("quiz-widget:v2:{key}:"),
            legacy: format!("quiz-widget:v1:{key}:"),
            origin: crate::dom::entropy() as u32,
        }
    }

    pub fn is_persistent(&self) -> bool {
        matches!(self.backend, Backend::Local(_))
    }

    /// The storage key of a question's record.
    pub fn record_key(&self, question_id: &str) -> String {
        format!("{}q:{question_id}", self.prefix)
    }

    /// The question id a storage key belongs to, if it is one of this
    /// quiz's records (in either layout).
    pub fn question_of_key<'k>(&self, key: &'k str) -> Option<&'k str> {
        let rest = key.strip_prefix(self.prefix.as_str());
        rest.or_else(|| key.strip_prefix(self.legacy.as_str()))?
            .strip_prefix("q:")
    }

    /// This quiz's keys, in both layouts.
    fn keys(&self) -> Vec<String> {
        let Backend::Local(storage) = &self.backend else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(&self.prefix) || k.starts_with(&self.legacy))
            .collect()
    }

    /// Reads every record of this quiz, merging the version 1 layout's in.
    pub fn load(&self) -> Loaded {
        let mut loaded = Loaded {
            records: Records::new(),
            unreadable: 0,
            settings: None,
        };
        let Backend::Local(storage) = &self.backend else {
            return loaded;
        };
        let (mut records, mut legacy, mut legacy_settings) = (Map::default(), Map::default(), None);
        for key in self.keys() {
            let Ok(Some(value)) = storage.get_item(&key) else {
                continue;
            };
            let is_legacy = key.starts_with(&self.legacy);
            if key == format!("{}settings", self.prefix) {
                loaded.settings = Some(value);
                continue;
            }
            if key == format!("{}settings", self.legacy) {
                legacy_settings = Some(value);
                continue;
            }
            let Some(id) = self.question_of_key(&key) else { continue };
            match Record::from_json(&value) {
                Some(record) if is_legacy => legacy.insert(id.to_owned(), record),
                Some(record) => records.insert(id.to_owned(), record),
                None => {
                    loaded.unreadable += 1;
                    None
                }
            };
        }
        loaded.settings = loaded.settings.or(legacy_settings);
        loaded.records = self.migrate(storage, records, legacy);
        loaded
    }

    /// Merges the version 1 records into the version 2 ones, and removes
    /// each version 1 key whose record the version 2 one already holds.
    fn migrate(&self, storage: &KeyValueStore, current: Map<String, Record>, legacy: Map<String, Record>) -> Records {
        let in_both: Vec<String> = legacy.keys().filter(|id| current.contains_key(*id)).cloned().collect();
        let mut merged = Records::from(current);
        let changed = merge(&mut merged, legacy);
        for id in in_both.iter().filter(|id| changed.binary_search(id).is_err()) {
            let _ = storage.remove_item(&format!("{}q:{id}", self.legacy));
        }
        merged
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
