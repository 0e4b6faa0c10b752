/**
 * What counts as a loopback host, in one place for the WebSocket transport
 * and `@cask/attestation`.
 * @module
 */
import { BlockList, isIP } from 'node:net';

let ranges: BlockList | undefined;

/** The loopback ranges, built on first use (not at import: a module that throws at load would fail every importer). */
function loopbackRanges(): BlockList {
  ranges ??= buildRanges();
  return ranges;
}

function buildRanges(): BlockList {
  const list = new BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  list.addAddress('::1', 'ipv6');
  list.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');
  return list;
}

/**
 * Whether `hostname` (as `URL.hostname` gives it, with or without the
 * brackets of an IPv6 literal) is a loopback address: `localhost` and
 * `*.localhost` names (RFC 6761), `127.0.0.0/8`, `::1`, and IPv4-mapped
 * IPv6 loopback addresses (which `URL` writes e.g. as `[::ffff:7f00:1]`).
 * A trailing dot is ignored. Never throws.
 */
export function isLoopbackHost(hostname: string): boolean {
  if (typeof hostname !== 'string') return false;
  let h = hostname.toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const family = isIP(h);
  if (family === 4) return loopbackRanges().check(h, 'ipv4');
  // Stryker disable next-line ConditionalExpression: BlockList.check() is false for a string that is no address, so checking a non-address as ipv6 answers the same
  if (family === 6) return loopbackRanges().check(h, 'ipv6');
  return false;
}
