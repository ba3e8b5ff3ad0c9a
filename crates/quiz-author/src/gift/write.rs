//! Writing a quiz as a GIFT bank, and what GIFT cannot hold.

use quiz_format::model::{NumericForm, Question, QuestionKind, Quiz};
use quiz_format::Blank;

use super::escape;
use super::read::MISSING_WORD_PROMPT;

/// The quiz as GIFT: each section a `$CATEGORY`, each question named by its
/// id, the explanation as the question's feedback. The second value says,
/// per question, what GIFT could not hold: a question of a kind it lacks is
/// left out and said so; a part it cannot hold (hints, a unit) is said so.
pub fn export_gift(quiz: &Quiz) -> (String, Vec<String>) {
    let mut out = format!(
        "// {}\n// Written by quiz-widget's `quiz export --format gift`.\n",
        one_line(&quiz.title)
    );
    let mut notes = Vec::new();
    let mut category: Option<&str> = None;
    for q in &quiz.questions {
        if q.section.as_deref() != category {
            category = q.section.as_deref();
            let title = quiz
                .sections
                .iter()
                .find(|s| Some(s.id.as_str()) == category)
                .map_or(quiz.title.as_str(), |s| s.title.as_str());
            out.push_str(&format!("\n$CATEGORY: {}\n", one_line(title).replace('/', "-")));
        }
        let mut said = Vec::new();
        match question(q, &mut said) {
            Some(text) => {
                out.push('\n');
                out.push_str(&tag_line(q, &mut said));
                out.push_str(&text);
                out.push('\n');
            }
            None => said.push("left out".to_owned()),
        }
        notes.extend(said.into_iter().map(|s| format!("question {}: {s}", q.id)));
    }
    (out, notes)
}

/// The question's topic, difficulty and tags as Moodle's `[tag:…]` in a
/// comment line above it (`topic:…`, `difficulty:…`), or nothing.
fn tag_line(q: &Question, said: &mut Vec<String>) -> String {
    let topic = q.topic.iter().map(|t| format!("topic:{t}"));
    let difficulty = q.difficulty.iter().map(|d| format!("difficulty:{}", d.as_str()));
    let all: Vec<String> = topic.chain(difficulty).chain(q.tags.iter().cloned()).collect();
    let (kept, lost): (Vec<String>, Vec<String>) = all.into_iter().partition(|t| !t.contains([']', '\n']));
    if !lost.is_empty() {
        said.push(format!(
            "tags with `]` or a line break are not kept: {}",
            lost.join(", ")
        ));
    }
    match kept.is_empty() {
        true => String::new(),
        false => format!(
            "// {}\n",
            kept.iter().map(|t| format!("[tag:{t}]")).collect::<Vec<_>>().join(" ")
        ),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One question as GIFT, or `None` for a kind GIFT lacks (said in `said`).
fn question(q: &Question, said: &mut Vec<String>) -> Option<String> {
    if !q.hints.is_empty() {
        said.push("its hints are not kept (GIFT has none)".to_owned());
    }
    if q.points.is_some_and(|p| p != 1) {
        said.push("its points are not kept (GIFT sets no mark)".to_owned());
    }
    let feedback = q
        .explanation
        .as_deref()
        .map(|e| format!(" ####{}", escape(e)))
        .unwrap_or_default();
    let name = format!("::{}::", escape(&q.id));
    let prompt = escape(&q.prompt);
    let answers = match &q.kind {
        QuestionKind::Single(k) => choices(&k.choices, &k.feedback, |i| {
            if i == k.answer {
                "=".to_owned()
            } else {
                "~".to_owned()
            }
        }),
        QuestionKind::Multiple(k) => {
            let share = weight(100.0 / k.answers.len() as f64);
            choices(&k.choices, &k.feedback, |i| {
                if k.answers.contains(&i) {
                    format!("~%{share}%")
                } else {
                    format!("~%-{share}%")
                }
            })
        }
        QuestionKind::TrueFalse(k) => if k.answer { "T" } else { "F" }.to_owned(),
        QuestionKind::Short(k) => short(&k.accept, &k.feedback, k.case_sensitive, said),
        QuestionKind::Numeric(k) => numeric(k, said),
        // A distractor is a pair with nothing on the left, as Moodle writes its extra answers.
        QuestionKind::Matching(k) => {
            let pairs = k.pairs.iter().map(|(l, r)| format!("={} -> {}", escape(l), escape(r)));
            let extra = k.distractors.iter().map(|r| format!("= -> {}", escape(r)));
            pairs.chain(extra).collect::<Vec<_>>().join(" ")
        }
        QuestionKind::Cloze(k) => return cloze(q, k, &name, &feedback, said),
        QuestionKind::Exercise(e) => {
            let lists = [&e.scenario, &e.think_about, &e.challenges, &e.skills];
            if lists.iter().any(|l| !l.is_empty()) || e.review.is_some() || e.tip.is_some() || e.minutes.is_some() {
                said.push("written as an essay question: its scenario, questions and tips are not kept".to_owned());
            }
            String::new()
        }
        QuestionKind::Flashcard(card) => {
            said.push("written as an essay question, its back as the question's feedback".to_owned());
            return Some(format!("{name}[markdown]{prompt} {{ ####{}}}", escape(&card.back)));
        }
        QuestionKind::Ordering(_) | QuestionKind::Tracing(_) => {
            said.push(format!("GIFT has no {} questions", q.kind.name().as_str()));
            return None;
        }
    };
    Some(format!("{name}[markdown]{prompt} {{{answers}{feedback}}}"))
}

/// A weight as GIFT writes it: at most five decimals, no trailing zeros.
fn weight(w: f64) -> String {
    let text = format!("{w:.5}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn choices(choices: &[String], feedback: &[String], marker: impl Fn(usize) -> String) -> String {
    let one = |(i, c): (usize, &String)| {
        let fb = feedback
            .get(i)
            .filter(|f| !f.is_empty())
            .map(|f| format!("#{}", escape(f)))
            .unwrap_or_default();
        format!("{}{}{fb}", marker(i), escape(c))
    };
    choices.iter().enumerate().map(one).collect::<Vec<_>>().join(" ")
}

fn short(accept: &[String], feedback: &[(String, String)], case_sensitive: bool, said: &mut Vec<String>) -> String {
    if case_sensitive {
        said.push("case-sensitive comparison is not kept (GIFT leaves it to the quiz's settings)".to_owned());
    }
    let fb = |answer: &str| {
        feedback
            .iter()
            .find(|(a, _)| a == answer)
            .map(|(_, f)| format!("#{}", escape(f)))
            .unwrap_or_default()
    };
    let mut parts: Vec<String> = accept.iter().map(|a| format!("={}{}", escape(a), fb(a))).collect();
    parts.extend(
        feedback
            .iter()
            .filter(|(a, _)| !accept.contains(a))
            .map(|(a, f)| format!("=%0%{}#{}", escape(a), escape(f))),
    );
    parts.join(" ")
}

fn numeric(k: &quiz_format::Numeric, said: &mut Vec<String>) -> String {
    if k.unit.is_some() {
        said.push("its unit is not kept (GIFT numbers have none)".to_owned());
    }
    let right = match k.form() {
        NumericForm::Answer {
            answer,
            tolerance: Some(t),
            ..
        } => format!("{answer}:{t}"),
        NumericForm::Answer {
            answer,
            percent: Some(_),
            ..
        } => {
            said.push("its tolerance in percent is written as the absolute tolerance it gives".to_owned());
            format!("{answer}:{}", weight((k.max - k.min) / 2.0))
        }
        NumericForm::Answer { answer, .. } => answer.to_owned(),
        NumericForm::Range(low, high) => format!("{low}..{high}"),
    };
    if k.feedback.is_empty() {
        return format!("#{right}");
    }
    let mut parts = vec![format!("={right}")];
    parts.extend(
        k.feedback
            .iter()
            .map(|(value, f)| format!("=%0%{value}:0#{}", escape(f))),
    );
    format!("#{}", parts.join(" "))
}

/// A cloze text with one blank as a missing-word question; with more, left out.
fn cloze(q: &Question, k: &quiz_format::Cloze, name: &str, feedback: &str, said: &mut Vec<String>) -> Option<String> {
    let ([blank], [before, after]) = (k.blanks.as_slice(), k.parts.as_slice()) else {
        said.push(format!(
            "GIFT's missing word has one blank, and this text has {}",
            k.blanks.len()
        ));
        return None;
    };
    let answers = match blank {
        Blank::Pick { options, right } => {
            choices(
                options,
                &[],
                |i| if i == *right { "=".to_owned() } else { "~".to_owned() },
            )
        }
        Blank::Typed(accept) => short(accept, &[], k.case_sensitive, said),
    };
    let lead = match q.prompt.as_str() {
        MISSING_WORD_PROMPT => String::new(),
        prompt => format!("{}\\n\\n", escape(prompt)),
    };
    Some(format!(
        "{name}[markdown]{lead}{} {{{answers}{feedback}}} {}",
        escape(before.trim()),
        escape(after.trim())
    ))
}
