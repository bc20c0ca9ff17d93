import { startSandbox } from '@ovh-pca/sandbox';
const s = await startSandbox({ sessions: 5, taskDurationSeconds: 1 });
console.log(JSON.stringify({ OVH_ENDPOINT: s.endpoint, OVH_APPLICATION_KEY: s.applicationKey, OVH_APPLICATION_SECRET: s.applicationSecret, OVH_CONSUMER_KEY: s.consumerKey, origin: s.origin, account: s.account }));
setInterval(() => {}, 1000);
