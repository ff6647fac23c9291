/**
 * Picks the provisions violated and the provisions the penalty is imposed under, from the legal library's list for
 * face-capture cases (shared/legal FACE_CAPTURE_BASIS). Each choice shows the citation as the document prints it
 * and the library's one-line summary; hovering it shows the article's words verbatim.
 */
import type { CitationRefField, DocumentFields } from '../../../../shared/documents/fields';
import { citationText, FACE_CAPTURE_BASIS, quote, type BasisUse } from '../../../../shared/legal';
import { useT } from '../../i18n/context';
import type { DictKey } from '../../i18n/dict';
import type { FieldBinding } from './FieldInputs';

type BasisList = keyof DocumentFields['basis'];

const sameRef = (a: CitationRefField, b: CitationRefField) =>
  a.statute === b.statute && a.article === b.article && a.paragraph === b.paragraph && a.item === b.item;

/** A stable id for a citation, for test ids and keys: pipl-66-1, consumerProtection-56-1-9. */
export function refId(ref: CitationRefField): string {
  return [ref.statute, ref.article, ref.paragraph, ref.item].filter((p) => p !== undefined).join('-');
}

export function BasisPicker({ b, list, use, label }: { b: FieldBinding; list: BasisList; use: BasisUse; label: DictKey }) {
  const { t, lang } = useT();
  const chosen = b.fields.basis[list];
  // The library's entries for this use, then any other provision the fields already cite (typed elsewhere).
  const offered = FACE_CAPTURE_BASIS.filter((e) => e.use === use).map((e) => ({ ref: e.ref as CitationRefField, summary: e.summary[lang] }));
  for (const ref of chosen) if (!offered.some((o) => sameRef(o.ref, ref))) offered.push({ ref, summary: '' });

  const toggle = (ref: CitationRefField, on: boolean) =>
    b.setFields(
      (f) => ({ ...f, basis: { ...f.basis, [list]: on ? [...f.basis[list], ref] : f.basis[list].filter((r) => !sameRef(r, ref)) } }),
      `basis.${list}`,
    );

  return (
    <fieldset className="doc-basis" data-testid={`basis-${list}`}>
      <legend>{t(label)}</legend>
      {offered.map(({ ref, summary }) => {
        const checked = chosen.some((r) => sameRef(r, ref));
        return (
          <label key={refId(ref)} className="doc-check doc-basis-item" title={quote(ref)}>
            <input type="checkbox" checked={checked} disabled={b.readOnly} data-testid={`basis-${list}-${refId(ref)}`} onChange={(e) => toggle(ref, e.target.checked)} />
            <span>
              <span className="doc-citation">{citationText(ref)}</span>
              {summary && <span className="muted small"> — {summary}</span>}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
