import { describe, expect, it } from 'vitest';
import { trackletLinks, type TrackletFace } from './tracklets';

const unit = (deg: number) => [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];

function faces(list: Array<Partial<TrackletFace> & { deg: number }>): { faces: TrackletFace[]; embeddings: Float32Array } {
  return {
    faces: list.map((f, i) => ({ cameraId: 'CAM01', capturedMs: i * 1000, captureId: i, facesInCapture: 1, timeRecorded: true, ...f })),
    embeddings: Float32Array.from(list.flatMap((f) => unit(f.deg))),
  };
}

const opts = { windowMs: 3000, minSimilarity: 0.8 };

describe('trackletLinks', () => {
  it('links consecutive alike faces of one camera within the window', () => {
    const { faces: f, embeddings } = faces([{ deg: 0 }, { deg: 10 }, { deg: 20 }]);
    expect(trackletLinks(f, embeddings, 2, opts)).toEqual([[0, 1], [1, 2]]);
  });

  it('does not link across cameras, beyond the window, unlike faces, shared images or file dates', () => {
    expect(trackletLinks(...args([{ deg: 0 }, { deg: 5, cameraId: 'CAM02' }]))).toEqual([]);
    expect(trackletLinks(...args([{ deg: 0 }, { deg: 5, capturedMs: 10_000 }]))).toEqual([]);
    expect(trackletLinks(...args([{ deg: 0 }, { deg: 80 }]))).toEqual([]);
    expect(trackletLinks(...args([{ deg: 0, facesInCapture: 2 }, { deg: 5 }]))).toEqual([]);
    expect(trackletLinks(...args([{ deg: 0, timeRecorded: false }, { deg: 5, timeRecorded: false }]))).toEqual([]);
  });
});

function args(list: Array<Partial<TrackletFace> & { deg: number }>): [TrackletFace[], Float32Array, number, typeof opts] {
  const { faces: f, embeddings } = faces(list);
  return [f, embeddings, 2, opts];
}
