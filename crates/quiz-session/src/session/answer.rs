//! Answering: editing a draft, checking it, grading a card, practising an exercise, and the record and schedule each leaves.

use super::*;

/// Gives an answer stored without a schedule (by version 1, or while the
/// quiz scheduled only flashcards) the one its last check gives, when its
/// kind is scheduled now: one review at the time of the answer, graded by
/// [`grade_of_check`].
pub(super) fn schedule_answer(
    schedulers: &Schedulers,
    question: Option<&quiz_format::model::Question>,
    record: &mut Record,
) {
    let Some(question) = question else { return };
    if let ItemState::Answered {
        correct,
        attempts,
        schedule: schedule @ None,
        ..
    } = &mut record.state
    {
        let grade = grade_of_check(*correct, *attempts);
        *schedule = schedulers.next(question, None, grade, record.updated_ms);
    }
}

impl Session {
    pub(super) fn view_mut(&mut self, index: usize) -> &mut ItemView {
        let view = self.view(index);
        self.views.get_or_insert_with(index, || view)
    }

    /// Edits the answer being composed on the current item, unless it is checked.
    pub(super) fn edit(&mut self, answer: Answer) {
        let Some(i) = self.current().filter(|_| !self.is_exam_submitted()) else {
            return;
        };
        // How many parts an answer of a matching or cloze question has.
        let parts = self.quiz.questions.get(i).map_or(0, |q| match &q.kind {
            QuestionKind::Matching(kind) => kind.pairs.len(),
            QuestionKind::Cloze(kind) => kind.blanks.len(),
            // An answer in one piece.
            QuestionKind::Single(_)
            | QuestionKind::Multiple(_)
            | QuestionKind::TrueFalse(_)
            | QuestionKind::Short(_)
            | QuestionKind::Numeric(_)
            | QuestionKind::Ordering(_)
            | QuestionKind::Tracing(_)
            | QuestionKind::Flashcard(_)
            | QuestionKind::Exercise(_) => 0,
        });
        let view = self.view_mut(i);
        if view.checked {
            return;
        }
        view.draft = Some(match answer {
            Answer::Choose(c) => Response::Choice(c),
            Answer::Toggle(c) => {
                let mut picked = if let Some(Response::Choices(list)) = view.draft.take() {
                    list
                } else {
                    Vec::new()
                };
                match picked.binary_search(&c) {
                    Ok(at) => {
                        picked.remove(at);
                    }
                    Err(at) => picked.insert(at, c),
                }
                Response::Choices(picked)
            }
            Answer::ChooseTruth(b) => Response::Bool(b),
            Answer::Type(text) => Response::Text(text),
            Answer::Move { from, to } => {
                let Some(Response::Order(mut order)) = view.draft.take() else {
                    quiz_stdx::never!("an ordering question always has an order");
                    return;
                };
                if from < order.len() && to < order.len() {
                    let item = order.remove(from);
                    order.insert(to, item);
                    view.moved = Some(Moved { item, from, to });
                }
                Response::Order(order)
            }
            Answer::Match { left, right } => {
                let mut picks = if let Some(Response::Matches(picks)) = view.draft.take() {
                    picks
                } else {
                    vec![None; parts]
                };
                if let Some(pick) = picks.get_mut(left) {
                    *pick = right;
                }
                Response::Matches(picks)
            }
            Answer::FillBlank { blank, text } => {
                let mut texts = if let Some(Response::Blanks(texts)) = view.draft.take() {
                    texts
                } else {
                    vec![String::new(); parts]
                };
                if let Some(slot) = texts.get_mut(blank) {
                    *slot = text;
                }
                Response::Blanks(texts)
            }
            Answer::Trace { compiles, output, line } => Response::Trace { compiles, output, line },
        });
    }

    /// TryAgain, RevealAnswer, ShowHint and Flip: what the current item shows.
    pub(super) fn change_view(&mut self, change: &View) {
        let Some(i) = self.current() else { return };
        let hints = self.quiz.questions.get(i).map_or(0, |q| q.hints.len());
        let view = self.view_mut(i);
        match change {
            View::TryAgain => {
                view.checked = false;
                view.revealed = false;
            }
            View::RevealAnswer => view.revealed = view.checked,
            View::ShowHint => view.hints_shown = view.hints_shown.saturating_add(1).min(hints),
            View::Flip => view.flipped = !view.flipped,
        }
    }

    /// Check, GradeCard, WriteNotes and MarkDone: the current item's record.
    pub(super) fn attempt(&mut self, attempt: Attempt, now_ms: i64) -> Vec<Effect> {
        match attempt {
            Attempt::Check => self.check(now_ms),
            Attempt::GradeCard(g) => self.grade_card(g, now_ms),
            Attempt::WriteNotes(notes) => self.practise(Some(notes), None, now_ms),
            Attempt::MarkDone(done) => self.practise(None, Some(done), now_ms),
        }
    }

    pub(super) fn grade_card(&mut self, grade: Grade, now_ms: i64) -> Vec<Effect> {
        let Some((i, id)) = self.current_of_kind(KindName::Flashcard) else {
            return Vec::new();
        };
        let Some(schedule) = self.next_schedule(i, grade, now_ms) else {
            return Vec::new();
        };
        let reviews = if let Some(ItemState::Reviewed { reviews, .. }) = self.records.get(&id).map(|r| &r.state) {
            reviews + 1
        } else {
            1
        };
        let state = ItemState::Reviewed {
            schedule,
            last: grade,
            reviews,
        };
        self.put_record(i, now_ms, state);
        let answered = Effect::Host(HostEvent::Answered {
            question_id: id.clone(),
            kind: KindName::Flashcard,
            correct: grade != Grade::Again,
            attempts: reviews,
            rating: Some(grade.as_str()),
        });
        // Grading moves on, as in every flashcard app.
        let mut effects = vec![Effect::Store(Storage::SaveRecord(id)), answered];
        effects.extend(self.navigate(&Navigate::Next));
        effects
    }

    /// Writes an exercise's notes or its self-assessment, keeping the other.
    pub(super) fn practise(&mut self, notes: Option<String>, done: Option<SelfAssessment>, now_ms: i64) -> Vec<Effect> {
        let Some((i, id)) = self.current_of_kind(KindName::Exercise) else {
            return Vec::new();
        };
        let (old_notes, old_done) = self.practised(&id);
        let assessed = done.is_some();
        let done = done.or(old_done);
        let notes = notes.unwrap_or(old_notes);
        self.put_record(i, now_ms, ItemState::Practised { notes, done });
        let mut effects = vec![Effect::Store(Storage::SaveRecord(id.clone()))];
        if let (true, Some(done)) = (assessed, done) {
            effects.push(Effect::Host(HostEvent::Answered {
                question_id: id,
                kind: KindName::Exercise,
                correct: done == SelfAssessment::Confident,
                attempts: 1,
                rating: Some(done.as_str()),
            }));
        }
        effects
    }

    pub(super) fn current_of_kind(&self, kind: KindName) -> Option<(usize, String)> {
        let i = self.current()?;
        let q = self.quiz.questions.get(i)?;
        (q.kind.name() == kind).then(|| (i, q.id.clone()))
    }

    pub(super) fn practised(&self, id: &str) -> (String, Option<SelfAssessment>) {
        if let Some(ItemState::Practised { notes, done }) = self.records.get(id).map(|r| &r.state) {
            (notes.clone(), *done)
        } else {
            (String::new(), None)
        }
    }

    pub(super) fn put_record(&mut self, index: usize, now_ms: i64, state: ItemState) {
        if let Some(q) = self.quiz.questions.get(index) {
            let record = Record {
                question_hash: q.content_hash(),
                updated_ms: now_ms,
                state,
            };
            let old = self.records.insert(q.id.clone(), record);
            self.account(index, old.as_ref());
        }
    }

    /// The schedule of question `index` after a review graded `grade` at
    /// `now_ms`, if its kind is scheduled.
    pub(super) fn next_schedule(&self, index: usize, grade: Grade, now_ms: i64) -> Option<Schedule> {
        let q = self.quiz.questions.get(index)?;
        let previous = self.records.get(&q.id).and_then(|r| r.state.schedule());
        self.schedulers.next(q, previous, grade, now_ms)
    }

    /// When the current flashcard would be due if graded `grade` at `now_ms`.
    pub fn comes_back(&self, grade: Grade, now_ms: i64) -> Option<i64> {
        let (i, _) = self.current_of_kind(KindName::Flashcard)?;
        Some(self.next_schedule(i, grade, now_ms)?.due_ms())
    }

    pub(super) fn check(&mut self, now_ms: i64) -> Vec<Effect> {
        let Some(i) = self.current().filter(|_| !self.is_exam_submitted()) else {
            return Vec::new();
        };
        let view = self.view(i);
        let Some(question) = self.quiz.questions.get(i) else {
            return Vec::new();
        };
        let Some(response) = view.draft.filter(|r| is_answerable(&question.kind, r)) else {
            return Vec::new();
        };
        if view.checked {
            return Vec::new();
        }
        let Some(correct) = grade(&question.kind, &response) else {
            return Vec::new();
        };
        // Attempts count within the round: a new round starts them afresh.
        let attempts = if let Some(ItemState::Answered { attempts, .. }) = self.record_of(i).map(|r| &r.state) {
            attempts + 1
        } else {
            1
        };
        let (id, kind) = (question.id.clone(), question.kind.name());
        let schedule = self.next_schedule(i, grade_of_check(correct, attempts), now_ms);
        let state = ItemState::Answered {
            response: response.clone(),
            correct,
            attempts,
            schedule,
        };
        self.put_record(i, now_ms, state);
        if self.is_exam_open() {
            // Saved, not checked: nothing tells the learner or the page how it went.
            self.exam_answer_saved(now_ms);
            self.view_mut(i).draft = Some(response);
            // The settings keep when the attempt began, for its time limit.
            return vec![
                Effect::Store(Storage::SaveRecord(id)),
                Effect::Store(Storage::SaveSettings),
            ];
        }
        let view = self.view_mut(i);
        view.draft = Some(response);
        view.checked = true;
        vec![
            Effect::Store(Storage::SaveRecord(id.clone())),
            Effect::Host(HostEvent::Answered {
                question_id: id,
                kind,
                correct,
                attempts,
                rating: None,
            }),
        ]
    }
}
