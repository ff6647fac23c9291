// Types of scripts/transcribeStatutes.mjs, for its test.
export declare const SOURCES: Record<string, string>;
export declare function parseChineseInteger(text: string): number;
export declare function transcribeAll(dir?: string): Record<string, { file: string; articles: number; text: string }>;
