/**
 * Where an import puts the captures it reads: the job's staging table, a batch at a time, so memory does not grow
 * with the number of records. What the report and the final transaction need (counts, where times came from, the
 * cameras with the first name each was seen with) is kept as it goes, in small form.
 */
import type { CaseDb } from '../../store/caseDb';
import type { CaptureRow } from '../captureRows';

const BATCH = 2_000;

export class CaptureSink {
  count = 0;
  readonly timeSources: Record<string, number> = {};
  readonly cameras = new Map<string, { name: string; zone: string }>();
  private pending: CaptureRow[] = [];
  private readonly insert;

  constructor(
    private readonly db: CaseDb,
    private readonly jobId: number,
  ) {
    // A resumed job reads its sheets again from the start: what an interrupted run staged is dropped first.
    db.prepare('DELETE FROM import_job_captures WHERE job_id = ?').run(jobId);
    this.insert = db.prepare(
      `INSERT INTO import_job_captures (job_id, seq, sheet_path, sheet_row, captured_at, captured_ms, local_date, time_source,
         camera_id, image_path, image_sha256, scene_path, scene_sha256, video_sha256, video_offset_ms, platform_person_id, similarity, raw)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  add(rows: readonly CaptureRow[]): void {
    for (const row of rows) {
      this.pending.push(row);
      this.timeSources[row.timeSource] = (this.timeSources[row.timeSource] ?? 0) + 1;
      if (!this.cameras.has(row.cameraId)) this.cameras.set(row.cameraId, { name: row.cameraName, zone: row.zone });
      if (this.pending.length >= BATCH) this.flush();
    }
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.db.transaction(() => {
      for (const c of batch) {
        this.insert.run(
          this.jobId, this.count++, c.sheetPath, c.sheetRow, c.time.iso, c.time.ms, c.time.localDate, c.timeSource, c.cameraId,
          c.imagePath, c.imageSha256, c.scenePath, c.sceneSha256, c.videoSha256, c.videoOffsetMs, c.platformPersonId,
          c.similarity, JSON.stringify(c.raw),
        );
      }
    })();
  }
}
