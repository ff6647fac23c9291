/** The XML parts of a DOCX (a ZIP), for tests that check what the file says rather than how a reader shows it. */
import yauzl from 'yauzl';

export function docxParts(docx: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(docx, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a ZIP'));
      const parts = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/\.(xml|rels)$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(parts));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The part's text, failing clearly when the DOCX lacks it. */
export function docxPart(parts: Map<string, string>, name: string): string {
  const xml = parts.get(name);
  if (xml === undefined) throw new Error(`the DOCX has no ${name} (has ${[...parts.keys()].join(', ')})`);
  return xml;
}
