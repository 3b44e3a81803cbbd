import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelNames } from '../../shared/ipc/contract.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { IpcRouter } from '../ipc/router.ts';
import type { IpcSender } from '../ipc/sender.ts';

/** Reduces Electron's invoke event to the sender facts the router decides on. */
export function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  if (frame === null) return { url: '', isMainFrame: false }; // frame gone: refuse
  return { url: frame.url, isMainFrame: frame.parent === null };
}

/** One `ipcMain.handle` per contract channel, each going through the router. */
export function registerIpcHandlers(ipcMain: IpcMain, router: IpcRouter): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, payload: unknown) => router.handle(channel, payload, senderOf(event)));
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

/** Forwards engine events to the window, only while it exists. */
export function forwardEvents(events: EventPublisher, contents: WebContents): () => void {
  return events.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(event, payload);
  });
}
