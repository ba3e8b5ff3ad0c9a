#!/usr/bin/env python3
"""Writes tests/fixtures/qti/text2qti.json: what text2qti, a QTI 1.2 writer
whose packages Canvas imports, makes of the questions of the bundled bank
(questions.json) and of examples/my-questions.json that its Markdown can
express, summarized item by item.

`make test` compares our export with the file (tests/host/qti.rs);
comparing needs nothing installed. Regenerating it needs PyPI's text2qti at
the version named below:

    pip install text2qti==0.8.0 && python3 tools/text2qti-reference.py

The script writes each question in text2qti's Markdown (`Title:` is our
question id, `Points:` its points, `...` after the question its
explanation, `*a)`/`b)` single choices with `...` per-choice feedback,
`[*]`/`[ ]` multiple answers, `= n +- t` and `= [a, b]` numbers,
`* text` short answers, `*a) True`/`b) False`), runs text2qti's command on
each file in a temporary folder, and reads the `.zip` it writes.

The summary of an item is what both writers must agree on, with every
ident that is a writer's own choice (text2qti hashes, our ids) replaced by
its position, and every HTML text reduced to its words (`mattext` below):
    type       Canvas's question_type
    points     points_possible, a number
    text       the question's text
    responses  [{ident, kind (lid|str), cardinality, fibtype, material,
               labels: [[texttype, text]]}]
    conditions [{continue, test, score: [action, number], feedback}], each
               test a tree of {"varequal"|"vargte"|"varlte": [response,
               value]}, {"not"|"and"|"or": [...]}, "other"; a label is `#N`
               (its position in its response, from 1), a number a number
    feedback   {ident: text}, an answer's `<label>_fb` as `#N_fb`
tests/host/qti.rs reduces our items the same way (`summary`), so a change
to one reduction is a change to the other.
"""

import html
import html.parser
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path

VERSION = "0.8.0"
ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["questions.json", "examples/my-questions.json", "tests/fixtures/qti/reference.json"]
OUT = ROOT / "tests/fixtures/qti/text2qti.json"
NS = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"

# ---------------------------------------------------------------- writing


def escape_markdown(text):
    """Our Markdown as text2qti reads it to the same words: `<` and `&`
    outside code are HTML to Python-Markdown (our reader shows them as
    text), and `$` starts LaTeX in text2qti (`\\$` is a dollar)."""
    out = []
    # Fenced blocks and code spans stay as written.
    pattern = re.compile(r"(^```.*?^```[ \t]*$|`+[^`]*?`+)", re.M | re.S)
    at = 0
    for match in pattern.finditer(text):
        out.append(plain_escape(text[at:match.start()]))
        out.append(match.group(0))
        at = match.end()
    out.append(plain_escape(text[at:]))
    return "".join(out)


def plain_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("$", "\\$")


def block(marker, text):
    """`marker` and the text, its later lines indented to line up (text2qti's
    rule for text that goes on over several lines)."""
    lines = escape_markdown(text).split("\n")
    indent = " " * len(marker)
    rest = [indent + line if line.strip() else "" for line in lines[1:]]
    return "\n".join([marker + lines[0]] + rest)


def numeric_answer(q):
    """text2qti's `=` line, or None where text2qti cannot say it."""
    if "range" in q:
        low, high = q["range"]
        values = [low, high]
        line = f"= [{low}, {high}]"
    else:
        answer = q["answer"]
        if "tolerance_percent" in q:
            margin = f"{q['tolerance_percent']}%"
            by = abs(answer) * q["tolerance_percent"] / 100
        else:
            margin = q.get("tolerance", 0)
            by = margin
        values = [answer - by, answer + by]
        line = f"= {answer} +- {margin}"
    # text2qti refuses numbers closer to zero than 0.0001.
    if any(abs(v) < 1e-4 for v in values):
        return None
    return line


def question(q):
    """The question in text2qti's Markdown, or None for a question text2qti
    cannot express (kinds it lacks, zero points, numbers near zero)."""
    kind = q["type"]
    points = q.get("points", 1)
    if points <= 0:
        return None
    lines = [f"Title: {q['id']}", f"Points: {points}", block("1. ", q["prompt"])]
    if "explanation" in q:
        lines.append(block("... ", q["explanation"]))
    if kind in ("single", "multiple"):
        right = [q["answer"]] if kind == "single" else q["answers"]
        feedback = q.get("feedback", [])
        for i, choice in enumerate(q["choices"]):
            if kind == "single":
                marker = ("*" if i in right else "") + chr(ord("a") + i) + ") "
            else:
                marker = "[*] " if i in right else "[ ] "
            lines.append(block(marker, choice))
            if i < len(feedback) and feedback[i]:
                lines.append(block("... ", feedback[i]))
    elif kind == "true_false":
        lines.append(("*" if q["answer"] else "") + "a) True")
        lines.append(("" if q["answer"] else "*") + "b) False")
    elif kind == "short":
        if q.get("feedback"):
            return None  # text2qti has no feedback per short answer
        lines.extend(f"* {escape_markdown(a)}" for a in q["accept"])
    elif kind == "numeric":
        answer = numeric_answer(q)
        if answer is None:
            return None
        lines.append(answer)
    else:
        return None
    return "\n".join(lines)


def run_text2qti(title, questions, folder, name):
    """text2qti's command on a file of `questions`; its package's assessment."""
    source = folder / f"{name}.md"
    body = "\n\n".join(questions)
    source.write_text(f"Quiz title: {title}\n\n{body}\n", encoding="utf-8")
    command = [sys.executable, "-c", "import sys; from text2qti.cmdline import main; sys.exit(main())", source.name]
    subprocess.run(command, cwd=folder, check=True, stdin=subprocess.DEVNULL)
    with zipfile.ZipFile(folder / f"{name}.zip") as package:
        assessment = [n for n in package.namelist() if n.endswith(".xml") and "/" in n and not n.endswith("assessment_meta.xml")]
        return package.read(assessment[0]).decode("utf-8")


# ---------------------------------------------------------------- reading

BLOCK_TAGS = {"p", "div", "pre", "li", "ul", "ol", "br", "hr", "blockquote", "table", "thead", "tbody",
              "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
TYPOGRAPHY = [("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
              ("\u2026", "..."), ("\u2014", "---"), ("\u2013", "--"), ("\u00ab", "<<"), ("\u00bb", ">>")]


class Words(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.out.append(" ")

    handle_endtag = handle_startendtag = lambda self, tag, *a: self.handle_starttag(tag, ())

    def handle_data(self, data):
        self.out.append(data)


def text(markup):
    """The words of an HTML text: block elements apart, inline ones gone,
    entities read, curly quotes, dashes and ellipses as typed (text2qti's
    SmartyPants makes them, our writer keeps what the author typed), white
    space collapsed."""
    words = Words()
    words.feed(markup or "")
    words.close()
    joined = "".join(words.out)
    for fancy, plain in TYPOGRAPHY:
        joined = joined.replace(fancy, plain)
    return " ".join(joined.split())


def mattext(node):
    """The words of a `mattext`: of its HTML when it is `text/html`, else of its text."""
    found = node.find(f".//{NS}mattext") if node.tag != f"{NS}mattext" else node
    if found is None:
        return ""
    if found.get("texttype") == "text/html":
        return text(found.text)
    return " ".join((found.text or "").split())


def number(value):
    try:
        return float(value)
    except ValueError:
        return value


def summary(item):
    """The item reduced to what both writers must agree on (see above)."""
    fields = {f.findtext(f"{NS}fieldlabel"): f.findtext(f"{NS}fieldentry") or ""
              for f in item.iter(f"{NS}qtimetadatafield")}
    presentation = item.find(f"{NS}presentation")
    labels = {}
    responses = []
    for n, response in enumerate(r for r in presentation if r.tag in (f"{NS}response_lid", f"{NS}response_str")):
        ident = response.get("ident")
        name = ident if ident == "response1" else f"response#{n + 1}"
        own = [l for l in response.iter(f"{NS}response_label")]
        lid = response.tag == f"{NS}response_lid"
        if lid:
            for i, label in enumerate(own):
                labels[label.get("ident")] = f"#{i + 1}"
        fib = response.find(f"{NS}render_fib")
        responses.append({
            "ident": name,
            "kind": "lid" if lid else "str",
            "cardinality": response.get("rcardinality"),
            "fibtype": fib.get("fibtype") if fib is not None else None,
            "material": mattext(response.find(f"{NS}material")) if response.find(f"{NS}material") is not None else None,
            "labels": [[l.find(f".//{NS}mattext").get("texttype"), mattext(l)] for l in own] if lid else [],
        })
        labels[ident] = name

    def value(v):
        v = v or ""
        return labels.get(v, number(v.strip()))

    def test(node):
        tag = node.tag[len(NS):]
        if tag == "other":
            return "other"
        if tag in ("varequal", "vargte", "varlte"):
            return {tag: [labels.get(node.get("respident"), node.get("respident")), value(node.text)]}
        return {tag: [test(child) for child in node]}

    def feedback_ident(ident):
        if ident.endswith("_fb") and ident[:-3] in labels:
            return labels[ident[:-3]] + "_fb"
        return ident

    conditions = []
    for condition in item.iter(f"{NS}respcondition"):
        setvar = condition.find(f"{NS}setvar")
        shown = condition.find(f"{NS}displayfeedback")
        conditions.append({
            "continue": condition.get("continue"),
            "test": [test(child) for child in condition.find(f"{NS}conditionvar")],
            "score": [setvar.get("action"), number(setvar.text.strip())] if setvar is not None else None,
            "feedback": feedback_ident(shown.get("linkrefid")) if shown is not None else None,
        })
    return {
        "type": fields["question_type"],
        "points": number(fields["points_possible"]),
        "text": mattext(presentation.find(f"{NS}material")),
        "responses": responses,
        "conditions": conditions,
        "feedback": {feedback_ident(f.get("ident")): mattext(f)
                     for f in item.iter(f"{NS}itemfeedback")},
    }


def compact(fixture):
    """The fixture as JSON with one item a line, so that a diff shows which."""
    one = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    lines = ["{"]
    for key in ("about", "text2qti", "not_expressible"):
        lines.append(f" {one(key)}:{one(fixture[key])},")
    lines.append(' "items":{')
    sources = list(fixture["items"].items())
    for s, (source, items) in enumerate(sources):
        lines.append(f"  {one(source)}:{{")
        entries = list(items.items())
        for i, (title, item) in enumerate(entries):
            lines.append(f"   {one(title)}:{one(item)}" + ("," if i + 1 < len(entries) else ""))
        lines.append("  }" + ("," if s + 1 < len(sources) else ""))
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    import xml.etree.ElementTree as ElementTree

    found = metadata.version("text2qti")
    if found != VERSION:
        sys.exit(f"text2qti {found} is installed; this fixture is made with {VERSION}: pip install text2qti=={VERSION}")
    items = {}
    left_out = {}
    with tempfile.TemporaryDirectory() as folder:
        for n, source in enumerate(SOURCES):
            quiz = json.loads((ROOT / source).read_text(encoding="utf-8"))
            # text2qti refuses a question whose text another in the file
            # has (the bank asks "What is the output?" of several
            # programs), so such a question goes into a further file.
            files, skipped = [], []
            for q in quiz["questions"]:
                t2q = question(q)
                if t2q is None:
                    skipped.append(q["id"])
                    continue
                free = next((f for f in files if q["prompt"] not in f[0]), None)
                if free is None:
                    free = (set(), [])
                    files.append(free)
                free[0].add(q["prompt"])
                free[1].append(t2q)
            left_out[source] = skipped
            items[source] = {}
            for m, (_, written) in enumerate(files):
                assessment = run_text2qti(quiz["title"], written, Path(folder), f"quiz{n}-{m}")
                root = ElementTree.fromstring(assessment)
                items[source].update((item.get("title"), summary(item)) for item in root.iter(f"{NS}item"))
    fixture = {
        "about": "text2qti's QTI 1.2 for our questions, summarized; written by tools/text2qti-reference.py, read by tests/host/qti.rs",
        "text2qti": VERSION,
        "not_expressible": left_out,
        "items": items,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(compact(fixture), encoding="utf-8")
    total = sum(len(v) for v in items.values())
    print(f"{OUT.relative_to(ROOT)}: {total} items")


if __name__ == "__main__":
    main()
