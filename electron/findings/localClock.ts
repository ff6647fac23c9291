/**
 * The case zone's wall-clock time of a capture: the hour is read from the stored local time, the weekday from the
 * local date, so "Saturday 10:00" means what the office's clock said.
 */
export const HOUR_OF = (alias: string) => `CAST(substr(${alias}.captured_at, 12, 2) AS INTEGER)`;
export const WEEKDAY_OF = (alias: string) => `CAST(strftime('%w', ${alias}.local_date) AS INTEGER)`;
