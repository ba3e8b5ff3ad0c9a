//! Records from elsewhere: another tab's, an imported export's, and those of questions that changed.

use super::list::fits;
use super::*;

impl Session {
    /// Drops records made for an earlier version of their question, and records
    /// of questions no longer in the quiz. Returns how many were dropped.
    pub(crate) fn drop_stale_records(&mut self) -> usize {
        let before = self.records.len();
        let (quiz, index_of) = (Rc::clone(&self.quiz), Rc::clone(&self.index_of));
        self.records.retain(|id, r| fits(&quiz, &index_of, id, r));
        before - self.records.len()
    }

    pub(super) fn import(&mut self, text: &str) -> Vec<Effect> {
        let quiz = Rc::clone(&self.quiz);
        let index_of = Rc::clone(&self.index_of);
        let schedulers = Rc::clone(&self.schedulers);
        let admit = |id: &str, r: &mut Record| {
            let question = index_of.get(id).and_then(|&i| quiz.questions.get(i));
            schedule_answer(&schedulers, question, r);
            fits(&quiz, &index_of, id, r)
        };
        match crate::transfer::import_records(text, admit, &mut self.records) {
            Ok((changed, summary)) => {
                for id in &changed {
                    if let Some(i) = self.index_of.get(id) {
                        self.views.remove(i);
                    }
                }
                self.recount();
                let mut effects: Vec<Effect> = changed
                    .into_iter()
                    .map(|id| Effect::Store(Storage::SaveRecord(id)))
                    .collect();
                effects.push(Effect::Imported(Ok(summary)));
                effects
            }
            Err(message) => vec![Effect::Imported(Err(message))],
        }
    }

    /// Takes records from storage or another tab, keeping the newer of each.
    pub(super) fn merge(&mut self, mut incoming: Map<String, Record>) {
        // Records for another version of a question, or for one that is
        // not in this quiz, are not taken: they would replace one that fits.
        let (quiz, index_of) = (Rc::clone(&self.quiz), Rc::clone(&self.index_of));
        incoming.retain(|id, r| fits(&quiz, &index_of, id, r));
        for (id, record) in incoming.iter_mut() {
            schedule_answer(&self.schedulers, self.question(id), record);
        }
        let before: Vec<(String, Option<Record>)> = incoming
            .keys()
            .map(|id| (id.clone(), self.records.get(id).cloned()))
            .collect();
        let changed = crate::progress::merge(&mut self.records, incoming);
        // Usually one record from another tab: only what changed is
        // counted again, so that it costs the same in a quiz of any size.
        // Finding each old record is a scan of `before`; when that would
        // cost more than a pass over the quiz, the figures are recounted.
        let recount = changed.len().saturating_mul(before.len()) > quiz.questions.len();
        if recount {
            self.recount();
        }
        for id in &changed {
            let Some(&i) = index_of.get(id) else { continue };
            if !recount {
                let old = before
                    .iter()
                    .find(|(known, _)| known == id)
                    .and_then(|(_, r)| r.as_ref());
                self.account(i, old);
            }
            // An item showing feedback for an older answer shows the newer
            // record instead; an answer being composed is left alone.
            if self.views.get(&i).is_some_and(|v| v.checked || v.draft.is_none()) {
                self.views.remove(&i);
            }
        }
    }
}
