/** Test helper: a Keystone v3 token for the sandbox's OpenStack user, by plain HTTP. */
import type { SandboxHandle } from '../start-sandbox.js';

export interface SwiftSession {
  token: string;
  /** `http://127.0.0.1:PORT/v1/AUTH_<project>` of a region. */
  accountUrl(region?: string): string;
  /** fetch below the account URL with the token. */
  swift(path: string, init?: RequestInit & { region?: string }): Promise<Response>;
}

export function passwordAuthBody(
  user: Record<string, unknown>,
  scope: Record<string, unknown> | undefined,
): string {
  return JSON.stringify({
    auth: {
      identity: { methods: ['password'], password: { user } },
      ...(scope && { scope: { project: scope } }),
    },
  });
}

export async function openSwiftSession(sandbox: SandboxHandle): Promise<SwiftSession> {
  const { openstack } = sandbox;
  const response = await fetch(`${openstack.authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: passwordAuthBody(
      { name: openstack.username, domain: { name: openstack.userDomain }, password: openstack.password },
      { name: openstack.projectName, domain: { name: openstack.projectDomain } },
    ),
  });
  if (response.status !== 201)
    throw new Error(`Keystone answered ${response.status}: ${await response.text()}`);
  const token = response.headers.get('x-subject-token')!;
  const accountUrl = (region = openstack.region) =>
    `${sandbox.endpoints.swift[region]}/v1/AUTH_${openstack.projectId}`;
  return {
    token,
    accountUrl,
    swift: (path, init = {}) => {
      const { region, headers, ...rest } = init;
      return fetch(`${accountUrl(region)}${path}`, {
        ...rest,
        headers: { 'X-Auth-Token': token, ...(headers as Record<string, string>) },
      });
    },
  };
}
