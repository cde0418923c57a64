/**
 * A minimal OLE compound file (CFB, version 3, 512-byte sectors) with the directory Excel writes for
 * a password-protected .xlsx: the root, EncryptionInfo and EncryptedPackage (the contents are not
 * encrypted data: the tests only need the container a person would hand us). With other stream
 * names it stands for a 97-2003 .xls ("Workbook").
 */
export function cfbFile(streams: readonly string[]): Uint8Array {
  const SECTOR = 512;
  const header = new Uint8Array(SECTOR);
  const view = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 0x0003, true); // major version 3
  view.setUint16(0x1c, 0xfffe, true); // little-endian
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  view.setUint16(0x20, 6, true); // 64-byte mini sectors
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // the directory starts at sector 1
  view.setUint32(0x38, 4096, true); // mini stream cutoff
  view.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  view.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = new Uint8Array(SECTOR).fill(0xff);
  const fv = new DataView(fat.buffer);
  fv.setUint32(0, 0xfffffffd, true); // sector 0: the FAT itself
  fv.setUint32(4, 0xfffffffe, true); // sector 1: the directory, end of chain
  const dir = new Uint8Array(SECTOR);
  const dv = new DataView(dir.buffer);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    for (let k = 0; k < name.length; k++) dv.setUint16(at + k * 2, name.charCodeAt(k), true);
    dv.setUint16(at + 0x40, (name.length + 1) * 2, true);
    dir[at + 0x42] = i === 0 ? 5 : 2; // root storage, then streams
    dv.setUint32(at + 0x44, 0xffffffff, true);
    dv.setUint32(at + 0x48, i + 1 < Math.min(4, streams.length + 1) && i > 0 ? i + 1 : 0xffffffff, true);
    dv.setUint32(at + 0x4c, i === 0 && streams.length > 0 ? 1 : 0xffffffff, true);
    dv.setUint32(at + 0x74, 0xfffffffe, true);
  });
  const out = new Uint8Array(SECTOR * 3);
  out.set(header, 0);
  out.set(fat, SECTOR);
  out.set(dir, SECTOR * 2);
  return out;
}
