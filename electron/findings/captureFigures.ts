/**
 * Figures about the evidence itself, independent of who is in it: captures, period, days, per day, images,
 * videos, faces, authentication records.
 */
import type { FigureLog } from './figureLog';
import { IMAGES_SQL } from './summaries';
import { CAMERA_DAYS } from './workingSet';

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
  // One query per figure, each answered from an index (captures_day, captures_image, captures_scene, captures_video,
  // blobs_media) or from the summaries kept in the case (summaries.ts) rather than the rows.
  const { captures } = log.get<{ captures: number }>(['captures'], 'SELECT COUNT(*) AS captures FROM captures');
  const { days } = log.get<{ days: number }>(['daysActive'], 'SELECT COUNT(DISTINCT local_date) AS days FROM captures', {}, {
    summary: { parts: ['captures'], sql: `SELECT COUNT(DISTINCT local_date) AS days FROM ${CAMERA_DAYS}` },
  });
  const { withoutImage } = log.get<{ withoutImage: number }>(
    ['capturesWithoutImage'],
    'SELECT COUNT(*) AS withoutImage FROM captures WHERE image_sha256 IS NULL',
    {},
    { note: 'capture records whose image was named in a sheet but absent from the archive' },
  );
  // In (local date, instant) order, which is time order, so the captures_day index answers without a scan.
  const first = log.get<{ at: string } | undefined>(['period.first'], 'SELECT captured_at AS at FROM captures ORDER BY local_date, captured_ms, id LIMIT 1');
  const last = log.get<{ at: string } | undefined>(['period.last'], 'SELECT captured_at AS at FROM captures ORDER BY local_date DESC, captured_ms DESC, id DESC LIMIT 1');
  const perDay = log.all<{ date: string; captures: number }>(
    ['perDay.captures'],
    'SELECT local_date AS date, COUNT(*) AS captures FROM captures GROUP BY local_date ORDER BY local_date',
    {},
    { summary: { parts: ['captures'], sql: `SELECT local_date AS date, SUM(n) AS captures FROM ${CAMERA_DAYS} GROUP BY local_date ORDER BY local_date` } },
  );
  // Video frames are images the import cut from a clip: counted as the clip, not as images.
  const { images } = log.get<{ images: number }>(['images'], IMAGES_SQL, {}, {
    note: 'distinct image files (SHA-256) named by captures, face crops and scenes, not frames cut from videos',
    summary: { parts: ['captures'], sql: "SELECT value AS images FROM findings_totals WHERE name = 'images'" },
  });
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
    captures,
    daysActive: days,
    capturesWithoutImage: withoutImage,
    period: { first: first?.at ?? null, last: last?.at ?? null },
    perDay,
    images,
    videos,
    faces,
    authentications,
  };
}
