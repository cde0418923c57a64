/**
 * Why a file is not a workbook this tool can open, told from its first bytes (issue 10 case 13):
 * Excel saves a password-protected .xlsx as an encrypted OLE compound file (the CFB container, the
 * same as a 97-2003 .xls) holding the streams EncryptionInfo and EncryptedPackage, so exceljs only
 * says it is not a zip. The person needs to hear what to do instead. Used by the CLI and the
 * standalone page before exceljs sees the bytes.
 */

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The name as a CFB directory entry writes it: UTF-16 LE. */
function utf16le(name: string): Uint8Array {
  const out = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) out[i * 2] = name.charCodeAt(i);
  return out;
}

const ENCRYPTED_STREAMS = [utf16le('EncryptionInfo'), utf16le('EncryptedPackage')];

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (let i = hay.indexOf(first as number); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(first as number, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

export type NotXlsx = 'password-protected' | 'old-excel' | null;

/** 'password-protected' for an encrypted workbook, 'old-excel' for another OLE file (a 97-2003 .xls), null otherwise (exceljs decides). */
export function notXlsxKind(bytes: Uint8Array): NotXlsx {
  if (bytes.length < CFB_MAGIC.length || CFB_MAGIC.some((b, i) => bytes[i] !== b)) return null;
  return ENCRYPTED_STREAMS.some((s) => contains(bytes, s)) ? 'password-protected' : 'old-excel';
}

/** The sentence for a person, after the file's name; null when the bytes may be an .xlsx. */
export function notXlsxMessage(bytes: Uint8Array): string | null {
  const kind = notXlsxKind(bytes);
  switch (kind) {
    case null:
      return null;
    case 'password-protected':
      return 'is password-protected: save a copy without a password (File > Info > Protect Workbook > Encrypt with Password, clear it) and open that';
    case 'old-excel':
      return 'is an Excel 97-2003 workbook (.xls) or another Office file, not an .xlsx: open it in Excel and save it as an Excel Workbook (.xlsx)';
    default: {
      const never: never = kind;
      throw new Error(`unknown kind ${String(never)}`);
    }
  }
}

/**
 * The same for a file not yet read (the standalone page's File, or the sample fetched as a Blob):
 * only its first bytes are read here, and the whole file only when it is an OLE file, so an .xlsx
 * goes to the workbook worker unread (its bytes never pass through the page's thread).
 */
export async function notXlsxFileMessage(file: Blob): Promise<string | null> {
  const head = new Uint8Array(await file.slice(0, CFB_MAGIC.length).arrayBuffer());
  if (notXlsxKind(head) === null) return null;
  return notXlsxMessage(new Uint8Array(await file.arrayBuffer()));
}
