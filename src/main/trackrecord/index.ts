/** The track record: computed from a mode's journal (ADR 0650–0653). */
export { computeTrackRecord, type ComputeOptions } from './compute.ts';
export { trackRecordCsv } from './csv.ts';
export type { RecordFill, RecordFunding, RecordInputs, SafetyFact } from './inputs.ts';
export { readJournalFacts, type JournalFacts } from './read-journal.ts';
export { readinessOf } from './readiness.ts';
export { createLiveSizeCap, liveSizeCapFor, type LiveSizeCap, type LiveSizeCapSource } from './live-cap.ts';
export {
  createTrackRecordHandlers,
  createTrackRecordService,
  type TrackRecordService,
  type TrackRecordServiceOptions,
} from './service.ts';
