/**
 * The preload: exposes exactly the API contract to the page through contextBridge, nothing else of Node or
 * Electron. Runs sandboxed, so it is bundled and may require only 'electron'.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvent, ApiName, ApiResponse, FaceAuditBridge, MediaVariant, PrintOutcome } from '../../shared/api';
import { CHANNELS, MEDIA_SCHEME } from './channels';

const bridge: FaceAuditBridge = {
  transport: 'electron',
  async call(name: ApiName, args: unknown) {
    // Names and arguments are checked against the contract in the main process, which the page cannot skip.
    const response = (await ipcRenderer.invoke(CHANNELS.call, name, args)) as ApiResponse;
    // A plain object, not an Error: contextBridge drops an Error's own properties, and the page needs the
    // code and parameters to show the message in the user's language.
    if (!response.ok) throw response.error;
    return response.value as never;
  },
  onEvent(listener: (event: ApiEvent) => void) {
    const handler = (_: IpcRendererEvent, event: ApiEvent) => listener(event);
    ipcRenderer.on(CHANNELS.event, handler);
    return () => ipcRenderer.removeListener(CHANNELS.event, handler);
  },
  mediaUrl(caseId: string, id: number, variant: MediaVariant) {
    return `${MEDIA_SCHEME}://media/${variant}?case=${encodeURIComponent(caseId)}&id=${id}`;
  },
  async pickPaths(kind: 'folder' | 'file') {
    return (await ipcRenderer.invoke(CHANNELS.pick, kind)) as string[];
  },
  async printHtml(html: string) {
    return (await ipcRenderer.invoke(CHANNELS.print, html)) as PrintOutcome;
  },
};

contextBridge.exposeInMainWorld('faceaudit', bridge);
