/**
 * A fontconfig file that maps the official font names the documents use (FangSong_GB2312, 方正小标宋简体, SimHei,
 * KaiTi…) to the open fonts at the end of each stack (Noto Serif / Sans CJK SC, AR PL UKai CN).
 *
 * Why it exists: a DOCX can only name one font per run, and Word on a Chinese office PC must get the official one.
 * A Linux LibreOffice without those fonts asks fontconfig, which knows none of these names but SimSun and falls back
 * to its sans-serif for all of them, so a 仿宋 body and a 小标宋 title print in a sans face. Nothing in the DOCX can
 * steer that (render/docxStyles.ts says what was tried); this mapping, installed on the reader's machine, does. The
 * tests use the same file, so what they check is what a reader with the mapping sees.
 *
 *   faceaudit fonts-conf > ~/.config/fontconfig/conf.d/60-faceaudit-official-fonts.conf
 */
import { FONT_STACKS } from '../../../shared/documents/html/officialLayout';

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `standalone`: a whole configuration that includes the system's (for FONTCONFIG_FILE, as the tests use it);
 * otherwise a conf.d snippet, which the system configuration includes itself.
 */
export function officialFontsConf(opts: { standalone: boolean }): string {
  // 小标宋 is a heavy face: its open stand-in is the bold Noto Serif CJK, as in the HTML's @font-face.
  const heavy = FONT_STACKS.xiaobiaosong.slice(0, -1).map(
    (name) => `  <match target="pattern"><test name="family"><string>${xmlText(name)}</string></test>` +
      `<edit name="family" mode="assign" binding="strong"><string>${xmlText(FONT_STACKS.xiaobiaosong.at(-1) ?? '')}</string></edit>` +
      `<edit name="weight" mode="assign"><const>bold</const></edit></match>`,
  );
  const aliases = Object.values(FONT_STACKS).flatMap((stack) => {
    const open = stack[stack.length - 1] ?? '';
    return stack
      .slice(0, -1)
      .map((name) => `  <alias binding="same"><family>${xmlText(name)}</family><prefer><family>${xmlText(open)}</family></prefer></alias>`);
  });
  const include = opts.standalone ? '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' : '';
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- FaceAudit: the official document fonts, where absent, set in the open CJK fonts of the same kind. -->
<fontconfig>
${include}${heavy.join('\n')}
${aliases.join('\n')}
</fontconfig>
`;
}
