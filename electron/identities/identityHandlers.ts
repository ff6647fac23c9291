/** The services behind shared/identitiesApi.ts. */
import type { identitiesContract } from '../../shared/identitiesApi';
import type { HandlersFor } from '../api/handlerTypes';
import type { JobRunner } from '../jobs/jobRunner';

export function identityHandlers(_jobs: JobRunner): HandlersFor<keyof typeof identitiesContract> {
  const pending = () => { throw new Error('identities services are being built'); };
  return {
    'identities.cluster.start': pending, 'identities.summary': pending, 'persons.list': pending, 'persons.get': pending,
    'persons.faces': pending, 'identities.review': pending, 'identities.undo': pending, 'identities.redo': pending,
    'identities.suggestions': pending, 'identities.staffSuggestions': pending, 'identities.export': pending,
  };
}
