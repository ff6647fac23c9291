/**
 * What every findings view needs from the case around it: the case id and number (exports carry the number), and
 * how to open the captures behind a bar or cell.
 */
import { createContext, useContext } from 'react';
import type { CaptureFilter } from '../../../../shared/findingsApi';

export interface Drill {
  filter: CaptureFilter;
  /** What the captures are, as the captures view's heading says it. */
  label: string;
}

export interface FindingsCase {
  caseId: string;
  /**
   * The case number (文号) as known now. A function, not a value: the number arrives after the figures, and a
   * changed context value would redraw every chart for a string only the export buttons read.
   */
  caseNumber(): string;
  onDrill(drill: Drill): void;
}

export const FindingsContext = createContext<FindingsCase | null>(null);

export function useFindingsCase(): FindingsCase {
  const ctx = useContext(FindingsContext);
  if (!ctx) throw new Error('useFindingsCase() outside <FindingsContext.Provider>');
  return ctx;
}
