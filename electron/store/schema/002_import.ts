/**
 * Migration 2: evidence import of every source kind (issue 3).
 * - import_jobs / import_job_files: an import's custody record, written before anything is parsed, and the files
 *   it has already hashed into the vault, so a re-run after a crash resumes instead of starting over.
 * - source_files learns what each file really is and which archive it came out of.
 * - derived_files: files the import made from evidence (video frames), with what they came from.
 * - captures learn their scene image and video origin; auth_records hold the platform's customer matches.
 */
export const MIGRATION_002 = `
  CREATE TABLE import_jobs (
    id INTEGER PRIMARY KEY,
    original_path TEXT NOT NULL,
    kind TEXT NOT NULL,                  -- 'folder' | 'zip' | 'sheet' | 'video' | 'image'
    received_sha256 TEXT,                -- a single file or archive: its SHA-256 as received
    options TEXT NOT NULL DEFAULT '{}',  -- JSON: column-mapping profile and other choices made for this import
    state TEXT NOT NULL,                 -- 'running' | 'done' | 'failed' | 'cancelled'
    started_at TEXT NOT NULL,
    finished_at TEXT,
    source_id INTEGER REFERENCES sources(id)
  );
  CREATE INDEX import_jobs_path ON import_jobs(original_path, state);

  CREATE TABLE import_job_files (
    job_id INTEGER NOT NULL REFERENCES import_jobs(id),
    rel_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    modified_at TEXT,
    container TEXT,                      -- rel_path of the archive this file came out of, if any
    problem TEXT,                        -- why the content is damaged (a truncated image), if it is
    path_key TEXT NOT NULL,              -- rel_path in lower case, and its file name: how sheets name files
    name_key TEXT NOT NULL,
    PRIMARY KEY (job_id, rel_path)
  );
  CREATE INDEX import_job_files_path ON import_job_files(job_id, path_key);
  CREATE INDEX import_job_files_name ON import_job_files(job_id, name_key);

  -- Captures read by a job, written as they are read (so a 1,000,000-row sheet does not sit in memory), and
  -- copied into captures by the job's final transaction. Same columns as captures, less the source.
  CREATE TABLE import_job_captures (
    job_id INTEGER NOT NULL REFERENCES import_jobs(id),
    seq INTEGER NOT NULL,
    sheet_path TEXT, sheet_row INTEGER, captured_at TEXT NOT NULL, captured_ms INTEGER NOT NULL, local_date TEXT NOT NULL,
    time_source TEXT NOT NULL, camera_id TEXT NOT NULL, image_path TEXT, image_sha256 TEXT, scene_path TEXT,
    scene_sha256 TEXT, video_sha256 TEXT, video_offset_ms INTEGER, platform_person_id TEXT, similarity REAL, raw TEXT NOT NULL,
    PRIMARY KEY (job_id, seq)
  );
  CREATE INDEX import_job_captures_image ON import_job_captures(job_id, image_sha256);
  CREATE INDEX import_job_captures_scene ON import_job_captures(job_id, scene_sha256);

  ALTER TABLE sources ADD COLUMN received_sha256 TEXT;
  ALTER TABLE source_files ADD COLUMN media_type TEXT;
  ALTER TABLE source_files ADD COLUMN container TEXT;
  ALTER TABLE source_files ADD COLUMN problem TEXT;

  CREATE TABLE derived_files (
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    from_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    kind TEXT NOT NULL,                  -- 'video-frame'
    offset_ms INTEGER,                   -- for a frame: its time from the start of the clip
    tool TEXT NOT NULL,                  -- what made it, with version and parameters, for reproduction
    PRIMARY KEY (sha256, from_sha256, kind)
  );

  ALTER TABLE captures ADD COLUMN scene_path TEXT;
  ALTER TABLE captures ADD COLUMN scene_sha256 TEXT REFERENCES blobs(sha256);
  ALTER TABLE captures ADD COLUMN video_sha256 TEXT REFERENCES blobs(sha256);
  ALTER TABLE captures ADD COLUMN video_offset_ms INTEGER;

  CREATE TABLE auth_records (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    sheet_path TEXT NOT NULL,
    sheet_row INTEGER NOT NULL,
    authenticated_at TEXT,               -- ISO 8601 with the case zone's offset, when the sheet gives a time
    authenticated_ms INTEGER,
    customer_name TEXT,
    phone TEXT,                          -- as exported, usually masked (138****5678)
    platform_person_id TEXT,
    camera_id TEXT,
    image_path TEXT,
    image_sha256 TEXT REFERENCES blobs(sha256),
    sales_agent TEXT,
    result TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE auth_links (
    auth_id INTEGER NOT NULL REFERENCES auth_records(id),
    capture_id INTEGER NOT NULL REFERENCES captures(id),
    method TEXT NOT NULL,                -- 'image' | 'person-id' | 'time-camera'
    PRIMARY KEY (auth_id, capture_id)
  );
  CREATE INDEX auth_links_capture ON auth_links(capture_id);
  CREATE INDEX captures_person ON captures(platform_person_id);
  CREATE INDEX captures_image ON captures(image_sha256);
`;
