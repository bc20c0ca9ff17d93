/**
 * The OS file dialogs, opened by main (Electron's `dialog` in main.ts). A thin port so the Node
 * tests and the end-to-end harness answer with real temporary folders and files.
 */
export interface DialogPort {
  /** A folder to download into; null when the user cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Files to upload; null (or empty) when the user cancelled. */
  chooseFiles(): Promise<string[] | null>;
}
