// A list of addresses and CIDRs (TRUST_PROXY, RATE_LIMIT_EXEMPT) matched with node:net's BlockList, IPv4-mapped IPv6 included.
import { BlockList, isIP } from 'node:net';
import { ConfigurationError } from '../../errors.js';

export interface AddressList {
  has(address: string): boolean;
  readonly empty: boolean;
}

/** Parses `10.0.0.0/8, ::1, 192.168.1.7`; throws ConfigurationError naming the variable and the bad entry. */
export function addressList(spec: string, variable: string): AddressList {
  const list = new BlockList();
  const entries = spec
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (family === 0 || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) {
      throw new ConfigurationError(
        'XS_CONFIG_INVALID',
        `${variable}=${JSON.stringify(spec)}: ${JSON.stringify(entry)} is not an address or CIDR`,
      );
    }
    list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return {
    empty: entries.length === 0,
    has(raw: string) {
      const address = raw.startsWith('::ffff:') && isIP(raw.slice(7)) === 4 ? raw.slice(7) : raw;
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}
