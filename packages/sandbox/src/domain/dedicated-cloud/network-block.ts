/**
 * The `network` of an allowed network (OVH's ipBlock): an IPv4 or IPv6 address with an optional
 * prefix length. IPv4 blocks must not have host bits set, so the same block has one spelling.
 */
import { isIPv6 } from 'node:net';

export type NetworkBlockResult = { network: string } | { problem: string };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

export function parseNetworkBlock(text: string): NetworkBlockResult {
  const v4 = IPV4.exec(text);
  if (v4) return parseIpv4Block(v4);
  const [address = '', prefix, extra] = text.split('/');
  if (extra === undefined && isIPv6(address) && (prefix === undefined || /^\d{1,3}$/.test(prefix))) {
    const length = prefix === undefined ? 128 : Number(prefix);
    if (length <= 128) return { network: `${address.toLowerCase()}/${length}` };
  }
  return { problem: `${text} is not an IPv4 or IPv6 block (e.g. 203.0.113.0/24)` };
}

function parseIpv4Block(match: RegExpExecArray): NetworkBlockResult {
  const octets = match.slice(1, 5).map((part) => part!);
  if (octets.some((part) => Number(part) > 255 || (part.length > 1 && part.startsWith('0')))) {
    return { problem: `${match[0]} is not a valid IPv4 address` };
  }
  const length = match[5] === undefined ? 32 : Number(match[5]);
  if (length > 32) return { problem: `${match[0]} has a prefix longer than 32` };
  const address = octets.reduce((value, part) => value * 256 + Number(part), 0);
  const size = 2 ** (32 - length);
  const base = Math.floor(address / size) * size;
  if (base !== address) {
    return { problem: `${match[0]} has host bits set (did you mean ${ipv4Text(base)}/${length}?)` };
  }
  return { network: `${ipv4Text(address)}/${length}` };
}

function ipv4Text(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
