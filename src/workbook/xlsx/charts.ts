/**
 * Native charts for the xlsx adapter. exceljs 4.4 reads and writes no charts, and no maintained npm
 * package adds chart parts to an existing workbook (xlsx-chart and office-chart build whole files
 * of their own, on old dependencies), so this writes them: the workbook exceljs saved is opened as
 * the zip it is, and for each sheet with charts a drawing part (xl/drawings/drawingN.xml, its
 * rels), one chart part per chart (xl/charts/chartN.xml), the sheet's <drawing> element and
 * relationship, and the content types are added (ECMA-376 Part 1, 21.2 DrawingML charts and 20.5
 * spreadsheet drawing). Each series refers to the sheet's cells and caches the values the engine
 * computed, so Excel and LibreOffice show the chart at once and redraw it as the cells change.
 * What each chart shows comes from ../render-charts.ts, shared with the Excel adapter.
 */
import type JSZip from 'jszip';
import type { ChartSpec, ChartType } from '../../engine/sheet-spec';
import { chartAnchor, type ChartSeries } from '../render-charts';

export interface SheetCharts {
  /** The sheet's name in the saved workbook. */
  readonly sheet: string;
  readonly charts: readonly { readonly chart: ChartSpec; readonly series: readonly ChartSeries[] }[];
}

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** Text for an XML text node or attribute. */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function strRef(ref: string, texts: readonly string[]): string {
  const pts = texts.map((t, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(t)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${xmlEscape(ref)}</c:f><c:strCache><c:ptCount val="${texts.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(ref: string, numbers: readonly (number | null)[]): string {
  const pts = numbers.map((n, i) => (n === null ? '' : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`)).join('');
  return `<c:numRef><c:f>${xmlEscape(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${numbers.length}"/>${pts}</c:numCache></c:numRef>`;
}

/** One series, its children in the order the schema wants for its chart type. */
function seriesXml(type: ChartType, s: ChartSeries, i: number): string {
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(s.name.ref, [s.name.text])}</c:tx>`;
  const data = `<c:cat>${strRef(s.categories.ref, s.categories.texts)}</c:cat><c:val>${numRef(s.values.ref, s.values.numbers)}</c:val>`;
  switch (type) {
    case 'column':
    case 'bar':
      return `<c:ser>${head}<c:invertIfNegative val="0"/>${data}</c:ser>`;
    case 'line':
      return `<c:ser>${head}<c:marker><c:symbol val="circle"/></c:marker>${data}<c:smooth val="0"/></c:ser>`;
    case 'pie':
      return `<c:ser>${head}${data}</c:ser>`;
    default: {
      const never: never = type;
      return never;
    }
  }
}

const CAT_AX = 500001;
const VAL_AX = 500002;

function axes(type: 'column' | 'bar' | 'line'): string {
  const catPos = type === 'bar' ? 'l' : 'b';
  const valPos = type === 'bar' ? 'b' : 'l';
  return (
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function plotXml(type: ChartType, series: readonly ChartSeries[]): string {
  const sers = series.map((s, i) => seriesXml(type, s, i)).join('');
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  switch (type) {
    case 'column':
    case 'bar':
      return `<c:barChart><c:barDir val="${type === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${sers}<c:gapWidth val="150"/>${axIds}</c:barChart>${axes(type)}`;
    case 'line':
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}<c:marker val="1"/>${axIds}</c:lineChart>${axes(type)}`;
    case 'pie':
      return `<c:pieChart><c:varyColors val="1"/>${sers}<c:firstSliceAng val="0"/></c:pieChart>`;
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** A chart part (c:chartSpace) for one chart. */
export function chartPartXml(chart: ChartSpec, series: readonly ChartSeries[]): string {
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="1200" b="1"/><a:t>${xmlEscape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plotXml(chart.type, series)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** A drawing part anchoring each chart over its cells; chart k is relationship rIdk+1. */
export function drawingPartXml(charts: readonly ChartSpec[], firstShapeId: number): string {
  const anchors = charts
    .map((chart, k) => {
      const { from, to } = chartAnchor(chart);
      const id = firstShapeId + k;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${xmlEscape(`Chart ${k + 1}`)}" descr="${xmlEscape(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId${k + 1}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors}</xdr:wsDr>`;
}

function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_RELS}">${items}</Relationships>`;
}

const unescapeXml = (s: string): string => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Sheet name -> its part's path ("xl/worksheets/sheet2.xml"), from the workbook part and its rels. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) out.set(unescapeXml(name), path);
  }
  return out;
}

/** The first free number N for parts named prefixN.xml. */
function freeNumber(zip: JSZip, prefix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`)) n++;
  return n;
}

/** Elements that must follow <drawing> in a worksheet (CT_Worksheet's sequence). */
const AFTER_DRAWING = ['<legacyDrawing', '<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'];

function withDrawingElement(sheetXml: string, relId: string): string {
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const i = sheetXml.indexOf(tag);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*\bxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
  if (at >= 0 && xml !== sheetXml) at += xml.length - sheetXml.length;
  return `${xml.slice(0, at)}<drawing r:id="${relId}"/>${xml.slice(at)}`;
}

/**
 * The charts added to the workbook's zip before it is deflated (./xlsx-zip.ts). A sheet that is not
 * in the workbook, or already has a drawing of its own (a user's sheet with pictures), is left as
 * it is: only sheets the product wrote get charts.
 */
export async function addChartsToZip(zip: JSZip, sheets: readonly SheetCharts[]): Promise<void> {
  const wanted = sheets.filter((s) => s.charts.length > 0);
  if (wanted.length === 0) return;
  const parts = await sheetParts(zip);
  let types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  let shapeId = 2;
  for (const s of wanted) {
    const sheetPath = parts.get(s.sheet);
    const sheetXml = sheetPath ? await zip.file(sheetPath)?.async('string') : undefined;
    if (!sheetPath || sheetXml === undefined || sheetXml.includes('<drawing ')) continue;
    const drawingNo = freeNumber(zip, 'xl/drawings/drawing');
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const chartRels: { id: string; type: string; target: string }[] = [];
    for (const [k, c] of s.charts.entries()) {
      const chartNo = freeNumber(zip, 'xl/charts/chart');
      zip.file(`xl/charts/chart${chartNo}.xml`, chartPartXml(c.chart, c.series));
      types = types.replace('</Types>', `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT_CHART}"/></Types>`);
      chartRels.push({ id: `rId${k + 1}`, type: REL_CHART, target: `../charts/chart${chartNo}.xml` });
    }
    zip.file(drawingPath, drawingPartXml(s.charts.map((c) => c.chart), shapeId));
    shapeId += s.charts.length;
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(chartRels));
    types = types.replace('</Types>', `<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/></Types>`);
    // The sheet's own rels (tables, hyperlinks) keep theirs; the drawing gets an id not in use.
    const slash = sheetPath.lastIndexOf('/');
    const sheetRelsPath = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
    const existing = (await zip.file(sheetRelsPath)?.async('string')) ?? relsXml([]);
    let n = 1;
    while (existing.includes(`Id="rIdHL${n}"`)) n++;
    const relId = `rIdHL${n}`;
    zip.file(sheetRelsPath, existing.replace('</Relationships>', `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`));
    zip.file(sheetPath, withDrawingElement(sheetXml, relId));
  }
  zip.file('[Content_Types].xml', types);
}
