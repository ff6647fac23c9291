/**
 * Pictures of a document model for Word: JPEG and PNG as they are; SVG charts rasterised to PNG with sharp,
 * because Word needs a PNG fallback for SVG anyway and LibreOffice and WPS show the PNG.
 */
import sharp from 'sharp';

export interface DocxPicture {
  type: 'png' | 'jpg' | 'gif';
  data: Buffer;
}

/** Charts are rasterised at 200 dpi of their printed width: sharp lines when printed, a modest file. */
const RASTER_DPI = 200;

function decodeDataUrl(url: string): { mime: string; data: Buffer } | null {
  const match = /^data:([^;,]+)((?:;[^;,]*)*),(.*)$/s.exec(url);
  if (!match) return null;
  const [, mime = '', params = '', payload = ''] = match;
  const base64 = params.split(';').includes('base64');
  return {
    mime: mime.toLowerCase(),
    data: base64 ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8'),
  };
}

/** The picture to embed, or null when the data URL is not a picture (it is then left out, as in the HTML). */
export async function docxPicture(dataUrl: string, widthMm: number): Promise<DocxPicture | null> {
  const decoded = decodeDataUrl(dataUrl);
  if (!decoded) return null;
  switch (decoded.mime) {
    case 'image/jpeg':
      return { type: 'jpg', data: decoded.data };
    case 'image/png':
      return { type: 'png', data: decoded.data };
    case 'image/gif':
      return { type: 'gif', data: decoded.data };
    case 'image/svg+xml': {
      const widthPx = Math.max(1, Math.round((widthMm / 25.4) * RASTER_DPI));
      // A high density first, so the resize scales a large raster down instead of blowing a small one up.
      const png = await sharp(decoded.data, { density: 300 }).resize({ width: widthPx }).flatten({ background: '#ffffff' }).png().toBuffer();
      return { type: 'png', data: png };
    }
    default:
      return null;
  }
}
