/** The shape of `window.bulwark`, exactly as preload builds it (src/shared/ipc/api.ts). */
export type { BulwarkApi } from '../../../shared/ipc/api.ts';
