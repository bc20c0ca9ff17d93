/** Seed 002's API console walkthrough, as written, over real signed HTTP. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../start-sandbox.js';
import { ovhCall } from '../../testing/ovh-call.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 9, sessions: 0, files: 0, taskDurationSeconds: 0 });
});
afterAll(() => sandbox.close());

it('runs the GET, PUT, POST and DELETE examples of seed 002', async () => {
  const [serviceName] = (await ovhCall<string[]>(sandbox, { path: '/dedicatedCloud' })).body;
  const base = `/dedicatedCloud/${serviceName}`;

  // GET /dedicatedCloud/{serviceName}
  const service = await ovhCall<{ serviceName: string }>(sandbox, { path: base });
  expect(service.status).toBe(200);
  expect(service.body.serviceName).toBe(serviceName);

  // GET then PUT /dedicatedCloud/{serviceName}/datacenter/{datacenterId}, then GET again
  const ids = (await ovhCall<number[]>(sandbox, { path: `${base}/datacenter` })).body;
  expect(ids).toHaveLength(2);
  const dcPath = `${base}/datacenter/${ids[0]}`;
  const before = await ovhCall<{ description: string }>(sandbox, { path: dcPath });
  const put = await ovhCall(sandbox, {
    method: 'PUT',
    path: dcPath,
    body: { description: 'Nouvelle description' },
  });
  expect(put.status).toBe(200);
  const after = await ovhCall<{ description: string }>(sandbox, { path: dcPath });
  expect(after.body.description).toBe('Nouvelle description');
  expect(after.body.description).not.toBe(before.body.description);

  // POST /dedicatedCloud/{serviceName}/allowedNetwork, then GET …/allowedNetwork/{networkAccessId}
  const posted = await ovhCall<{ networkAccessId: number; state: string }>(sandbox, {
    method: 'POST',
    path: `${base}/allowedNetwork`,
    body: { network: '192.0.2.10/32', description: 'Poste admin' },
  });
  expect(posted.status).toBe(200);
  const network = await ovhCall<{ network: string; state: string }>(sandbox, {
    path: `${base}/allowedNetwork/${posted.body.networkAccessId}`,
  });
  expect(network.body).toMatchObject({ network: '192.0.2.10/32', state: 'allowed' });

  // DELETE /dedicatedCloud/{serviceName}/datacenter/{datacenterId} of the empty one
  const datacenters = await Promise.all(
    ids.map(
      async (id) =>
        (
          await ovhCall<{ datacenterId: number; isRemovable: boolean }>(sandbox, {
            path: `${base}/datacenter/${id}`,
          })
        ).body,
    ),
  );
  const empty = datacenters.find((datacenter) => datacenter.isRemovable)!;
  const full = datacenters.find((datacenter) => !datacenter.isRemovable)!;
  const refused = await ovhCall<{ class: string }>(sandbox, {
    method: 'DELETE',
    path: `${base}/datacenter/${full.datacenterId}`,
  });
  expect(refused.status).toBe(409);
  const removed = await ovhCall<{ name: string }>(sandbox, {
    method: 'DELETE',
    path: `${base}/datacenter/${empty.datacenterId}`,
  });
  expect(removed.status).toBe(200);
  expect(removed.body.name).toBe('removeDatacenter');
  expect((await ovhCall<number[]>(sandbox, { path: `${base}/datacenter` })).body).toEqual([
    full.datacenterId,
  ]);
});
