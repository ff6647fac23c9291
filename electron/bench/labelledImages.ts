/** The labelled face photos of ../shared/faces as a flat list, for the face evaluation and benchmark. */
import path from 'node:path';
import { defaultFacesDir, findRepoRoot, loadLabeledFaces } from '../sample/faces';

export interface LabelledImage {
  set: string;
  file: string;
  identity: string;
}

export function labelledImages(setName?: string): LabelledImage[] {
  const dir = defaultFacesDir(findRepoRoot());
  return loadLabeledFaces(dir)
    .filter((set) => setName === undefined || set.name === setName)
    .flatMap((set) => set.identities.flatMap((id) => id.photos.map((photo) => ({ set: set.name, file: path.join(set.dir, photo), identity: id.name }))));
}
