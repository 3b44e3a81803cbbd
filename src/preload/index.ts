// The sandboxed preload: builds window.bulwark from the frozen IPC contract and exposes nothing
// else — never ipcRenderer, never a generic invoke. Bundled into one CommonJS file (the sandbox
// can only require `electron`), see electron.vite.config.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { createBulwarkApi } from '../shared/ipc/api.ts';

const api = createBulwarkApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe: (event, listener) => {
    // Wrap: the renderer's callback must never see the IpcRendererEvent (it leaks `sender`).
    const onEvent = (_event: Electron.IpcRendererEvent, payload: unknown): void => {
      listener(payload);
    };
    ipcRenderer.on(event, onEvent);
    return () => {
      ipcRenderer.removeListener(event, onEvent);
    };
  },
});

contextBridge.exposeInMainWorld('bulwark', api);
