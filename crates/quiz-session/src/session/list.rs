//! The list of items a learner goes through: the draw, the filters and mode, the shuffled orders, and moving along it.

use super::*;

/// Which questions are drawn with `seed` (none is set yet: 0): in each pool
/// that draws (a section with `draw`, and the questions outside any section
/// with the quiz's `draw`), that many, picked by a shuffle seeded with the
/// learner's seed and the pool's name; every question of other pools.
pub(super) fn drawn(quiz: &Quiz, seed: Option<u64>, list: Option<&(Option<String>, u16)>) -> Vec<bool> {
    let mut flags = vec![true; quiz.questions.len()];
    let pools = quiz.sections.iter().map(|s| (Some(s.id.as_str()), s.draw));
    for (section, draw) in std::iter::once((None, quiz.draw)).chain(pools) {
        // The host page's draw replaces the pool's own.
        let draw = match list {
            Some((list_section, n)) if list_section.as_deref() == section => Some(*n),
            _ => draw,
        };
        let Some(draw) = draw else { continue };
        let mut pool: Vec<usize> = (0..quiz.questions.len())
            .filter(|&i| quiz.questions.get(i).is_some_and(|q| q.section.as_deref() == section))
            .collect();
        shuffle(&mut pool, seed.unwrap_or(0) ^ fnv64(section.unwrap_or("")));
        for &i in pool.iter().skip(usize::from(draw)) {
            if let Some(flag) = flags.get_mut(i) {
                *flag = false;
            }
        }
    }
    flags
}

/// A flag per question (`len` of them), set for the indices in `set`.
pub(super) fn flags(set: &[usize], len: usize) -> Vec<bool> {
    let mut flags = vec![false; len];
    for &i in set {
        if let Some(slot) = flags.get_mut(i) {
            *slot = true;
        }
    }
    flags
}

/// Whether `record` was made for the question `id` of `quiz` as it is now.
pub(super) fn fits(quiz: &Quiz, index_of: &Map<String, usize>, id: &str, record: &Record) -> bool {
    index_of
        .get(id)
        .and_then(|&i| quiz.questions.get(i))
        .is_some_and(|q| record.fits(q))
}

/// `record` as the current round shows it: an answer given before the round
/// began is not shown (the item starts fresh). Cards and exercises are not
/// answers: their schedule and notes carry over.
pub(super) fn shown(round_start: Option<i64>, record: Option<&Record>) -> Option<&Record> {
    record.filter(|r| {
        !(matches!(r.state, ItemState::Answered { .. }) && round_start.is_some_and(|start| r.updated_ms < start))
    })
}

/// `record` as the current round counts it: an answer or a card's review
/// from before the round began is earlier work, not the round's (a card
/// reviewed yesterday is not done in today's due round, though its schedule
/// shows); an exercise's notes and self-assessment carry over.
pub(super) fn counted(round_start: Option<i64>, record: Option<&Record>) -> Option<&Record> {
    record.filter(|r| {
        matches!(r.state, ItemState::Practised { .. }) || round_start.is_none_or(|start| r.updated_ms >= start)
    })
}

impl Session {
    /// When the round the learner is in began, as it counts now: due mode's
    /// round is a day's, so a review or an answer from an earlier day is
    /// earlier work even when the learner stayed in due mode since.
    pub(super) fn round_start_now(&self) -> Option<i64> {
        match self.mode {
            Mode::Due => {
                let today = self.now.end_of_day().saturating_sub(crate::schedule::DAY_MS);
                Some(self.round_start.map_or(today, |start| start.max(today)))
            }
            Mode::Practice | Mode::Review => self.round_start,
        }
    }

    /// Whether the item passes the mode, the filters and the retry list
    /// (`only`, as a flag per question, so that listing is linear in the quiz).
    pub(super) fn is_listed(&self, index: usize, only: Option<&[bool]>) -> bool {
        let Some(q) = self.quiz.questions.get(index) else {
            return false;
        };
        if !self.is_drawn(index) {
            return false;
        }
        let f = &self.filters;
        if f.section.as_ref().is_some_and(|s| q.section.as_ref() != Some(s))
            || f.difficulty.is_some_and(|d| q.difficulty != Some(d))
            || f.topic.as_ref().is_some_and(|t| q.topic.as_ref() != Some(t))
        {
            return false;
        }
        if only.is_some_and(|only| !quiz_stdx::or_never(only.get(index).copied(), false, "a flag per question")) {
            return false;
        }
        let record = self.records.get(&q.id);
        match self.mode {
            Mode::Practice => true,
            Mode::Review => record.is_some_and(Record::is_mistake),
            Mode::Due => self.is_due(q, record),
        }
    }

    /// The list a retry of wrong answers was started from (the current list
    /// outside a retry), in the quiz's order, and the start of its round.
    pub(super) fn whole_list(&self) -> (Rc<[usize]>, Option<i64>) {
        match &self.outer {
            Some((items, start)) => (Rc::clone(items), *start),
            None => (Rc::clone(&self.items), self.round_start_now()),
        }
    }

    /// Recomputes the item list after a change of mode, filters or shuffle.
    pub(super) fn rebuild(&mut self) {
        let current = self.current();
        let only = self.only.as_ref().map(|only| flags(only, self.quiz.questions.len()));
        let mut items: Vec<usize> = (0..self.quiz.questions.len())
            .filter(|&i| self.is_listed(i, only.as_deref()))
            .collect();
        if let Some(seed) = self.shuffle_seed {
            shuffle(&mut items, seed);
        }
        self.listed = flags(&items, self.quiz.questions.len()).into();
        self.items = items.into();
        self.position = current
            .and_then(|c| self.items.iter().position(|&i| i == c))
            .unwrap_or(0);
        self.views.clear();
        self.recount();
    }

    /// Whether question `index` was drawn for this learner (every question
    /// is when its pool does not draw).
    pub(super) fn is_drawn(&self, index: usize) -> bool {
        quiz_stdx::or_never(self.drawn.get(index).copied(), true, "a drawn flag per question")
    }

    /// Whether the quiz draws questions and the learner has no seed for it
    /// yet: the shell then sends [`List::SeedDraw`].
    pub fn needs_draw_seed(&self) -> bool {
        let draws = self.quiz.draw.is_some() || self.quiz.sections.iter().any(|s| s.draw.is_some());
        self.draw_seed.is_none() && (draws || self.list_draw.is_some())
    }

    /// The host page's draw (the element's `draw`): of `section`'s
    /// questions, or of those outside any section, `draw` for each learner,
    /// in place of the pool's own.
    pub(crate) fn draw_list(&mut self, section: Option<String>, draw: u16) {
        self.list_draw = Some((section, draw));
        self.drawn = drawn(&self.quiz, self.draw_seed, self.list_draw.as_ref()).into();
        self.new_list(self.only.clone(), self.round_start);
    }

    /// The order an ordering question's items start in: shuffled the same
    /// way for every learner, and never already right.
    pub fn start_order(&self, index: usize) -> Vec<usize> {
        let Some(q) = self.quiz.questions.get(index) else {
            return Vec::new();
        };
        let count = if let QuestionKind::Ordering(kind) = &q.kind {
            kind.items.len()
        } else {
            0
        };
        let mut order: Vec<usize> = (0..count).collect();
        shuffle(&mut order, fnv64(&q.id) ^ 0x6f72_6465_7269_6e67);
        if order.iter().enumerate().all(|(at, &i)| at == i) {
            order.rotate_left(1);
        }
        order
    }

    /// The order a matching question's right items are offered in
    /// (indices into [`quiz_format::Matching::rights`]): shuffled the same
    /// way for every learner.
    pub fn right_order(&self, index: usize) -> Vec<usize> {
        let Some(q) = self.quiz.questions.get(index) else {
            return Vec::new();
        };
        let count = if let QuestionKind::Matching(kind) = &q.kind {
            kind.pairs.len() + kind.distractors.len()
        } else {
            0
        };
        let mut order: Vec<usize> = (0..count).collect();
        shuffle(&mut order, fnv64(&q.id) ^ 0x6d61_7463_6869_6e67);
        order
    }

    /// The order to show a question's choices in (original indices).
    /// For a matching question, the order of its right items
    /// ([`Session::right_order`]).
    pub fn choice_order(&self, index: usize) -> Vec<usize> {
        if let Some(QuestionKind::Matching(_)) = self.quiz.questions.get(index).map(|q| &q.kind) {
            return self.right_order(index);
        }
        let count = self.quiz.questions.get(index).map_or(0, |q| q.kind.choices().len());
        let mut order: Vec<usize> = (0..count).collect();
        if let (Some(seed), Some(q)) = (self.shuffle_seed, self.quiz.questions.get(index)) {
            shuffle(&mut order, seed ^ fnv64(&q.id));
        }
        order
    }

    /// Starts a new list: the mode and filters as they are, only `only` (by
    /// index) if given, and a new round from `round_start` if given.
    pub(super) fn new_list(&mut self, only: Option<Vec<usize>>, round_start: Option<i64>) -> Vec<Effect> {
        if only.is_none() {
            self.outer = None;
        }
        self.only = only;
        self.round_start = round_start;
        self.rebuild();
        self.position = 0;
        vec![Effect::Store(Storage::SaveSettings)]
    }

    /// Every [`List`] change: a new list, a new round, or the end of an exam.
    pub(super) fn change_list(&mut self, change: List, now_ms: i64) -> Vec<Effect> {
        match change {
            List::PickSection(section) => self.refilter(|f| f.section = section),
            List::FilterDifficulty(d) => self.refilter(|f| f.difficulty = d),
            List::FilterTopic(t) => self.refilter(|f| f.topic = t),
            List::PickMode(mode) => {
                self.mode = mode;
                // Reviewing mistakes or what is due is a new round: each item starts fresh.
                let fresh = matches!(mode, Mode::Review | Mode::Due);
                self.new_list(None, fresh.then_some(now_ms))
            }
            List::RetryWrong => {
                let wrong = self.items.iter().copied();
                let wrong = wrong
                    .filter(|&i| self.record_of(i).is_some_and(Record::is_mistake))
                    .collect();
                // A retry within a retry still returns to the first list.
                let outer = self.whole_list();
                let effects = self.new_list(Some(wrong), Some(now_ms));
                self.outer = Some(outer);
                effects
            }
            List::LeaveRetry => match self.outer.take() {
                Some((_, start)) => {
                    let effects = self.new_list(None, start);
                    // Back where the retry was started: the summary.
                    self.position = self.items.len();
                    effects
                }
                None => Vec::new(),
            },
            List::StartOver => match self.next_attempt(now_ms) {
                Some(next) => next,
                None => self.new_list(None, Some(now_ms)),
            },
            List::SubmitExam => self.submit_exam(),
            List::ResetProgress => {
                self.records.clear();
                let mut effects = vec![Effect::Store(Storage::ClearRecords)];
                effects.extend(self.new_list(None, None));
                effects
            }
            List::Shuffle(seed) => {
                self.shuffle_seed = seed;
                self.new_list(self.only.clone(), self.round_start)
            }
            List::SeedDraw(seed) if self.draw_seed.is_none() => {
                self.draw_seed = Some(seed);
                self.drawn = drawn(&self.quiz, Some(seed), self.list_draw.as_ref()).into();
                self.new_list(self.only.clone(), self.round_start)
            }
            List::SeedDraw(_) => Vec::new(),
        }
    }

    pub(super) fn refilter(&mut self, change: impl FnOnce(&mut Filters)) -> Vec<Effect> {
        change(&mut self.filters);
        self.new_list(None, None)
    }

    /// Next, Previous and GoTo; where the learner is is remembered.
    pub(super) fn navigate(&mut self, step: &Navigate) -> Vec<Effect> {
        let to = match step {
            Navigate::Next => (self.position + 1).min(self.items.len()),
            Navigate::Previous => self.position.saturating_sub(1),
            Navigate::GoTo(n) => (*n).min(self.items.len()),
        };
        if to == self.position {
            return Vec::new();
        }
        // The last move of an item left behind is not announced again.
        if let Some(i) = self.current() {
            if self.views.get(&i).is_some_and(|v| v.moved.is_some()) {
                self.view_mut(i).moved = None;
            }
        }
        self.position = to;
        vec![Effect::Store(Storage::SaveSettings)]
    }

    pub(super) fn in_section(&self, q: &quiz_format::model::Question) -> bool {
        let section = self.filters.section.as_deref();
        section.is_none_or(|s| q.section.as_deref() == Some(s))
    }
}
