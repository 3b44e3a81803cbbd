/**
 * The renderer's only door to main. Components and stores import from here, never from
 * `window.bulwark`, so nothing else knows whether it runs in Electron or in the test browser.
 */
export { call, bulwarkApi } from './call.ts';
export type { CallArgs } from './call.ts';
export { subscribe, subscribeAll } from './events.ts';
export type { BulwarkApi } from './api.ts';
export type { KnownChannelName, KnownEventName, PayloadOf, RequestOf, ResponseOf } from './channels.ts';
