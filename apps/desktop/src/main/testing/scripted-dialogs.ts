import type { DialogPort } from '../transfers/dialog-port.js';

/**
 * The OS dialogs as a test drives them: each answer is queued beforehand (a real temporary folder
 * or real files), as the user would pick it; with nothing queued the dialog is "cancelled".
 */
export class ScriptedDialogs implements DialogPort {
  readonly #folders: Array<string | null> = [];
  readonly #files: Array<string[] | null> = [];
  /** How many times each dialog was opened. */
  readonly opened = { folder: 0, files: 0 };

  answerFolder(path: string | null): void {
    this.#folders.push(path);
  }

  answerFiles(paths: string[] | null): void {
    this.#files.push(paths);
  }

  async chooseFolder(): Promise<string | null> {
    this.opened.folder += 1;
    return this.#folders.shift() ?? null;
  }

  async chooseFiles(): Promise<string[] | null> {
    this.opened.files += 1;
    return this.#files.shift() ?? null;
  }
}
