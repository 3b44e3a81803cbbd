import type { AnalysisSnapshot } from '../../shared/ipc/channels/analysis.ts';
import type { AnalysisService } from './analysis-service.ts';

/**
 * IPC handlers for `src/shared/ipc/channels/analysis.ts`; requests arrive validated by the
 * router. `analysis:get-snapshot` throws ValidationError for a contract that is not followed.
 */
export function createAnalysisHandlers(service: Pick<AnalysisService, 'select' | 'snapshot'>) {
  return {
    'analysis:select-symbol': (request: { symbol: string }): Promise<AnalysisSnapshot> =>
      Promise.resolve(service.select(request.symbol)),
    'analysis:get-snapshot': (request: { symbol: string }): Promise<AnalysisSnapshot> =>
      Promise.resolve(service.snapshot(request.symbol)),
  };
}
