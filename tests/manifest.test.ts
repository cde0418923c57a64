/**
 * Our own validation of manifest.xml (Microsoft's validator is an online service this network cannot
 * reach): the checks OFFICE.md lists, on a real XML parse.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import pkg from '../package.json';

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: '' };
    (stack[stack.length - 1] as El).children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => void ((stack[stack.length - 1] as El).text += t));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0] as El;
}

function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}

const ROOT = join(__dirname, '..');
const manifest = parse(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'));
const child = (name: string) => manifest.children.find((c) => c.name === name);

describe('manifest.xml', () => {
  it('is a task pane add-in for Excel', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(manifest.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(all(child('Hosts') as El, (e) => e.name === 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
  });

  it('has its top-level elements in the order the schema requires', () => {
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    const names = manifest.children.map((c) => c.name);
    expect(names.filter((n) => order.includes(n))).toEqual(order.filter((n) => names.includes(n)));
    expect(names).toEqual(expect.arrayContaining(['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'Hosts', 'DefaultSettings', 'Permissions']));
  });

  it('has a GUID id, a four-part version matching package.json, and ExcelApi 1.7 at least', () => {
    expect(child('Id')?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const version = child('Version')?.text ?? '';
    expect(version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(version).toBe(`${pkg.version}.0`);
    const sets = all(child('Requirements') as El, (e) => e.name === 'Set');
    const excel = sets.find((s) => s.attrs.Name === 'ExcelApi');
    expect(Number(excel?.attrs.MinVersion)).toBeGreaterThanOrEqual(1.7);
  });

  it('uses HTTPS for every URL', () => {
    const urls = all(manifest, (e) => 'DefaultValue' in e.attrs && /^[a-z]+:\/\//i.test(e.attrs.DefaultValue ?? '')).map((e) => e.attrs.DefaultValue);
    const domains = all(manifest, (e) => e.name === 'AppDomain').map((e) => e.text.trim());
    expect(urls.length).toBeGreaterThan(5);
    for (const u of [...urls, ...domains]) expect(u).toMatch(/^https:\/\//);
    expect(all(child('DefaultSettings') as El, (e) => e.name === 'SourceLocation')[0]?.attrs.DefaultValue).toMatch(/^https:\/\/.*taskpane\.html$/);
  });

  it('defines every resid it uses, each at most 32 characters', () => {
    const used = new Set(all(manifest, (e) => 'resid' in e.attrs).map((e) => e.attrs.resid as string));
    const resources = all(manifest, (e) => e.name === 'Resources')[0] as El;
    const defined = new Set(all(resources, (e) => 'id' in e.attrs).map((e) => e.attrs.id as string));
    expect(used.size).toBeGreaterThan(5);
    for (const id of used) {
      expect(defined.has(id)).toBe(true);
      expect(id.length).toBeLessThanOrEqual(32);
    }
  });

  it('points at icon files that exist in assets/', () => {
    const icons = all(manifest, (e) => /\.png$/.test(e.attrs.DefaultValue ?? '')).map((e) => (e.attrs.DefaultValue as string).replace(/^https:\/\/[^/]+\//, ''));
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const icon of icons) expect(existsSync(join(ROOT, icon))).toBe(true);
  });
});
