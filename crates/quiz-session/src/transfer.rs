//! Moving progress between browsers and out to other tools: export to a JSON
//! file, import it again (validated and merged), and results as CSV.

use quiz_stdx::Map;
use std::fmt::Write as _;

use crate::progress::{merge, ItemState, Record, Records};
use quiz_format::json::{self, Value, Writer};
use quiz_format::model::Quiz;

/// Marks a progress export, so any other JSON is refused with a clear message.
pub const EXPORT_FORMAT: &str = "quiz-widget-progress";

/// The names of the two files the tools make for the quiz `quiz_id`: its
/// progress (JSON) and its results (CSV).
pub fn file_names(quiz_id: &str) -> [String; 2] {
    [format!("{quiz_id}-progress.json"), format!("{quiz_id}-results.csv")]
}

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

/// Reads an export of the quiz `quiz_id` and merges it into `records`:
/// [`read_export`], then [`import_records`].
pub fn import_progress(
    text: &str,
    quiz_id: &str,
    admit: impl Fn(&str, &mut Record) -> bool,
    records: &mut Records,
) -> Result<(Vec<String>, ImportSummary), String> {
    import_records(read_export(text, quiz_id)?, admit, records)
}

/// Checks that `text` is a progress export of the quiz `quiz_id` and returns
/// the text of its `records` object, or a message saying why the file is
/// refused. The first half of an import, which the learner's module leaves
/// to the tools module (src/transfer.rs); [`import_records`] is the second.
pub fn read_export<'t>(text: &'t str, quiz_id: &str) -> Result<&'t str, String> {
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
    match root.get("records") {
        Some(
            node @ json::Node {
                value: Value::Object(_),
                ..
            },
        ) => {
            // The reader's span of a node it read lies on character boundaries.
            let records = text.get(node.span.start..node.span.end);
            Ok(quiz_stdx::or_never(records, "{}", "the records' span is in the text"))
        }
        _ => Err("the progress file has no \"records\" object".to_owned()),
    }
}

/// Merges the records of an export (the `records` object [`read_export`]
/// found) into `records`, taking only those `admit` says were made for a
/// question of the quiz as it is now (it may complete them first, as the
/// session gives answers their schedule). Returns the ids that changed and
/// a summary.
pub fn import_records(
    text: &str,
    admit: impl Fn(&str, &mut Record) -> bool,
    records: &mut Records,
) -> Result<(Vec<String>, ImportSummary), String> {
    let read = read_records(text).ok_or("the progress file's records could not be read")?;
    let mut summary = ImportSummary::default();
    let mut incoming = Map::default();
    for (id, record) in read {
        match record.and_then(|mut r| admit(&id, &mut r).then_some(r)) {
            Some(record) => {
                incoming.insert(id, record);
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

/// Records as one compact JSON object, `{"id": record, …}`: what the
/// learner's module hands the tools module to export.
pub fn write_records(records: &Records) -> String {
    let mut w = Writer::compact();
    w.open('{');
    for (id, record) in records.iter() {
        w.key(id);
        record.write(&mut w);
    }
    w.close('}');
    w.finish()
}

/// A JSON object of records, each read or `None` where it is not one;
/// `None` for text that is not a JSON object.
pub fn read_records(text: &str) -> Option<Vec<(String, Option<Record>)>> {
    let root = json::parse(text).ok()?;
    let Value::Object(members) = root.value else {
        return None;
    };
    Some(
        members
            .iter()
            .map(|m| (m.key.as_ref().to_owned(), Record::from_node(&m.value)))
            .collect(),
    )
}

fn csv_field(out: &mut String, text: &str) {
    // Quote every text field; a leading = + - @, tab or carriage return
    // would be run as a formula by spreadsheets (OWASP's list), so it is
    // prefixed with an apostrophe.
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    out.push('"');
    if risky {
        out.push('\'');
    }
    out.push_str(&text.replace('"', "\"\""));
    out.push('"');
}

/// One row per question answered, checked or practised, in the order of
/// `questions` (each its id and topic): id, topic, whether the last check
/// was correct, attempts, the last time, and when it is due for review
/// (empty when it is not scheduled), as CSV.
pub fn results_csv<'q>(questions: impl IntoIterator<Item = (&'q str, Option<&'q str>)>, records: &Records) -> String {
    let mut out = String::from("question_id,topic,correct,attempts,last_answered,next_review\r\n");
    for (id, topic) in questions {
        let Some(record) = records.get(id) else { continue };
        let (correct, attempts) = match &record.state {
            ItemState::Answered { correct, attempts, .. } => (correct.to_string(), *attempts),
            ItemState::Reviewed { last, reviews, .. } => ((!last.is_weak()).to_string(), *reviews),
            ItemState::Practised { done, .. } => (String::new(), u32::from(done.is_some())),
        };
        csv_field(&mut out, id);
        out.push(',');
        csv_field(&mut out, topic.unwrap_or_default());
        let next = record.state.schedule().map(|s| iso_utc(s.due_ms())).unwrap_or_default();
        let _ = write!(out, ",{correct},{attempts},{},{next}\r\n", iso_utc(record.updated_ms));
    }
    out
}

/// The results of `quiz`'s questions as CSV ([`results_csv`]).
pub fn quiz_results_csv(quiz: &Quiz, records: &Records) -> String {
    results_csv(
        quiz.questions.iter().map(|q| (q.id.as_str(), q.topic.as_deref())),
        records,
    )
}

/// The quiz's questions for the CSV, as JSON: `[["id", "topic"], …]` (an
/// empty topic for none, which the CSV writes alike), what the learner's
/// module hands the tools module.
pub fn write_questions(quiz: &Quiz) -> String {
    let mut w = Writer::compact();
    w.open('[');
    for q in &quiz.questions {
        w.open('[')
            .string(&q.id)
            .string(q.topic.as_deref().unwrap_or_default())
            .close(']');
    }
    w.close(']');
    w.finish()
}

/// What [`write_questions`] wrote; `None` for anything else.
pub fn read_questions(text: &str) -> Option<Vec<(String, String)>> {
    let root = json::parse(text).ok()?;
    let Value::Array(items) = root.value else {
        return None;
    };
    let text_at = |pair: &[json::Node], i: usize| pair.get(i).and_then(|n| n.as_str()).map(str::to_owned);
    items
        .iter()
        .map(|item| {
            let pair = item.as_array()?;
            Some((text_at(pair, 0)?, text_at(pair, 1)?))
        })
        .collect()
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
            quiz_results_csv(&quiz, &records),
            "question_id,topic,correct,attempts,last_answered,next_review\r\n\"a\",\"'=SUM(1)\",true,1,1970-01-01T00:00:00Z,1970-01-01T00:10:00Z\r\n"
        );
    }

    proptest::proptest! {
        /// The CSV read back by the `csv` crate, a reader of the field, has
        /// one row per answered question and every topic as written, with
        /// an apostrophe before one a spreadsheet would run as a formula.
        #[test]
        fn a_csv_reader_reads_every_topic_back(topics in proptest::collection::vec("[=+@\t\r\n\",;a-z -]{0,12}", 2)) {
            let quiz = quiz();
            let records = Records::from(Map::from_iter([
                ("a".to_owned(), answered(&quiz, 0, 0, true)),
                ("b".to_owned(), answered(&quiz, 1, 0, false)),
            ]));
            let questions = [("a", topics.first().map(String::as_str)), ("b", topics.get(1).map(String::as_str))];
            let text = results_csv(questions, &records);
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
            proptest::prop_assert_eq!(rows.len(), 2);
            for (row, topic) in rows.iter().zip(&topics) {
                let risky = topic.starts_with(['=', '+', '-', '@', '\t', '\r']);
                let expected = if risky { format!("'{topic}") } else { topic.clone() };
                proptest::prop_assert_eq!(row.get(1), Some(expected.as_str()));
            }
        }
    }

    #[test]
    fn formulas_are_defused_whatever_starts_them() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            let mut out = String::new();
            csv_field(&mut out, &format!("{start}cmd|' /C calc'!A0"));
            assert!(out.starts_with("\"'"), "{start:?}: {out}");
        }
        let mut out = String::new();
        csv_field(&mut out, "plain");
        assert_eq!(out, "\"plain\"");
    }

    #[test]
    fn the_handover_between_the_modules_keeps_records_and_questions() {
        let quiz = quiz();
        let records = Records::from(Map::from_iter([
            ("a".to_owned(), answered(&quiz, 0, 100, true)),
            ("b".to_owned(), answered(&quiz, 1, 200, false)),
        ]));
        let mut read: Vec<(String, Option<Record>)> = read_records(&write_records(&records)).unwrap();
        read.sort_by(|x, y| x.0.cmp(&y.0));
        assert_eq!(
            read,
            vec![
                ("a".to_owned(), records.get("a").cloned()),
                ("b".to_owned(), records.get("b").cloned())
            ]
        );
        assert_eq!(read_records("[1]"), None);
        assert_eq!(read_records(r#"{"x": 1}"#), Some(vec![("x".to_owned(), None)]));

        let questions = read_questions(&write_questions(&quiz)).unwrap();
        assert_eq!(
            questions,
            vec![("a".to_owned(), "=SUM(1)".to_owned()), ("b".to_owned(), String::new())]
        );
        assert_eq!(
            results_csv(
                questions.iter().map(|(id, topic)| (id.as_str(), Some(topic.as_str()))),
                &records
            ),
            quiz_results_csv(&quiz, &records),
            "the tools module's CSV is the linked one's"
        );
        assert_eq!(read_questions(r#"[["a"]]"#), None);
    }

    #[test]
    fn an_export_is_read_to_its_records_text() {
        let file = export_progress("t", &Records::new(), 0);
        assert_eq!(read_export(&file, "t"), Ok("{}"));
        assert_eq!(
            read_export(r#"{"format": "quiz-widget-progress", "quiz": "t", "records": []}"#, "t"),
            Err("the progress file has no \"records\" object".to_owned())
        );
        assert_eq!(
            import_records("[]", |_, _| true, &mut Records::new()),
            Err("the progress file's records could not be read".to_owned())
        );
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(951_782_400_000), "2000-02-29T00:00:00Z");
        assert_eq!(iso_utc(-1000), "1969-12-31T23:59:59Z");
    }
}
