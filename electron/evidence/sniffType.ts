/**
 * What a file is, from its first bytes rather than its name: seized archives carry misnamed files, and
 * the evidence list must say what each file really is.
 */
export type MediaType =
  | 'image/jpeg' | 'image/png' | 'image/gif' | 'image/bmp' | 'image/webp'
  | 'video/mp4' | 'video/x-msvideo' | 'application/zip' | 'application/pdf'
  | 'text/plain' | 'application/octet-stream' | 'inode/x-empty';

export function sniffMediaType(head: Buffer): MediaType {
  if (head.length === 0) return 'inode/x-empty';
  const hex = head.subarray(0, 12).toString('hex');
  if (hex.startsWith('ffd8ff')) return 'image/jpeg';
  if (hex.startsWith('89504e470d0a1a0a')) return 'image/png';
  if (hex.startsWith('47494638')) return 'image/gif';
  if (hex.startsWith('424d')) return 'image/bmp';
  if (hex.startsWith('52494646') && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (hex.startsWith('52494646') && head.subarray(8, 12).toString('latin1') === 'AVI ') return 'video/x-msvideo';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') return 'video/mp4';
  if (hex.startsWith('504b0304') || hex.startsWith('504b0506')) return 'application/zip';
  if (hex.startsWith('25504446')) return 'application/pdf';
  // Text: no NUL bytes in the head. Good enough to tell a sheet from a binary.
  if (!head.includes(0)) return 'text/plain';
  return 'application/octet-stream';
}

export function isImageType(type: MediaType): boolean {
  return type.startsWith('image/');
}

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.gif', '.bmp', '.webp']);
export function hasImageExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && IMAGE_EXTENSIONS.has(name.slice(dot).toLowerCase());
}
