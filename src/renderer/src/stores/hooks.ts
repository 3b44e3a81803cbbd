import { useStore } from 'zustand';
import { connectionStore, type ConnectionState } from './connection.store.ts';

/** Reads one slice of the connection store; pass an atomic selector (zustand 5 needs stable results). */
export function useConnection<T>(selector: (state: ConnectionState) => T): T {
  return useStore(connectionStore, selector);
}
