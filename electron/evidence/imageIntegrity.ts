/**
 * Is a stored image whole? Decoding every image at import would cost more than the import itself, so the import
 * checks the structure that truncation breaks: a JPEG ends with its end-of-image marker (FF D9), a PNG with its
 * IEND chunk. Damage inside an otherwise whole file is found later, when the face engine decodes the image.
 */
const JPEG_EOI = Buffer.from([0xff, 0xd9]);
const PNG_IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Bytes some cameras and exporters add after the image: padding, not damage. */
function withoutPadding(tail: Buffer): Buffer {
  let end = tail.length;
  while (end > 0 && (tail[end - 1] === 0x00 || tail[end - 1] === 0x0a || tail[end - 1] === 0x0d || tail[end - 1] === 0x20)) end--;
  return tail.subarray(0, end);
}

export function imageProblem(mediaType: string, tail: Buffer, size: number): string | null {
  if (mediaType === 'image/jpeg') {
    if (size < 128) return 'damaged JPEG: too short to hold an image';
    const end = withoutPadding(tail);
    return end.subarray(-2).equals(JPEG_EOI) || tail.includes(JPEG_EOI) ? null : 'damaged JPEG: truncated (no end-of-image marker)';
  }
  if (mediaType === 'image/png') {
    if (size < 67) return 'damaged PNG: too short to hold an image';
    return withoutPadding(tail).subarray(-8).equals(PNG_IEND) ? null : 'damaged PNG: truncated (no IEND chunk)';
  }
  return null;
}
