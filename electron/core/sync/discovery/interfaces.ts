import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';

// Which IPv4 networks the beacon is sent on, and which address mDNS is tied to on Windows. Read afresh each
// time: a laptop that joins the inn's Wi-Fi after the app started is found on its next beacon.

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;
export type BroadcastTarget = { interface: string; address: string; broadcast: string };

/**
 * One target per IPv4 address: its subnet's broadcast address (address | ~netmask). Internal interfaces
 * (loopback) are skipped unless named in `only`, which also limits the targets to those interfaces. A /31 or
 * /32 has no broadcast address to send to and is skipped.
 */
export function broadcastTargets(only?: readonly string[], all: Interfaces = networkInterfaces()): BroadcastTarget[] {
  const targets: BroadcastTarget[] = [];
  for (const [name, addresses] of Object.entries(all)) {
    if (only && !only.includes(name)) continue;
    for (const info of addresses ?? []) {
      if (info.family !== 'IPv4' || (info.internal && !only)) continue;
      const address = ipv4ToInt(info.address);
      const mask = ipv4ToInt(info.netmask);
      if (address === null || mask === null || mask >>> 0 >= 0xfffffffe) continue;
      targets.push({ interface: name, address: info.address, broadcast: intToIpv4((address | ~mask) >>> 0) });
    }
  }
  return targets;
}

/** The IPv4 address of an interface by name (tests and a setting name the interface, mDNS wants an address). */
export function interfaceAddress(name: string, all: Interfaces = networkInterfaces()): string | null {
  return all[name]?.find((info) => info.family === 'IPv4')?.address ?? null;
}

// Names Windows gives the virtual adapters of Hyper-V, WSL, VirtualBox, VMware, VPNs and Bluetooth. Multicast
// sent without naming an interface often leaves through one of them and never reaches the inn's LAN.
const VIRTUAL = /vethernet|virtualbox|vmware|hyper-v|wsl|docker|loopback|bluetooth|tailscale|zerotier|vpn|tap|tun/i;
const PRIVATE = [
  [0x0a000000, 0xff000000], // 10.0.0.0/8
  [0xac100000, 0xfff00000], // 172.16.0.0/12
  [0xc0a80000, 0xffff0000], // 192.168.0.0/16
] as const;

/**
 * A best guess at the inn's LAN address: a private IPv4 address on an interface whose name does not look
 * virtual, else any external IPv4 address, else null. Only a guess; a setting can name the interface instead.
 */
export function guessLanAddress(all: Interfaces = networkInterfaces()): string | null {
  let fallback: string | null = null;
  for (const [name, addresses] of Object.entries(all)) {
    for (const info of addresses ?? []) {
      if (info.family !== 'IPv4' || info.internal) continue;
      const address = ipv4ToInt(info.address);
      if (address === null) continue;
      const isPrivate = PRIVATE.some(([net, mask]) => (address & mask) >>> 0 === net);
      if (isPrivate && !VIRTUAL.test(name)) return info.address;
      fallback ??= info.address;
    }
  }
  return fallback;
}

export function ipv4ToInt(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value >>> 0;
}

export function intToIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}
