// Electron glue: every contract channel is handled through the dispatcher; nothing else is registered.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '../../shared/ipc-channels.js';
import type { IpcDispatch } from './ipc-dispatcher.js';
import type { SenderInfo } from './trusted-sender.js';

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    url: frame?.url ?? '',
    isMainFrame: frame !== null && frame !== undefined && frame.parent === null,
  };
}

export function registerIpc(ipcMain: IpcMain, dispatch: IpcDispatch): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => dispatch(channel, senderOf(event), input));
  }
}
