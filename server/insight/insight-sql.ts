// The store's SQL, shared by SQLite and PostgreSQL: `?` placeholders only (numbered for PostgreSQL by its
// driver), CAST where SQLite would otherwise compute in floating point. No value is ever spliced into the text.

export const INSERT_QUESTION = `INSERT INTO questions
  (answer_id, asked_at, question, mode, answered, refusal, provider, latency_ms, articles)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (answer_id) DO NOTHING`;

/** One vote per answer, the latest replacing the earlier; no row is written for an answerId nobody was given. */
export const UPSERT_FEEDBACK = `INSERT INTO feedback (answer_id, rating, comment, rated_at)
  SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT)
  WHERE EXISTS (SELECT 1 FROM questions WHERE answer_id = ?)
  ON CONFLICT (answer_id) DO UPDATE
  SET rating = excluded.rating, comment = excluded.comment, rated_at = excluded.rated_at`;

/** Parameters: the time-zone offset in ms, then the first time counted. Days are numbered from the epoch. */
export const QUESTIONS_PER_DAY = `SELECT CAST((asked_at + ?) / 86400000 AS BIGINT) AS day, mode,
    COUNT(*) AS questions, SUM(answered) AS answered
  FROM questions WHERE asked_at >= ?
  GROUP BY 1, 2
  ORDER BY 1, 2`;

/** The cited articles of each answered question in the window; counted per article in code. */
export const CITED_ARTICLES = `SELECT articles FROM questions WHERE asked_at >= ? AND articles <> ''`;

export const FEEDBACK_COUNTS = `SELECT f.rating AS rating, COUNT(*) AS votes
  FROM feedback f
  WHERE f.rated_at >= ?
  GROUP BY f.rating`;

/** Each wording of each refused question, with how often it was asked; grouped further by key words in code. */
export const UNANSWERED_WORDINGS = `SELECT question, mode, COUNT(*) AS asked, MAX(asked_at) AS last_asked_at
  FROM questions WHERE answered = 0 AND asked_at >= ?
  GROUP BY question, mode
  ORDER BY asked DESC, last_asked_at DESC
  LIMIT ?`;

const FEEDBACK_COLUMNS = `SELECT f.answer_id AS answer_id, q.question AS question, q.mode AS mode,
    q.answered AS answered, f.rating AS rating, f.comment AS comment, f.rated_at AS rated_at
  FROM feedback f JOIN questions q ON q.answer_id = f.answer_id`;

export const FEEDBACK_LIST = `${FEEDBACK_COLUMNS}
  WHERE f.rated_at >= ? ORDER BY f.rated_at DESC, f.answer_id LIMIT ?`;

export const FEEDBACK_LIST_BY_RATING = `${FEEDBACK_COLUMNS}
  WHERE f.rated_at >= ? AND f.rating = ? ORDER BY f.rated_at DESC, f.answer_id LIMIT ?`;

/** Feedback goes with its question (ON DELETE CASCADE). */
export const PURGE_QUESTIONS = `DELETE FROM questions WHERE asked_at < ?`;
