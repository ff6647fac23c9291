/** IPC channel and URL scheme names shared by the main process and the preload. */
export const CHANNELS = {
  call: 'faceaudit:call',
  event: 'faceaudit:event',
  pick: 'faceaudit:pick',
  print: 'faceaudit:print',
} as const;

/** The page is served from app://, never file://, so its origin is fixed and the CSP means something. */
export const APP_SCHEME = 'faceaudit';
export const MEDIA_SCHEME = 'faceaudit-media';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
