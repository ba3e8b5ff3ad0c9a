//! The learner's settings as stored and restored: section, mode, filters, shuffle, round, draw and exam.

use super::*;

impl Session {
    /// The settings as stored: mode, section, shuffle seed, the current
    /// round with its retry list, and the item the learner is on (by id, so
    /// that an edited quiz does not move them to another item).
    pub fn settings_json(&self) -> String {
        let mut w = Writer::compact();
        w.open('{').key("mode").string(self.mode.as_str());
        if let Some(section) = &self.filters.section {
            w.key("section").string(section);
        }
        if let Some(seed) = self.shuffle_seed {
            w.key("seed").string(&format!("{seed:x}"));
        }
        if let Some(seed) = self.draw_seed {
            w.key("draw").string(&format!("{seed:x}"));
        }
        self.write_exam(&mut w);
        if let Some(start) = self.round_start {
            w.key("round").string(&format!("{start:x}"));
        }
        if let Some(only) = &self.only {
            w.key("only").open('[');
            for q in only.iter().filter_map(|&i| self.quiz.questions.get(i)) {
                w.string(&q.id);
            }
            w.close(']');
            if let Some((_, Some(start))) = &self.outer {
                w.key("outer").string(&format!("{start:x}"));
            }
        }
        match self.current().and_then(|i| self.quiz.questions.get(i)) {
            Some(q) => w.key("at").string(&q.id),
            None if self.is_at_summary() => w.key("at").raw("null"),
            None => &mut w,
        };
        w.close('}');
        w.finish()
    }

    /// Restores stored settings, ignoring anything unreadable or no longer
    /// in the quiz. Returns whether anything was restored.
    pub(crate) fn restore_settings(&mut self, stored: &str) -> bool {
        let Ok(root) = json::parse(stored) else { return false };
        let text = |name: &str| root.get(name).and_then(|n| n.as_str());
        self.shuffle_seed = text("seed").and_then(|s| u64::from_str_radix(s, 16).ok());
        self.draw_seed = text("draw").and_then(|s| u64::from_str_radix(s, 16).ok());
        self.drawn = drawn(&self.quiz, self.draw_seed, self.list_draw.as_ref()).into();
        self.read_exam(&root);
        self.filters.section = text("section")
            .filter(|s| self.quiz.sections.iter().any(|section| section.id == *s))
            .map(str::to_owned);
        self.mode = text("mode").and_then(Mode::from_name).unwrap_or_default();
        let time = |name: &str| {
            text(name)
                .and_then(|s| u64::from_str_radix(s, 16).ok())
                .and_then(|t| i64::try_from(t).ok())
        };
        self.round_start = time("round");
        self.only = match root.get("only").map(|n| &n.value) {
            Some(json::Value::Array(ids)) => Some(
                ids.iter()
                    .filter_map(|id| self.index_of.get(id.as_str()?).copied())
                    .collect(),
            ),
            _ => None,
        };
        // A retry's list comes back from the list it was started from.
        self.outer = None;
        if self.only.is_some() {
            let (only, round_start) = (self.only.take(), self.round_start);
            self.round_start = time("outer");
            self.rebuild();
            self.outer = Some((Rc::clone(&self.items), self.round_start));
            (self.only, self.round_start) = (only, round_start);
        }
        self.rebuild();
        self.position = match root.get("at").map(|n| &n.value) {
            Some(json::Value::Null) => self.items.len(),
            Some(json::Value::String(id)) => {
                let index = self.index_of.get(id.as_ref());
                index.and_then(|i| self.items.iter().position(|j| j == i)).unwrap_or(0)
            }
            _ => 0,
        };
        true
    }
}
