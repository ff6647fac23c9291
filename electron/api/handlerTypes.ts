/** The shape of a service for one part of the API contract: one function per call name of that part. */
import type { ApiName, ApiParsedArgs, ApiResult } from '../../shared/api';

export type HandlersFor<Names extends ApiName> = {
  [N in Names]: (args: ApiParsedArgs<N>) => Promise<ApiResult<N>> | ApiResult<N>;
};
