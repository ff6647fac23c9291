/** Migration 1 (shipped with the foundation): the case, its evidence sources and files, the vault index,
 * captures, cameras, audit log. Never edit: a schema change is a new migration. */
export const MIGRATION_001 = `
  CREATE TABLE case_info (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    number TEXT NOT NULL,
    name TEXT NOT NULL,
    party_name TEXT NOT NULL,
    credit_code TEXT NOT NULL,
    domicile TEXT NOT NULL,
    legal_representative TEXT NOT NULL,
    handling_unit TEXT NOT NULL,
    officers TEXT NOT NULL,              -- JSON array of names
    timezone TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  -- One row per stored blob: the vault holds each content once, named by its SHA-256.
  CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    stored_at TEXT NOT NULL
  );

  -- One row per import of a folder or archive as received.
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                  -- 'folder'
    original_path TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,       -- SHA-256 over the sorted (path, sha256) list: the source as received
    imported_at TEXT NOT NULL,
    file_count INTEGER NOT NULL,
    report TEXT NOT NULL                 -- JSON ImportReport
  );

  -- Every file seen in a source, with the path it had there.
  CREATE TABLE source_files (
    source_id INTEGER NOT NULL REFERENCES sources(id),
    rel_path TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    size INTEGER NOT NULL,
    modified_at TEXT,
    PRIMARY KEY (source_id, rel_path)
  );
  CREATE INDEX source_files_sha ON source_files(sha256);

  CREATE TABLE cameras (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    zone TEXT NOT NULL DEFAULT ''
  );

  CREATE TABLE captures (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    sheet_path TEXT,                     -- the record sheet the row came from, if any
    sheet_row INTEGER,                   -- 1-based data row in that sheet
    captured_at TEXT NOT NULL,           -- ISO 8601 with the case zone's offset
    captured_ms INTEGER NOT NULL,        -- the same instant in epoch milliseconds, for ordering
    local_date TEXT NOT NULL,            -- YYYY-MM-DD in the case zone, for per-day figures
    time_source TEXT NOT NULL,           -- 'sheet' | 'filename' | 'exif' | 'file-time'
    camera_id TEXT NOT NULL REFERENCES cameras(id),
    image_path TEXT,                     -- path inside the source as written in the sheet, resolved
    image_sha256 TEXT REFERENCES blobs(sha256),
    platform_person_id TEXT,
    similarity REAL,
    raw TEXT NOT NULL                    -- the sheet row as read, JSON, for provenance
  );
  CREATE INDEX captures_day ON captures(local_date, captured_ms);
  CREATE INDEX captures_camera ON captures(camera_id);
  CREATE UNIQUE INDEX captures_row ON captures(source_id, sheet_path, sheet_row, image_path);


  -- Append-only, hash-chained: each entry's hash covers the previous hash, so an edit shows.
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `;
