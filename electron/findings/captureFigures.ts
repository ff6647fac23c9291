/**
 * Figures about the evidence itself, independent of who is in it: captures, period, days, per day, images,
 * videos, faces, authentication records.
 */
import type { FigureLog } from './figureLog';

export interface CaptureFigures {
  captures: number;
  daysActive: number;
  capturesWithoutImage: number;
  period: { first: string | null; last: string | null };
  perDay: Array<{ date: string; captures: number }>;
  images: number;
  videos: number;
  faces: number;
  authentications: number;
}

export function captureFigures(log: FigureLog): CaptureFigures {
  const totals = log.get<{ captures: number; days: number; without_image: number | null }>(
    ['captures', 'daysActive', 'capturesWithoutImage'],
    `SELECT COUNT(*) AS captures, COUNT(DISTINCT local_date) AS days,
            SUM(CASE WHEN image_sha256 IS NULL THEN 1 ELSE 0 END) AS without_image
       FROM captures`,
  );
  // The bare column next to MIN/MAX is the row holding that extreme (SQLite guarantees it for a lone MIN or MAX).
  const first = log.get<{ at: string | null }>(['period.first'], 'SELECT MIN(captured_ms) AS ms, captured_at AS at FROM captures');
  const last = log.get<{ at: string | null }>(['period.last'], 'SELECT MAX(captured_ms) AS ms, captured_at AS at FROM captures');
  const perDay = log.all<{ date: string; captures: number }>(
    ['perDay.captures'],
    'SELECT local_date AS date, COUNT(*) AS captures FROM captures GROUP BY local_date ORDER BY local_date',
  );
  // Video frames are images the import cut from a clip: counted as the clip, not as images.
  const { images } = log.get<{ images: number }>(
    ['images'],
    `SELECT COUNT(*) AS images FROM (
       SELECT image_sha256 AS sha FROM captures WHERE image_sha256 IS NOT NULL
       UNION SELECT scene_sha256 FROM captures WHERE scene_sha256 IS NOT NULL
     ) WHERE sha NOT IN (SELECT sha256 FROM derived_files WHERE kind = 'video-frame')`,
    {},
    { note: 'distinct image files (SHA-256) named by captures, face crops and scenes, not frames cut from videos' },
  );
  const { videos } = log.get<{ videos: number }>(
    ['videos'],
    `SELECT COUNT(*) AS videos FROM blobs
      WHERE media_type LIKE 'video/%' OR sha256 IN (SELECT video_sha256 FROM captures WHERE video_sha256 IS NOT NULL)`,
    {},
    { note: 'distinct video files (SHA-256) in the evidence' },
  );
  const { faces } = log.get<{ faces: number }>(['faces'], 'SELECT COUNT(*) AS faces FROM faces');
  const { authentications } = log.get<{ authentications: number }>(
    ['authentications'],
    'SELECT COUNT(*) AS authentications FROM auth_records',
    {},
    { note: "rows of the platform's authentication sheets (客户认证记录)" },
  );
  return {
    captures: totals.captures,
    daysActive: totals.days,
    capturesWithoutImage: totals.without_image ?? 0,
    period: { first: first.at, last: last.at },
    perDay,
    images,
    videos,
    faces,
    authentications,
  };
}
