/** UI strings of the people screens; merged into dict.ts. `en` carries exactly the keys of `zh` (its type says so). */
export const peopleZh = {
  'people.open': '人员归并复核',
  'people.back': '返回案件',
} as const;

export const peopleEn: Record<keyof typeof peopleZh, string> = {
  'people.open': 'People review',
  'people.back': 'Back to case',
};
