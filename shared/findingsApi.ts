/**
 * The findings part of the API contract (issue 6): figures with their provenance, and the views' queries.
 */
export const findingsContract = {} as const;
