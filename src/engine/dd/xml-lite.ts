/**
 * Just enough XML for the Bacs reports (ARUDD, ADDACS, AUDDIS, Input report): elements with their
 * attributes and 1-based line numbers, entities decoded; comments, processing instructions and
 * text content are skipped (the reports carry their data in attributes). Not a general parser:
 * the engine has no DOM, and the reports are machine-written.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly line: number;
  readonly children: XmlElement[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

/** Parses the text; null with the line of the first problem when the tags do not nest. */
export function parseXml(text: string): { root: XmlElement | null; problem: { line: number; message: string } | null } {
  const top: XmlElement = { name: '#document', attrs: {}, line: 0, children: [] };
  const stack: XmlElement[] = [top];
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/\s*([A-Za-z_][\w.:-]*)\s*>|<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let line = 1;
  let last = 0;
  let m: RegExpExecArray | null;
  const lineAt = (i: number): number => {
    for (let k = last; k < i; k++) if (text.charCodeAt(k) === 10) line++;
    last = i;
    return line;
  };
  while ((m = tag.exec(text)) !== null) {
    const at = lineAt(m.index);
    if (m[1] !== undefined) {
      const open = stack.pop();
      if (open === undefined || open === top || open.name !== m[1]) return { root: null, problem: { line: at, message: `</${m[1]}> closes ${open && open !== top ? `<${open.name}> (line ${open.line})` : 'nothing'}` } };
    } else if (m[2] !== undefined) {
      // No prototype: an attribute named valueOf or constructor is data, not a method.
      const attrs = Object.create(null) as Record<string, string>;
      for (const a of (m[3] ?? '').matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1] as string] = decode(a[2] ?? a[3] ?? '');
      const el: XmlElement = { name: m[2], attrs, line: at, children: [] };
      (stack[stack.length - 1] as XmlElement).children.push(el);
      if (m[4] !== '/') stack.push(el);
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1] as XmlElement;
    return { root: null, problem: { line: open.line, message: `<${open.name}> is never closed` } };
  }
  const root = top.children[0] ?? null;
  return root ? { root, problem: null } : { root: null, problem: { line: 1, message: 'no XML element found' } };
}

/** Every element of the name below (and including) the element, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (e.name === name) out.push(e);
    for (const c of e.children) walk(c);
  };
  walk(el);
  return out;
}

/** An attribute's value (undefined when absent). */
export function attr(el: XmlElement | undefined, name: string): string | undefined {
  return el !== undefined && Object.prototype.hasOwnProperty.call(el.attrs, name) ? el.attrs[name] : undefined;
}
