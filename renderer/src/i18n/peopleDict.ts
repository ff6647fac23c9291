/** UI strings of the people screens; merged into dict.ts. `en` carries exactly the keys of `zh` (its type says so). */
export const peopleZh = {
} as const;

export const peopleEn: Record<keyof typeof peopleZh, string> = {
};
