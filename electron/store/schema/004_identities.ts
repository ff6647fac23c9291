/**
 * Migration 4: distinct people (issue 5).
 * - identity_runs: every clustering run, its parameters, what it set aside and the person counts across thresholds.
 * - persons: one row per person ever shown. Ids are never reused: a person merged away or dissolved by re-clustering
 *   is kept inactive, so an id cited in a review decision or a document always means the same person.
 * - face_persons: which person each face belongs to now, and how it got there.
 * - review_decisions: the analyst's corrections in order, with what each changed (for undo/redo) and the face ids
 *   it concerns (what re-clustering keeps: face ids survive a re-run, person groupings do not).
 * - merge_suggestions: pairs of persons close to the same-person threshold, for review; rejected pairs become
 *   "not the same person" decisions and are never suggested again.
 */
export const MIGRATION_004 = `
  CREATE TABLE identity_runs (
    id INTEGER PRIMARY KEY,
    model_id TEXT NOT NULL,
    params TEXT NOT NULL,                -- JSON: thresholds, quality floor, neighbour search, tracklet window
    state TEXT NOT NULL,                 -- 'running' | 'done' | 'failed' | 'cancelled'
    started_at TEXT NOT NULL,
    finished_at TEXT,
    faces INTEGER NOT NULL DEFAULT 0,            -- faces of the model in the case
    faces_clustered INTEGER NOT NULL DEFAULT 0,  -- above the quality floor: these make persons
    faces_set_aside INTEGER NOT NULL DEFAULT 0,  -- below the floor: never create or bridge a person
    faces_attached INTEGER NOT NULL DEFAULT 0,   -- set aside, then joined to a person they clearly match
    persons INTEGER NOT NULL DEFAULT 0,
    decisions INTEGER NOT NULL DEFAULT 0,        -- review decisions in force when the run was made
    sensitivity TEXT,                    -- JSON [{ threshold, persons, personsMulti }]
    timings TEXT,                        -- JSON: seconds per phase
    error TEXT
  );

  CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL UNIQUE,          -- 'R000001': what analysts, exports and documents cite
    role TEXT NOT NULL DEFAULT 'unknown' CHECK (role IN ('unknown', 'staff', 'visitor')),
    active INTEGER NOT NULL DEFAULT 1,
    rep_face_id INTEGER REFERENCES faces(id),
    faces INTEGER NOT NULL DEFAULT 0,
    captures INTEGER NOT NULL DEFAULT 0,
    days INTEGER NOT NULL DEFAULT 0,
    first_ms INTEGER, last_ms INTEGER,
    first_at TEXT, last_at TEXT,
    cameras TEXT NOT NULL DEFAULT '[]',  -- JSON camera ids, most captures first
    created_run INTEGER REFERENCES identity_runs(id),
    updated_at TEXT NOT NULL
  );
  CREATE INDEX persons_by_captures ON persons(active, captures DESC, id);

  CREATE TABLE face_persons (
    face_id INTEGER PRIMARY KEY REFERENCES faces(id),
    person_id INTEGER REFERENCES persons(id),   -- NULL: set aside and not attached to anyone
    how TEXT NOT NULL,                   -- 'cluster' | 'tracklet' | 'attached' | 'analyst' | 'set-aside'
    similarity REAL                      -- to the person's other faces (mean cosine) when assigned
  );
  CREATE INDEX face_persons_person ON face_persons(person_id);

  CREATE TABLE review_decisions (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,                  -- 'merge' | 'split' | 'move' | 'not-same' | 'role'
    payload TEXT NOT NULL,               -- JSON: person labels at the time and the face ids concerned
    changes TEXT NOT NULL,               -- JSON: before and after of every face and person touched
    state TEXT NOT NULL DEFAULT 'active' -- 'active' | 'undone' | 'discarded' (undone, then a new decision was made)
  );

  CREATE TABLE merge_suggestions (
    person_a INTEGER NOT NULL REFERENCES persons(id),
    person_b INTEGER NOT NULL REFERENCES persons(id),
    similarity REAL NOT NULL,            -- mean cosine between the two persons' faces
    run_id INTEGER NOT NULL REFERENCES identity_runs(id),
    PRIMARY KEY (person_a, person_b)
  );
`;
