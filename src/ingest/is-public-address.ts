import { isIP } from 'node:net';

/** [first address as a number, prefix length] of IPv4 ranges that are not the public internet. */
const privateIpv4Ranges: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

function parseIpv4(address: string): number {
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

function isPublicIpv4(address: string): boolean {
  const value = parseIpv4(address);
  return !privateIpv4Ranges.some(([start, prefix]) => {
    const size = 2 ** (32 - prefix);
    const first = parseIpv4(start);
    return value >= first && value < first + size;
  });
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail becomes two groups). */
function parseIpv6(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const ipv4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (ipv4Tail !== undefined) {
    const value = parseIpv4(ipv4Tail);
    text = `${text.slice(0, -ipv4Tail.length)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups].map(
    (group) => Number.parseInt(group, 16),
  );
}

function embeddedIpv4(groups: number[], high: number, low: number): string {
  const value = (groups[high] ?? 0) * 65536 + (groups[low] ?? 0);
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

function isPublicIpv6(address: string): boolean {
  const groups = parseIpv6(address);
  const [first = 0, second = 0] = groups;
  const upperSixZero = groups.slice(0, 5).every((group) => group === 0);
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible, which includes :: and ::1).
  if (upperSixZero && (groups[5] === 0xffff || groups[5] === 0)) {
    return groups[5] === 0xffff && isPublicIpv4(embeddedIpv4(groups, 6, 7));
  }
  // 64:ff9b::/96 (NAT64) carries an IPv4 address in its last 32 bits.
  if (first === 0x64 && second === 0xff9b && groups.slice(2, 6).every((group) => group === 0)) {
    return isPublicIpv4(embeddedIpv4(groups, 6, 7));
  }
  // 2002::/16 (6to4) carries one in bits 16 to 48.
  if (first === 0x2002) return isPublicIpv4(embeddedIpv4(groups, 1, 2));
  if ((first & 0xfe00) === 0xfc00) return false; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return false; // fe80::/10 link-local
  if ((first & 0xffc0) === 0xfec0) return false; // fec0::/10 site-local (deprecated)
  if ((first & 0xff00) === 0xff00) return false; // ff00::/8 multicast
  if (first === 0x2001 && second === 0x0db8) return false; // 2001:db8::/32 documentation
  if (first === 0x0100 && groups.slice(1, 4).every((group) => group === 0)) return false; // discard
  return true;
}

/**
 * True when an IP address is on the public internet: false for loopback,
 * private, link-local, carrier-grade NAT, multicast, unspecified, reserved
 * and documentation ranges, IPv4 and IPv6 alike, and for IPv6 forms that
 * carry such an IPv4 address (`::ffff:10.0.0.1`, NAT64, 6to4). False for
 * anything that is not an IP address.
 *
 * @example
 * isPublicAddress('93.184.215.14'); // true
 * isPublicAddress('::ffff:169.254.169.254'); // false
 */
export function isPublicAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return isPublicIpv4(address);
  if (version === 6) return isPublicIpv6(address);
  return false;
}
