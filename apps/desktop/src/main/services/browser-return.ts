import { type BrowserReturnListener, startBrowserReturnListener } from '@ovh-pca/platform-node';

/** What the browser shows when it comes back from OVH's validation page to the app. */
const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>OVH PCA</title>
<body style="font-family:system-ui,sans-serif;max-width:32em;margin:4em auto">
<h1>Back to OVH PCA</h1><p>The app has been told. You can close this page.</p>
<p lang="fr">L’application est prévenue. Vous pouvez fermer cette page.</p></body></html>`;

export type BrowserReturn = BrowserReturnListener;

export const startBrowserReturn = (): Promise<BrowserReturn> => startBrowserReturnListener(PAGE);
