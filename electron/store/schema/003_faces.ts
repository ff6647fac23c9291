/**
 * Migration 3: the face engine's results (issue 4).
 * - face_model: the one embedding model of the case (engine, model id, size). Embeddings of two models are
 *   never comparable, so a case holds one model's; analysis with another is refused until this row is changed.
 * - face_runs: every analysis run, with its parameters and outcome (the audit log carries the same).
 * - face_analysis: one row per capture analysed (its progress marker): a re-run skips captures found here.
 * - faces: every face found: box, five landmarks, quality, L2-normalised float32 embedding, thumbnail path.
 */
export const MIGRATION_003 = `
  CREATE TABLE face_model (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    engine TEXT NOT NULL,                -- 'onnx' | 'tfjs'
    model_id TEXT NOT NULL,              -- e.g. 'onnx:fr_feature@87aacdfe5751': embeddings compare only within it
    embedding_size INTEGER NOT NULL,
    same_threshold REAL NOT NULL,        -- cosine similarity taken as "same person" when the model was chosen
    min_recognisable_norm REAL,          -- faces with a smaller embedding norm are left out of recognition
    description TEXT NOT NULL,           -- model files with their SHA-256
    chosen_at TEXT NOT NULL
  );

  CREATE TABLE face_runs (
    id INTEGER PRIMARY KEY,
    engine TEXT NOT NULL,
    model_id TEXT NOT NULL,
    workers INTEGER NOT NULL,
    params TEXT NOT NULL,                -- JSON: detector and window options, software versions
    state TEXT NOT NULL,                 -- 'running' | 'done' | 'failed' | 'cancelled'
    started_at TEXT NOT NULL,
    finished_at TEXT,
    captures_done INTEGER NOT NULL DEFAULT 0,
    faces_found INTEGER NOT NULL DEFAULT 0,
    captures_failed INTEGER NOT NULL DEFAULT 0,
    error TEXT
  );

  CREATE TABLE face_analysis (
    capture_id INTEGER PRIMARY KEY REFERENCES captures(id),
    source_sha256 TEXT NOT NULL REFERENCES blobs(sha256),  -- the image analysed (face crop, else scene)
    source_kind TEXT NOT NULL,           -- 'image' | 'scene'
    model_id TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES face_runs(id),
    state TEXT NOT NULL,                 -- 'done' | 'failed' (undecodable image: kept so a re-run does not loop on it)
    face_count INTEGER NOT NULL,
    error TEXT,
    analyzed_at TEXT NOT NULL
  );
  CREATE INDEX face_analysis_source ON face_analysis(source_sha256, model_id);

  CREATE TABLE faces (
    id INTEGER PRIMARY KEY,
    capture_id INTEGER NOT NULL REFERENCES captures(id),
    face_index INTEGER NOT NULL,         -- 0.. in detector order (highest score first)
    source_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    model_id TEXT NOT NULL,
    box_x REAL NOT NULL, box_y REAL NOT NULL, box_w REAL NOT NULL, box_h REAL NOT NULL,  -- source image pixels
    landmarks TEXT NOT NULL,             -- JSON [[x,y] × 5]: eyes, nose tip, mouth corners
    rotation INTEGER NOT NULL,           -- quarter turns the image needed before the face was found
    det_score REAL NOT NULL,
    size_px INTEGER NOT NULL,
    blur REAL NOT NULL,                  -- Laplacian variance of the aligned face (low = blurred)
    yaw REAL NOT NULL, pitch REAL NOT NULL, roll REAL NOT NULL,  -- degrees, estimated from the landmarks
    embedding_norm REAL NOT NULL,        -- norm before normalisation: below the model's minimum, not recognisable
    embedding BLOB NOT NULL,             -- float32 little-endian, L2-normalised
    thumb_path TEXT,                     -- relative to the case folder, under cache/ (derived, rebuildable)
    UNIQUE (capture_id, face_index, model_id)
  );
  CREATE INDEX faces_capture ON faces(capture_id);
  CREATE INDEX faces_source ON faces(source_sha256);
`;
