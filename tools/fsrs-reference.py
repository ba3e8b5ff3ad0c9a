#!/usr/bin/env python3
"""Writes tests/fixtures/fsrs/py-fsrs.json: random review sequences and what
py-fsrs, the reference implementation of FSRS-6, makes of each review.

`make test` replays the file against our scheduler (tests/host/fsrs.rs);
replaying needs nothing installed. Regenerating it needs PyPI's `fsrs` at the
version named below:

    pip install fsrs==6.3.2 && python3 tools/fsrs-reference.py

The sequences are drawn from a fixed seed, so the file only changes when the
reference (or this script) does. They cover every rating, reviews on the same
day (seconds to hours apart), on the due date, early, late and long after
(up to 200 days), learning and relearning steps of several shapes (including
none), and several desired retentions. Fuzz is off: the reference's fuzz
draws from Python's global generator, which no other implementation shares.
"""

import json
from importlib import metadata
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import fsrs

VERSION = "6.3.2"
SEQUENCES = 3000
SEED = 20261207
START = datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc)
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

# Each scheduler setting the sequences are spread over: the widget's two
# (flashcards: 1 and 10 minutes; graded questions: one step of 10 minutes),
# none, long steps, and retentions from 0.7 to 0.97.
SETTINGS = [
    {"retention": 0.9, "learning": [1, 10], "relearning": [10]},
    {"retention": 0.9, "learning": [10], "relearning": [10]},
    {"retention": 0.8, "learning": [1, 10], "relearning": [10]},
    {"retention": 0.95, "learning": [10], "relearning": [10]},
    {"retention": 0.7, "learning": [1, 10], "relearning": []},
    {"retention": 0.97, "learning": [], "relearning": [10]},
    {"retention": 0.85, "learning": [5, 30, 120], "relearning": [15, 60]},
]


def ms(moment):
    """Milliseconds since the epoch, exactly."""
    return (moment - EPOCH) // timedelta(milliseconds=1)


def next_time(rng, card, now):
    """When the next review happens: on the same day, on time, or days off."""
    how = rng.random()
    if how < 0.35:
        return now + timedelta(seconds=rng.randint(1, 86_399))
    if how < 0.6:
        return max(card.due, now + timedelta(seconds=1))
    if how < 0.8:
        return card.due + timedelta(days=rng.randint(-3, 10), seconds=rng.randint(0, 86_399))
    return now + timedelta(days=rng.randint(1, 200), seconds=rng.randint(0, 86_399))


def sequence(rng):
    settings_index = rng.randrange(len(SETTINGS))
    s = SETTINGS[settings_index]
    scheduler = fsrs.Scheduler(
        desired_retention=s["retention"],
        learning_steps=[timedelta(minutes=m) for m in s["learning"]],
        relearning_steps=[timedelta(minutes=m) for m in s["relearning"]],
        enable_fuzzing=False,
    )
    card = fsrs.Card()
    now = START + timedelta(seconds=rng.randint(0, 30 * 86_400))
    reviews = []
    for i in range(rng.randint(1, 14)):
        if i > 0:
            now = max(next_time(rng, card, now), now + timedelta(seconds=1))
        # Same-day Hard and Again reviews are where implementations differ
        # most, so they are drawn as often as Good.
        rating = rng.choice([1, 2, 2, 3, 3, 4])
        card, _ = scheduler.review_card(card, fsrs.Rating(rating), review_datetime=now)
        reviews.append([
            rating,
            ms(now),
            int(card.state),
            card.step if card.step is not None else 0,
            float(f"{card.stability:.10g}"),
            float(f"{card.difficulty:.10g}"),
            ms(card.due),
        ])
    return {"settings": settings_index, "reviews": reviews}


def main():
    found = metadata.version("fsrs")
    if found != VERSION:
        sys.exit(f"this fixture is made with fsrs {VERSION}; found {found} (pip install fsrs=={VERSION})")
    rng = random.Random(SEED)
    out = {
        "reference": f"py-fsrs {VERSION}, Scheduler(enable_fuzzing=False), default parameters",
        "columns": ["rating", "at_ms", "state (1 learning, 2 review, 3 relearning)", "step",
                    "stability", "difficulty", "due_ms"],
        "settings": SETTINGS,
        "sequences": [sequence(rng) for _ in range(SEQUENCES)],
    }
    path = Path(__file__).resolve().parent.parent / "tests/fixtures/fsrs/py-fsrs.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(out, separators=(",", ":"))
    # One sequence a line, so that a change reads as a diff.
    text = text.replace('{"settings":', '\n{"settings":')
    path.write_text(text + "\n")
    reviews = sum(len(s["reviews"]) for s in out["sequences"])
    print(f"wrote {path}: {SEQUENCES} sequences, {reviews} reviews")


if __name__ == "__main__":
    main()
