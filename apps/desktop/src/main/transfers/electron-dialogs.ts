import type { BrowserWindow, Dialog } from 'electron';
import type { DialogPort } from './dialog-port.js';

/** The DialogPort over Electron's native dialogs, attached to the app's window. */
export function electronDialogs(dialog: Dialog, window: () => BrowserWindow | null): DialogPort {
  const open = async (
    properties: Array<'openDirectory' | 'createDirectory' | 'openFile' | 'multiSelections'>,
  ) => {
    const parent = window();
    const options = { properties };
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : result.filePaths;
  };
  return {
    chooseFolder: async () => (await open(['openDirectory', 'createDirectory']))?.[0] ?? null,
    chooseFiles: () => open(['openFile', 'multiSelections']),
  };
}
