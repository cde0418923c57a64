/**
 * Workbook-level names mark the sheets the product wrote (`_HL_<key>` -> 'Sheet'!$A$1); Excel keeps
 * a name pointing at its sheet when the sheet is renamed, so the mark survives renaming. Shared by
 * the xlsx and Excel adapters.
 */
export const MARKER_PREFIX = '_HL_';

/** Keys are lower-case words joined by "." or "-" ("audit.reconciling-items"), so the marker name maps back to the key exactly. */
const KEY_PATTERN = /^[a-z0-9]+([.-][a-z0-9]+)*$/;

export function markerName(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`sheet key '${key}' must be lower-case words joined by '.' or '-'`);
  return `${MARKER_PREFIX}${key.replace(/-/g, '__').replace(/\./g, '_')}`;
}

export function keyFromMarker(marker: string): string {
  return marker.slice(MARKER_PREFIX.length).replace(/__/g, '-').replace(/_/g, '.');
}
