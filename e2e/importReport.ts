/**
 * The import report's figures for an archive of one sheet plus one image per capture, all new to the vault, with
 * nothing missing, broken or left over: what every clean import in the specs must show.
 */
import { expect, type Page } from '@playwright/test';

export async function expectCleanImportReport(page: Page, captures: number): Promise<void> {
  const report = {
    'import-report-captures': captures,
    'import-report-files-seen': captures + 1,
    'import-report-files-stored': captures + 1,
    'import-report-duplicates': 0,
    'import-report-sheets': 1,
    'import-report-skipped': 0,
    'import-report-rows-without-file': 0,
    'import-report-files-without-row': 0,
    'import-report-bad-rows': 0,
  };
  for (const [testId, value] of Object.entries(report)) await expect(page.getByTestId(testId), testId).toHaveText(String(value));
}
