/** UI strings of the findings screens; merged into dict.ts. `en` carries exactly the keys of `zh` (its type says so). */
export const findingsZh = {
} as const;

export const findingsEn: Record<keyof typeof findingsZh, string> = {
};
