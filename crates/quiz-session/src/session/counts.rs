//! The header's counts kept as records change (a recount is the oracle: `props.rs`), due times, results and tallies.

use super::*;

/// When `question` with `record` is due for review, if it is scheduled: a
/// new flashcard at once (`i64::MIN`), a graded question once answered.
pub(super) fn due_time(
    schedulers: &Schedulers,
    question: &quiz_format::model::Question,
    record: Option<&Record>,
) -> Option<i64> {
    let kind = question.kind.name();
    schedulers.of(kind)?;
    match record.map(|r| r.state.schedule()) {
        Some(Some(schedule)) => Some(schedule.due_ms()),
        None if kind == KindName::Flashcard => Some(i64::MIN),
        _ => None,
    }
}

impl Tally {
    /// What one question with `record` adds to a tally.
    pub(super) fn of(question: &quiz_format::model::Question, record: Option<&Record>) -> Tally {
        let graded = !question.kind.name().is_self_graded();
        let points = u64::from(question.points()) * u64::from(graded);
        let credit = if let Some(ItemState::Answered { response, .. }) = record.map(|r| &r.state) {
            crate::grade::credit(&question.kind, response).unwrap_or(0)
        } else {
            0
        };
        Tally {
            score: points * u64::from(credit),
            max_score: points * 1000,
            total: 1,
            completed: usize::from(record.is_some_and(Record::is_complete)),
            correct: usize::from(matches!(
                record.map(|r| &r.state),
                Some(ItemState::Answered { correct: true, .. })
            )),
            graded: usize::from(graded),
            answered: usize::from(matches!(record.map(|r| &r.state), Some(ItemState::Answered { .. }))),
        }
    }

    pub(super) fn add(&mut self, other: &Tally) {
        self.total += other.total;
        self.completed += other.completed;
        self.correct += other.correct;
        self.graded += other.graded;
        self.answered += other.answered;
        self.score += other.score;
        self.max_score += other.max_score;
    }

    pub(super) fn remove(&mut self, other: &Tally) {
        self.total = self.total.saturating_sub(other.total);
        self.completed = self.completed.saturating_sub(other.completed);
        self.correct = self.correct.saturating_sub(other.correct);
        self.graded = self.graded.saturating_sub(other.graded);
        self.answered = self.answered.saturating_sub(other.answered);
        self.score = self.score.saturating_sub(other.score);
        self.max_score = self.max_score.saturating_sub(other.max_score);
    }

    /// Whether the score reaches `pass_mark` percent of the points; `None`
    /// without a pass mark or without points to score.
    pub fn passed(&self, pass_mark: Option<u8>) -> Option<bool> {
        let mark = u64::from(pass_mark?);
        (self.max_score > 0).then(|| self.score * 100 >= mark * self.max_score)
    }
}

impl Session {
    /// Counts the header's figures from scratch: after the list or many records changed.
    pub(super) fn recount(&mut self) {
        let mut tally = Tally::default();
        for &i in self.items.iter() {
            if let Some(q) = self.quiz.questions.get(i) {
                tally.add(&Tally::of(q, counted(self.round_start_now(), self.records.get(&q.id))));
            }
        }
        let day_end = self.now.end_of_day();
        let due = self.due_times().filter(|&t| t <= day_end).count();
        self.counts = Counts {
            tally,
            due,
            next_due: self.find_next_due(),
            day_end,
        };
    }

    /// When each scheduled item of the current section is due.
    pub(super) fn due_times(&self) -> impl Iterator<Item = i64> + '_ {
        let questions = self.quiz.questions.iter().enumerate();
        let section = questions.filter(|(i, q)| self.is_drawn(*i) && self.in_section(q));
        section.filter_map(|(_, q)| due_time(&self.schedulers, q, self.records.get(&q.id)))
    }

    /// The earliest due time after today in the current section.
    pub(super) fn find_next_due(&self) -> Option<i64> {
        let day_end = self.now.end_of_day();
        self.due_times().filter(|&t| t > day_end).min()
    }

    /// Whether `question` with `record` is due by the end of today.
    pub(super) fn is_due(&self, question: &quiz_format::model::Question, record: Option<&Record>) -> bool {
        due_time(&self.schedulers, question, record).is_some_and(|t| t <= self.now.end_of_day())
    }

    /// Moves the header's figures for question `index` from its record `old`
    /// to the one it has now. The score counts the current list as the round
    /// shows it; cards due count the current section.
    pub(super) fn account(&mut self, index: usize, old: Option<&Record>) {
        let Some(q) = self.quiz.questions.get(index) else {
            return;
        };
        let new = self.records.get(&q.id);
        let listed = self.listed.get(index).copied().unwrap_or_else(|| {
            quiz_stdx::never!("question {index} has no listed flag");
            false
        });
        if listed {
            self.counts
                .tally
                .remove(&Tally::of(q, counted(self.round_start_now(), old)));
            self.counts
                .tally
                .add(&Tally::of(q, counted(self.round_start_now(), new)));
        }
        if self.is_drawn(index) && self.in_section(q) {
            let (was, is) = (due_time(&self.schedulers, q, old), due_time(&self.schedulers, q, new));
            let day_end = self.counts.day_end;
            let counts = &mut self.counts;
            if was.is_some_and(|t| t <= day_end) {
                counts.due = counts.due.saturating_sub(1);
            }
            match is {
                Some(t) if t <= day_end => counts.due += 1,
                Some(t) => counts.next_due = Some(counts.next_due.map_or(t, |n| n.min(t))),
                None => {}
            }
            // The earliest later review moved away: look for the next one.
            if was.is_some() && was == counts.next_due && is != was {
                self.counts.next_due = self.find_next_due();
            }
        }
    }

    /// Each graded item of the whole list ([`Session::whole_tally`]) with
    /// its result.
    pub fn results(&self) -> Vec<ItemResult> {
        let (items, round_start) = self.whole_list();
        let graded = items.iter().filter_map(|&i| self.quiz.questions.get(i));
        graded
            .filter(|q| !q.kind.name().is_self_graded())
            .map(|q| self.result_in(q, round_start))
            .collect()
    }

    /// One graded question's result, as the round shows it (`None` for a
    /// self-graded kind or an id the quiz does not have).
    pub fn result(&self, question_id: &str) -> Option<ItemResult> {
        let question = self.question(question_id)?;
        (!question.kind.name().is_self_graded()).then(|| self.result_of(question))
    }

    pub(super) fn result_of(&self, q: &Question) -> ItemResult {
        self.result_in(q, self.round_start_now())
    }

    fn result_in(&self, q: &Question, round_start: Option<i64>) -> ItemResult {
        let tally = Tally::of(q, counted(round_start, self.records.get(&q.id)));
        ItemResult {
            question_id: q.id.clone(),
            correct: tally.correct > 0,
            score: tally.score,
            max_score: tally.max_score,
        }
    }

    /// The score of the current list.
    pub fn tally(&self) -> Tally {
        self.counts.tally.clone()
    }

    /// The score of the whole list: in a retry of wrong answers, of the
    /// list it was started from, with the retry's answers; otherwise
    /// [`Session::tally`]. The summary's score and pass mark and
    /// `quiz-complete` are the whole list's.
    pub fn whole_tally(&self) -> Tally {
        let Some((items, round_start)) = &self.outer else {
            return self.tally();
        };
        let round_start = *round_start;
        let mut tally = Tally::default();
        for q in items.iter().filter_map(|&i| self.quiz.questions.get(i)) {
            tally.add(&Tally::of(q, counted(round_start, self.records.get(&q.id))));
        }
        tally
    }

    /// Score per topic of the whole list ([`Session::whole_tally`]), sorted by topic; items without a
    /// topic are under "". A sorted list rather than a `BTreeMap`, whose
    /// code the wasm does not otherwise need (1.5 KB).
    pub fn tally_by_topic(&self) -> Vec<(String, Tally)> {
        let mut by_topic: Vec<(String, Tally)> = Vec::new();
        let (items, round_start) = self.whole_list();
        for q in items.iter().filter_map(|&i| self.quiz.questions.get(i)) {
            let topic = q.topic.as_deref().unwrap_or_default();
            let at = match by_topic.binary_search_by(|(t, _)| t.as_str().cmp(topic)) {
                Ok(at) => at,
                Err(at) => {
                    by_topic.insert(at, (topic.to_owned(), Tally::default()));
                    at
                }
            };
            let tally = Tally::of(q, counted(round_start, self.records.get(&q.id)));
            match by_topic.get_mut(at) {
                Some((_, sum)) => sum.add(&tally),
                None => quiz_stdx::never!("topic {at} was just found or inserted"),
            }
        }
        by_topic
    }

    /// Items of the current section (or the whole quiz) due by the end of
    /// today: flashcards (new ones included) and graded questions answered
    /// before, when the quiz schedules them.
    pub fn due(&self) -> usize {
        self.counts.due
    }

    /// When the next item of the current section falls due after today, if any.
    pub fn next_due(&self) -> Option<i64> {
        self.counts.next_due
    }

    /// Whether spaced repetition schedules `question`.
    pub fn schedules(&self, question: &quiz_format::model::Question) -> bool {
        self.schedulers.of(question.kind.name()).is_some()
    }
}
