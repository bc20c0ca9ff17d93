/** The `allowedIPs` of a consumer key: addresses or CIDR blocks, IPv4 or IPv6. */
import { BlockList, isIP } from 'node:net';

export function isValidIpOrBlock(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

export function isAddressAllowed(allowed: readonly string[], remoteAddress: string): boolean {
  const address = remoteAddress.replace(/^::ffff:(?=\d+\.)/, '');
  const family = isIP(address);
  if (family === 0) return false;
  const list = new BlockList();
  for (const entry of allowed) {
    if (!isValidIpOrBlock(entry)) continue;
    const [block, prefix] = entry.split('/') as [string, string | undefined];
    const type = isIP(block) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(block, type);
    else list.addSubnet(block, Number(prefix), type);
  }
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
