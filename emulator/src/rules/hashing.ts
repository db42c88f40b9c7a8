// The `hashing` namespace: CRC32, CRC32C, MD5 and SHA-256 of bytes or of a string's UTF-8
// encoding, each returned as bytes (CRCs big-endian).

import { createHash } from 'node:crypto';

function crcTable(poly: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? poly ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

const CRC32_TABLE = crcTable(0xedb88320);
const CRC32C_TABLE = crcTable(0x82f63b78);

function crc(table: Uint32Array, data: Uint8Array): Uint8Array {
  let c = 0xffffffff;
  for (const b of data) c = (table[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  c = (c ^ 0xffffffff) >>> 0;
  return Uint8Array.of((c >>> 24) & 0xff, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff);
}

export function hashBytes(algorithm: string, data: Uint8Array): Uint8Array | undefined {
  switch (algorithm) {
    case 'crc32':
      return crc(CRC32_TABLE, data);
    case 'crc32c':
      return crc(CRC32C_TABLE, data);
    case 'md5':
      return new Uint8Array(createHash('md5').update(data).digest());
    case 'sha256':
      return new Uint8Array(createHash('sha256').update(data).digest());
    default:
      return undefined;
  }
}
