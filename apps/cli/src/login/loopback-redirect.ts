import { type BrowserReturnListener, startBrowserReturnListener } from '@ovh-pca/platform-node';

/** What the browser shows when it comes back from OVH's validation page to `ovh-pca login`. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>ovh-pca</title>
<body style="font-family:sans-serif;max-width:32em;margin:4em auto">
<h1>Back to the terminal</h1><p>ovh-pca has been told; you can close this page.</p></body>`;

export type LoopbackRedirect = BrowserReturnListener;

export const startLoopbackRedirect = (): Promise<LoopbackRedirect> => startBrowserReturnListener(PAGE);
