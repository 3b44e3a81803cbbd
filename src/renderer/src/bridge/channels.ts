/**
 * The bridge's view of the IPC contract. Every domain is assembled in
 * src/shared/ipc/contract.ts, which stays the one source of truth; these are its types under the
 * names the renderer uses. Type-only: no zod schema reaches the renderer bundle.
 */
export type {
  ChannelName as KnownChannelName,
  EventName as KnownEventName,
  PayloadOf,
  RequestOf,
  ResponseOf,
} from '../../../shared/ipc/contract.ts';
