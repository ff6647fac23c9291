/**
 * A chart as a self-contained image for the case file: the chart's SVG with a heading above it that names the
 * case (文号) and the chart, fonts named so Chinese renders, as SVG text or as a PNG drawn at twice the size.
 */
const HEAD = 56;
const FONT = `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif`;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/gu, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The chart's main SVG: the wrapper's own (legend icons are small SVGs of the same class inside the legend). */
export function chartSvg(container: HTMLElement): SVGSVGElement | null {
  return container.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface') ?? container.querySelector('svg');
}

export function svgWithHeading(svg: SVGSVGElement, heading: { caseNumber: string; title: string; note?: string }): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute('width')));
  const height = Math.round(box.height || Number(svg.getAttribute('height')));
  const inner = new XMLSerializer().serializeToString(svg);
  const note = heading.note ? `<text x="12" y="${HEAD - 8}" font-size="11" fill="#4b5563">${escapeXml(heading.note)}</text>` : '';
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + HEAD}" viewBox="0 0 ${width} ${height + HEAD}" font-family='${FONT}'>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="12" y="20" font-size="15" font-weight="600" fill="#111827">${escapeXml(heading.title)}</text>
<text x="12" y="38" font-size="12" fill="#111827">${escapeXml(heading.caseNumber)}</text>
${note}
<g transform="translate(0 ${HEAD})">${inner}</g>
</svg>`;
  return { text, width, height: height + HEAD };
}

/** Draws the SVG on a canvas at `scale` and returns the PNG as base64 (no data: prefix). */
export async function svgToPngBase64(svg: { text: string; width: number; height: number }, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = svg.width * scale;
    canvas.height = svg.height * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, svg.width, svg.height);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/u, '');
  } finally {
    URL.revokeObjectURL(url);
  }
}
