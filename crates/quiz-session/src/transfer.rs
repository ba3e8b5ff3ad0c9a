//! Moving progress between browsers and out to other tools: export to a JSON
//! file, import it again (validated and merged), and results as CSV.

use quiz_stdx::Map;
use std::fmt::Write as _;

use crate::progress::{merge, ItemState, Record, Records};
use quiz_format::json::{self, Value, Writer};
use quiz_format::model::Quiz;

/// Marks a progress export, so any other JSON is refused with a clear message.
pub const EXPORT_FORMAT: &str = "quiz-widget-progress";

/// The progress of one quiz as a JSON document.
pub fn export_progress(quiz_id: &str, records: &Records, now_ms: i64) -> String {
    // Owned ids: sorting `Vec<String>` shares the sort routine the widget
    // already has (topics, merged ids) instead of adding one to the wasm.
    let mut ids: Vec<String> = records.keys().cloned().collect();
    ids.sort_unstable();
    let mut w = Writer::pretty();
    w.open('{').key("format").string(EXPORT_FORMAT).key("version").number(1);
    w.key("quiz").string(quiz_id).key("exported").string(&iso_utc(now_ms));
    w.key("records").open('{');
    for id in &ids {
        if let Some(record) = records.get(id) {
            w.key(id);
            record.write(&mut w);
        }
    }
    w.close('}').close('}');
    let mut out = w.finish();
    out.push('\n');
    out
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Questions that had no progress here and now have it.
    pub added: usize,
    /// Questions whose progress here was older and was replaced, or lacked
    /// reviews the file has.
    pub updated: usize,
    /// Records that were not newer than what is here.
    pub unchanged: usize,
    /// Records for questions that are gone or were edited since the export.
    pub skipped: usize,
}

/// Reads an export of the quiz `quiz_id` and merges it into `records`,
/// taking only the records `admit` says were made for a question of the quiz
/// as it is now (it may complete them first, as the session gives answers
/// their schedule). Returns the ids that changed and a summary, or a message
/// saying why the file was refused.
pub fn import_progress(
    text: &str,
    quiz_id: &str,
    admit: impl Fn(&str, &mut Record) -> bool,
    records: &mut Records,
) -> Result<(Vec<String>, ImportSummary), String> {
    let root = json::parse(text).map_err(|e| format!("this is not a progress file: invalid JSON ({})", e.message))?;
    if root.get("format").and_then(|n| n.as_str()) != Some(EXPORT_FORMAT) {
        return Err("this is not a quiz-widget progress export (its \"format\" is missing or different)".to_owned());
    }
    match root.get("quiz").and_then(|n| n.as_str()) {
        Some(id) if id == quiz_id => {}
        Some(id) => {
            return Err(format!(
                "this file holds progress for the quiz \"{id}\", not for \"{quiz_id}\""
            ))
        }
        None => return Err("the progress file does not say which quiz it is for".to_owned()),
    }
    let Some(Value::Object(members)) = root.get("records").map(|n| &n.value) else {
        return Err("the progress file has no \"records\" object".to_owned());
    };
    let mut summary = ImportSummary::default();
    let mut incoming = Map::default();
    for member in members {
        let record = Record::from_node(&member.value);
        match record.and_then(|mut r| admit(&member.key, &mut r).then_some(r)) {
            Some(record) => {
                incoming.insert(member.key.as_ref().to_owned(), record);
            }
            None => summary.skipped += 1,
        }
    }
    let existed: Vec<(String, bool)> = incoming
        .keys()
        .map(|id| (id.clone(), records.contains_key(id)))
        .collect();
    // `merge` returns the changed ids sorted, so each lookup is a binary search.
    let changed = merge(records, incoming);
    for (id, existed) in &existed {
        match (changed.binary_search(id).is_ok(), existed) {
            (true, false) => summary.added += 1,
            (true, true) => summary.updated += 1,
            (false, _) => summary.unchanged += 1,
        }
    }
    Ok((changed, summary))
}

fn csv_field(out: &mut String, text: &str) {
    // Quote every text field; a leading = + - @ would be run as a formula by
    // spreadsheets, so it is prefixed with an apostrophe.
    let risky = text.starts_with(['=', '+', '-', '@']);
    out.push('"');
    if risky {
        out.push('\'');
    }
    out.push_str(&text.replace('"', "\"\""));
    out.push('"');
}

/// One row per question answered, checked or practised: id, topic, whether
/// the last check was correct, attempts, the last time, and when it is due
/// for review (empty when it is not scheduled), as CSV.
pub fn results_csv(quiz: &Quiz, records: &Records) -> String {
    let mut out = String::from("question_id,topic,correct,attempts,last_answered,next_review\r\n");
    for q in &quiz.questions {
        let Some(record) = records.get(&q.id) else { continue };
        let (correct, attempts) = match &record.state {
            ItemState::Answered { correct, attempts, .. } => (correct.to_string(), *attempts),
            ItemState::Reviewed { last, reviews, .. } => ((!last.is_weak()).to_string(), *reviews),
            ItemState::Practised { done, .. } => (String::new(), u32::from(done.is_some())),
        };
        csv_field(&mut out, &q.id);
        out.push(',');
        csv_field(&mut out, q.topic.as_deref().unwrap_or_default());
        let next = record.state.schedule().map(|s| iso_utc(s.due_ms())).unwrap_or_default();
        let _ = write!(out, ",{correct},{attempts},{},{next}\r\n", iso_utc(record.updated_ms));
    }
    out
}

/// `2026-11-24T09:30:00Z` for a time in ms since the epoch (UTC).
pub fn iso_utc(ms: i64) -> String {
    let seconds = ms.div_euclid(1000);
    let (days, secs) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Response;

    fn quiz() -> quiz_format::ValidQuiz {
        quiz_format::load(
            r#"{"id": "t", "title": "T", "questions": [
                {"id": "a", "type": "single", "topic": "=SUM(1)", "prompt": "p", "choices": ["x", "y"], "answer": 0, "explanation": "e"},
                {"id": "b", "type": "true_false", "prompt": "q", "answer": true, "explanation": "e"}]}"#,
        )
        .quiz
        .unwrap()
    }

    fn answered(quiz: &Quiz, index: usize, t: i64, correct: bool) -> Record {
        Record {
            question_hash: quiz.questions[index].content_hash(),
            updated_ms: t,
            state: ItemState::Answered {
                response: Response::Choice(0),
                correct,
                attempts: 1,
                schedule: Some(crate::schedule::test_schedule(crate::schedule::Grade::Good, t)),
            },
        }
    }

    /// Whether a record fits a question of `quiz`, as the session decides it.
    fn fits_in(quiz: &Quiz) -> impl Fn(&str, &mut Record) -> bool + '_ {
        |id, record| quiz.questions.iter().any(|q| q.id == id && record.fits(q))
    }

    #[test]
    fn export_then_import_round_trips_and_summarises() {
        let quiz = quiz();
        let mine = Records::from(Map::from_iter([("a".to_owned(), answered(&quiz, 0, 100, true))]));
        let file = export_progress("t", &mine, 1_764_000_000_000);
        assert!(file.contains("\"exported\": \"2025-11-24T16:00:00Z\""), "{file}");

        let mut empty = Records::new();
        let (changed, summary) = import_progress(&file, &quiz.id, fits_in(&quiz), &mut empty).unwrap();
        assert_eq!(changed, vec!["a".to_owned()]);
        assert_eq!(
            summary,
            ImportSummary {
                added: 1,
                ..Default::default()
            }
        );
        assert_eq!(empty, mine);

        // A later answer here, given after the exported one (its log has both reviews).
        let mut later = answered(&quiz, 0, 200, false);
        if let (ItemState::Answered { schedule: Some(s), .. }, Some(exported)) =
            (&mut later.state, mine.get("a").and_then(|r| r.state.schedule()))
        {
            s.join(exported);
        }
        let mut newer = Records::from(Map::from_iter([("a".to_owned(), later)]));
        let (_, summary) = import_progress(&file, &quiz.id, fits_in(&quiz), &mut newer).unwrap();
        assert_eq!(
            summary,
            ImportSummary {
                unchanged: 1,
                ..Default::default()
            }
        );
        assert_eq!(
            newer.get("a").map(|r| r.updated_ms),
            Some(200),
            "the newer local answer is kept"
        );
    }

    #[test]
    fn imports_skip_records_of_edited_or_removed_questions() {
        let quiz = quiz();
        let mut stale = answered(&quiz, 0, 100, true);
        stale.question_hash ^= 1;
        let records = Records::from(Map::from_iter([
            ("a".to_owned(), stale),
            ("gone".to_owned(), answered(&quiz, 0, 100, true)),
        ]));
        let file = export_progress("t", &records, 0);
        let (changed, summary) = import_progress(&file, &quiz.id, fits_in(&quiz), &mut Records::new()).unwrap();
        assert!(changed.is_empty());
        assert_eq!(summary.skipped, 2);
    }

    #[test]
    fn imports_refuse_other_files_with_a_reason() {
        let quiz = quiz();
        let mut records = Records::new();
        assert!(import_progress("{", &quiz.id, fits_in(&quiz), &mut records)
            .unwrap_err()
            .contains("invalid JSON"));
        assert!(import_progress("{}", &quiz.id, fits_in(&quiz), &mut records)
            .unwrap_err()
            .contains("not a quiz-widget progress export"));
        let other = export_progress("other-quiz", &Records::new(), 0);
        assert_eq!(
            import_progress(&other, &quiz.id, fits_in(&quiz), &mut records).unwrap_err(),
            "this file holds progress for the quiz \"other-quiz\", not for \"t\""
        );
    }

    #[test]
    fn csv_has_a_row_per_answered_question_and_defuses_formulas() {
        let quiz = quiz();
        let records = Records::from(Map::from_iter([("a".to_owned(), answered(&quiz, 0, 0, true))]));
        assert_eq!(
            results_csv(&quiz, &records),
            "question_id,topic,correct,attempts,last_answered,next_review\r\n\"a\",\"'=SUM(1)\",true,1,1970-01-01T00:00:00Z,1970-01-01T00:10:00Z\r\n"
        );
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(951_782_400_000), "2000-02-29T00:00:00Z");
        assert_eq!(iso_utc(-1000), "1969-12-31T23:59:59Z");
    }
}
