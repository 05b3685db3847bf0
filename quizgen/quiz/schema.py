"""The progress database's tables, one list of statements per schema version."""

# Each version is a list of statements; PRAGMA user_version records how many have run.
_VERSION_1 = (
    """
CREATE TABLE cards (
    deck TEXT NOT NULL,
    fact_id TEXT NOT NULL,          -- the fact's stable id: editing a fact keeps its progress
    state INTEGER NOT NULL,         -- FSRS: 1 learning, 2 review, 3 relearning
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due TEXT NOT NULL,              -- UTC, ISO 8601, whole seconds
    last_review TEXT,
    introduced TEXT NOT NULL,       -- the learner's local day of the first review
    PRIMARY KEY (deck, fact_id)
)
""",
    "CREATE INDEX cards_by_due ON cards (deck, due)",
    """
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    deck TEXT NOT NULL,
    fact_id TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,      -- UTC
    day TEXT NOT NULL,              -- the learner's local day
    rating INTEGER NOT NULL,        -- FSRS: 1 again, 2 hard, 3 good, 4 easy
    grade TEXT NOT NULL,            -- correct, almost or wrong
    style TEXT NOT NULL,            -- mc or typed
    answer TEXT NOT NULL,
    duration_ms INTEGER,
    scheduled INTEGER NOT NULL,     -- 0: a practice answer that left the schedule alone
    state_before INTEGER NOT NULL,  -- 0 for a new card
    card_before TEXT,               -- JSON, restored by undo, NULL for a new card
    card_after TEXT
)
""",
    "CREATE INDEX reviews_by_day ON reviews (day)",
)
# Version 2: cards the learner set aside (suspended until brought back, buried until a day ends).
_VERSION_2 = (
    """
CREATE TABLE marks (
    deck TEXT NOT NULL,
    fact_id TEXT NOT NULL,
    mark TEXT NOT NULL CHECK (mark IN ('suspended', 'buried')),
    until TEXT,                     -- buried: the last local day it stays away
    reason TEXT NOT NULL,           -- 'you', or 'leech' after 8 lapses
    at TEXT NOT NULL,               -- UTC
    PRIMARY KEY (deck, fact_id)
)
""",
)
# Version 3: cards the learner flagged (f) to come back to: practised with `quiz practice --flagged`.
_VERSION_3 = (
    """
CREATE TABLE flags (
    deck TEXT NOT NULL,
    fact_id TEXT NOT NULL,
    at TEXT NOT NULL,               -- UTC
    PRIMARY KEY (deck, fact_id)
)
""",
)
# Version 4: the learner's study options (--new, --steps …) and FSRS parameters, remembered per deck.
_VERSION_4 = (
    """
CREATE TABLE settings (
    deck TEXT NOT NULL,
    name TEXT NOT NULL,             -- new, max_reviews, retention, steps, parameters
    value TEXT NOT NULL,            -- as the option is typed; parameters: a JSON list
    PRIMARY KEY (deck, name)
)
""",
)
MIGRATIONS = (_VERSION_1, _VERSION_2, _VERSION_3, _VERSION_4)
SCHEMA_VERSION = len(MIGRATIONS)
APPLICATION_ID = 0x717A676E  # 'qzgn' in the file header: this file is quizgen's progress
