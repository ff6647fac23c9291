/** Escaping for text and attribute values: drafts carry user input, which must never become markup. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/**
 * A data URL of a picture the page may show, or null. Anything else (http:, file:, javascript:) is refused: the
 * document is standalone and loads nothing from outside.
 */
export function safeImageDataUrl(url: string): string | null {
  return /^data:image\/(png|jpeg|gif|svg\+xml)(;[a-z0-9=.+-]+)*[;,]/i.test(url) ? url : null;
}
