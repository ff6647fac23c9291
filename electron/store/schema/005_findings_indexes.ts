/**
 * Migration 5: the findings' figures at case scale (issue 6).
 *
 * Indexes that let each dashboard figure read an index instead of the captures' rows (which carry the sheet row
 * as JSON, file paths and hashes):
 * - captures_camera_day: captures per camera and day with first and last instant (cameras, zones);
 * - captures_camera_hour: captures per camera and hour since the epoch, with the instant (the whole-period timeline);
 * - captures_day_hour: captures per day and local hour, as the stored local time gives it (the heat map);
 * - captures_day_platform: the platform's person ids per day (the platform comparison);
 * - captures_scene / captures_video: the distinct scene images and videos (images, videos);
 * - blobs_media: media types without case (a `LIKE 'video/%'` is answered from it);
 * - faces_model: the faces of a model (whether the person figures are stale).
 *
 * Indexes for the counts the case overview's faces panel shows beside the figures (faces.summary: recognisable
 * faces, failed analyses, captures with an image), each otherwise a pass over the faces' or captures' rows
 * (0.3–0.5 s at 124,200 captures, answered before the figures):
 * - faces_norm, face_analysis_state, captures_with_image.
 *
 * Summaries the dashboard reads instead of the rows, kept in the case and brought up to date before a figure
 * reads them (electron/findings/captureSummaries.ts, personSummaries.ts). Each figure cites the query on the case's
 * own tables, which gives the same rows.
 * - findings_summary_state: what each set of summaries was built from ('captures': the captures, which are only
 *   ever added; 'persons': the latest clustering run, the faces, their persons and the cameras' zones);
 * - findings_camera_days / findings_day_hours / findings_camera_hours: captures per camera and day (with the first
 *   and last instant), per day and local hour, per camera and hour since the epoch;
 * - findings_day_platform / findings_platform_ids: the platform's distinct person ids per day, and its captures
 *   per person id;
 * - findings_totals: single figures counted once per rebuild (distinct images; captures holding a counted person);
 * - findings_person_stamps: each person's row as it was when its summaries were built, and whether it is counted
 *   (active, with faces); a person's rows are rebuilt when its row changed;
 * - findings_person_captures / findings_person_days / findings_person_zones: each (counted person, capture),
 *   (person, day) and (person, zone) once;
 * - findings_person_visits: each counted person's captures, first and last instant, and visits at the default gap.
 */
export const MIGRATION_005 = `
  CREATE INDEX captures_camera_day ON captures(camera_id, local_date, captured_ms);
  CREATE INDEX captures_camera_hour ON captures(camera_id, captured_ms / 3600000, captured_ms);
  CREATE INDEX captures_day_hour ON captures(local_date, CAST(substr(captured_at, 12, 2) AS INTEGER));
  CREATE INDEX captures_day_platform ON captures(local_date, platform_person_id);
  CREATE INDEX captures_scene ON captures(scene_sha256);
  CREATE INDEX captures_video ON captures(video_sha256) WHERE video_sha256 IS NOT NULL;
  CREATE INDEX blobs_media ON blobs(media_type COLLATE NOCASE);
  CREATE INDEX faces_model ON faces(model_id);

  CREATE INDEX faces_norm ON faces(embedding_norm);
  CREATE INDEX face_analysis_state ON face_analysis(state);
  CREATE INDEX captures_with_image ON captures(COALESCE(image_sha256, scene_sha256));

  CREATE TABLE findings_summary_state (
    name TEXT PRIMARY KEY,
    built_from TEXT NOT NULL
  );

  CREATE TABLE findings_camera_days (
    camera_id TEXT NOT NULL, local_date TEXT NOT NULL, n INTEGER NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL,
    PRIMARY KEY (camera_id, local_date)
  ) WITHOUT ROWID;
  CREATE TABLE findings_day_hours (
    local_date TEXT NOT NULL, hour INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (local_date, hour)
  ) WITHOUT ROWID;
  CREATE TABLE findings_camera_hours (
    camera_id TEXT NOT NULL, hour INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (camera_id, hour)
  ) WITHOUT ROWID;
  CREATE TABLE findings_day_platform (
    local_date TEXT PRIMARY KEY, platform_ids INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE findings_platform_ids (
    platform_person_id TEXT PRIMARY KEY, n INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE findings_totals (
    name TEXT PRIMARY KEY, value INTEGER
  ) WITHOUT ROWID;

  CREATE TABLE findings_person_stamps (
    person_id INTEGER PRIMARY KEY,
    stamp TEXT NOT NULL,
    counted INTEGER NOT NULL
  );
  CREATE TABLE findings_person_captures (
    person_id INTEGER NOT NULL, capture_id INTEGER NOT NULL,
    PRIMARY KEY (person_id, capture_id)
  ) WITHOUT ROWID;
  CREATE INDEX findings_person_captures_capture ON findings_person_captures(capture_id);
  CREATE TABLE findings_person_days (
    local_date TEXT NOT NULL, person_id INTEGER NOT NULL,
    PRIMARY KEY (local_date, person_id)
  ) WITHOUT ROWID;
  CREATE INDEX findings_person_days_person ON findings_person_days(person_id);
  CREATE TABLE findings_person_zones (
    zone TEXT NOT NULL, person_id INTEGER NOT NULL,
    PRIMARY KEY (zone, person_id)
  ) WITHOUT ROWID;
  CREATE INDEX findings_person_zones_person ON findings_person_zones(person_id);
  CREATE TABLE findings_person_visits (
    person_id INTEGER PRIMARY KEY,
    visits INTEGER NOT NULL, captures INTEGER NOT NULL, first_ms INTEGER NOT NULL, last_ms INTEGER NOT NULL
  );
`;
