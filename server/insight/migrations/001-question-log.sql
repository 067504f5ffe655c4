-- The question log and answer feedback. Written in the SQL that SQLite and PostgreSQL share, so one
-- migration serves both stores. Times are milliseconds since the epoch; answered is 0 or 1.
-- Reports scan the asked_at range. Nothing here identifies a person: no address, no user agent, no conversation history.

CREATE TABLE questions (
  answer_id TEXT PRIMARY KEY,
  asked_at BIGINT NOT NULL,
  question TEXT NOT NULL,
  mode TEXT NOT NULL,
  answered SMALLINT NOT NULL CHECK (answered IN (0, 1)),
  refusal TEXT,
  provider TEXT NOT NULL,
  latency_ms INTEGER NOT NULL,
  -- The article numbers the answer cited, comma-separated ('' for none). A column, not a table: every chat turn
  -- writes one row and one index entry besides its key, which keeps the log cheap next to the chat.
  articles TEXT NOT NULL
);
CREATE INDEX questions_asked_at ON questions (asked_at);

CREATE TABLE feedback (
  answer_id TEXT PRIMARY KEY REFERENCES questions (answer_id) ON DELETE CASCADE,
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  comment TEXT,
  rated_at BIGINT NOT NULL
);
CREATE INDEX feedback_rated_at ON feedback (rated_at);
