import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../index.js';
import { openSwiftSession, type SwiftSession } from '../../testing/openstack-auth.js';

let sandbox: SandboxHandle;
let session: SwiftSession;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 13, objects: 6, retrievalDelaySeconds: 120, unsealedForSeconds: 600 });
  session = await openSwiftSession(sandbox);
  await session.swift('/vault', { method: 'PUT', headers: { 'X-Storage-Policy': 'PCA' } });
});
afterAll(() => sandbox.close());

const advance = (seconds: number) => {
  sandbox.clock.skewSeconds += seconds;
};

describe('Cloud Archive (policy PCA) in Swift', () => {
  it('adds retrieval states to listings with policy_extra=true, and shows the seeded mix', async () => {
    const listing = async (query: string) =>
      (await (await session.swift(`/archives-bhs?format=json${query}`, { region: 'BHS' })).json()) as Record<
        string,
        unknown
      >[];
    const plain = await listing('');
    expect(plain[0]).not.toHaveProperty('policy_retrieval_state');
    const extra = await listing('&policy_extra=true');
    const states = extra.map((entry) => entry.policy_retrieval_state);
    expect(states.filter((state) => state === 'sealed').length).toBeGreaterThan(states.length / 2);
    expect(states).toContain('unsealed');
    const unsealing = extra.find((entry) => entry.policy_retrieval_state === 'unsealing');
    expect(unsealing?.policy_retrieval_delay).toEqual(expect.any(Number));
    expect(
      extra.find((entry) => entry.policy_retrieval_state === 'sealed')?.policy_retrieval_delay,
    ).toBeNull();
    // A standard container's listing has no retrieval fields even when asked.
    const standard = (await (
      await session.swift('/standard-gra?format=json&policy_extra=true')
    ).json()) as Record<string, unknown>[];
    expect(standard[0]).not.toHaveProperty('policy_retrieval_state');
  });

  it('seals what is written; a GET answers 429 with Retry-After and starts unsealing; ready after the delay', async () => {
    const bytes = randomBytes(4096);
    expect((await session.swift('/vault/report.pdf', { method: 'PUT', body: bytes })).status).toBe(201);
    const sealed = await session.swift('/vault/report.pdf', { method: 'HEAD' });
    expect(sealed.status).toBe(200);
    expect(sealed.headers.get('x-ovh-retrieval-state')).toBe('sealed');
    expect(sealed.headers.has('x-ovh-retrieval-delay')).toBe(false);
    // HEAD alone does not start anything.
    expect(
      (await session.swift('/vault/report.pdf', { method: 'HEAD' })).headers.get('x-ovh-retrieval-state'),
    ).toBe('sealed');

    const first = await session.swift('/vault/report.pdf');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('120');
    expect(first.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    await first.arrayBuffer();

    advance(50);
    const unsealing = await session.swift('/vault/report.pdf', { method: 'HEAD' });
    expect(unsealing.headers.get('x-ovh-retrieval-state')).toBe('unsealing');
    expect(unsealing.headers.get('x-ovh-retrieval-delay')).toBe('70');
    const again = await session.swift('/vault/report.pdf');
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('70');

    advance(70);
    const ready = await session.swift('/vault/report.pdf');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-ovh-retrieval-state')).toBe('unsealed');
    expect(Buffer.from(await ready.arrayBuffer()).equals(bytes)).toBe(true);

    // Downloadable for the window, then sealed again.
    advance(599);
    expect((await session.swift('/vault/report.pdf')).status).toBe(200);
    advance(2);
    expect(
      (await session.swift('/vault/report.pdf', { method: 'HEAD' })).headers.get('x-ovh-retrieval-state'),
    ).toBe('sealed');
  });

  it('mirrors the same state in API v1', async () => {
    await session.swift('/vault/mirror.txt', { method: 'PUT', body: 'x' });
    await session.swift('/vault/mirror.txt');
    const project = sandbox.state.publicCloud.projects[sandbox.openstack.projectId]!;
    const object = project.storage.GRA!.containers.vault!.objects['mirror.txt']!;
    expect(object.retrieval).not.toBeNull();
  });
});
