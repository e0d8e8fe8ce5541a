/**
 * Custom XML parts (ExcelApi 1.5) as the add-in writes them: one element in the add-in's namespace, attributes
 * and a text body, escaped on the way in and read back tolerantly (hosts add declarations, prefixes, CDATA).
 * Also the workbook's own random id, kept in a part of its own.
 */
import type { WorkbookGateway } from './gateway';

export const WORKBOOK_NS = 'urn:planbridge:workbook:1';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_match, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[entity];
  });
}

export function partXml(element: string, namespace: string, attributes: Record<string, string>, body: string): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(value).replace(/"/g, '&quot;')}"`)
    .join('');
  return `<${element} xmlns="${namespace}"${attrs}>${escapeXml(body)}</${element}>`;
}

/** Reads back what partXml wrote, tolerating an XML declaration, prefixes and CDATA added by the host. */
export function readPartXml(xml: string): { element: string; attributes: Record<string, string>; body: string } {
  const start = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^>]*?)?)>/.exec(xml.replace(/^\s*<\?xml[^>]*\?>/, ''));
  if (!start) throw new Error('Stored part is not XML');
  const attributes: Record<string, string> = {};
  for (const match of start[3].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attributes[match[1].replace(/^.*:/, '')] = unescapeXml(match[2]);
  const prefix = start[1] ?? '';
  const open = xml.indexOf(start[0]) + start[0].length;
  const close = xml.lastIndexOf(`</${prefix}${start[2]}`);
  let inner = close < 0 ? '' : xml.slice(open, close);
  inner = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, data: string) => escapeXml(data));
  return { element: start[2], attributes, body: unescapeXml(inner) };
}

/** A random id for this workbook, created once; it keys the per-workbook token in the pane's storage. */
export async function workbookId(gateway: WorkbookGateway): Promise<string> {
  for (const part of await gateway.readParts(WORKBOOK_NS)) {
    const id = readPartXml(part.xml).attributes.id;
    if (id) return id;
  }
  const id = randomId();
  await gateway.writeParts([partXml('workbook', WORKBOOK_NS, { id }, '')], []);
  return id;
}

export function randomId(): string {
  const cryptoObject = (globalThis as { crypto?: Crypto }).crypto;
  if (cryptoObject && typeof cryptoObject.randomUUID === 'function') return cryptoObject.randomUUID();
  const bytes = new Uint8Array(16);
  if (cryptoObject) cryptoObject.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
