import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeSmallArchive } from '../../testing/fixtures';
import { yazlZip } from '../zip/zipFixtures';
import { previewSheets } from './previewSheets';

describe('previewing the sheets of a source before import', () => {
  it('says which sheets are recognised and shows the rows of one that is not, also inside a ZIP', async () => {
    const root = tempDir();
    const folder = path.join(root, 'export');
    await writeSmallArchive(folder, 'gbk');
    fs.writeFileSync(path.join(folder, 'odd.csv'), 'when,where,pic\n2021/4/18 9:30:15,gate,a.jpg\n');
    await yazlZip(path.join(folder, 'more.zip'), [{ name: 'inside.csv', data: Buffer.from('抓拍时间,设备名称\n2021-04-18 10:00:00,CAM09\n') }]);

    const items = await previewSheets(folder);
    expect(items.map((i) => [i.name, i.kind])).toEqual([['odd.csv', 'unknown'], ['抓拍记录.csv', 'captures'], ['more.zip/inside.csv', 'captures']]);
    const odd = items[0]!;
    expect(odd.preview.rows).toEqual([{ row: 1, cells: ['when', 'where', 'pic'] }, { row: 2, cells: ['2021/4/18 9:30:15', 'gate', 'a.jpg'] }]);
    expect(odd.preview.columnCount).toBe(3);
    expect(items[1]!.mapping).toMatchObject({ time: 1, cameraId: 2, cameraName: 3, faceImage: 4 });
  });
});
