// Which frames may call main. Only the app's own page, loaded from the app scheme, in a main frame.

export const APP_SCHEME = 'app';
export const APP_HOST = 'ovh-pca';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** What main knows about the frame behind an IPC message. */
export interface SenderInfo {
  /** URL of the sending frame (`event.senderFrame.url`). */
  url: string;
  /** False for iframes: no embedded content may call main. */
  isMainFrame: boolean;
}

export type SenderCheck = (sender: SenderInfo) => boolean;

/** Accepts main frames whose origin is exactly one of `origins`. */
export function createSenderCheck(origins: readonly string[] = [APP_ORIGIN]): SenderCheck {
  return (sender) => {
    if (!sender.isMainFrame) return false;
    try {
      return (
        origins.includes(new URL(sender.url).origin) || origins.includes(originOfCustomScheme(sender.url))
      );
    } catch {
      return false;
    }
  };
}

// `new URL('app://ovh-pca/x').origin` is 'null' for non-special schemes in Node; compare by hand.
function originOfCustomScheme(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}
