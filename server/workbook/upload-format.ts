/**
 * What kind of file an upload is, decided from its bytes before any spreadsheet library parses it, and
 * the zip's own account of its size checked first: a zip bomb or a sheet of a million rows is refused
 * while memory stays bounded (entries are inflated as a stream, and only the XML parts kept: at most
 * MAX_UNCOMPRESSED_BYTES in all). The parts kept are what the upload reads (xlsx-cells.ts): inflated once.
 */
import yauzl from 'yauzl';
import { WorkbookRefused } from './workbook-errors';

/** Largest total of uncompressed entries: a 10,000-row table's workbook inflates to a few MB. */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 2000;

const SAVE_AS_XLSX_VI = 'Hãy mở tệp bằng Excel hoặc LibreOffice và lưu dưới dạng "Sổ làm việc Excel (.xlsx)"';
const SAVE_AS_XLSX_EN = 'Open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)"';

function refused(code: string, vi: string, en: string): WorkbookRefused {
  return new WorkbookRefused(415, code, vi, en);
}

function openZip(body: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(body, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => (error || !zip ? reject(error) : resolve(zip))),
  );
}

function tooLarge(): WorkbookRefused {
  return new WorkbookRefused(
    413,
    'WORKBOOK_TOO_LARGE',
    `Tệp giải nén ra quá lớn (hơn ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB): đây không phải một bảng của PlanBridge`,
    `The file inflates to too much (over ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB): this is not a PlanBridge table`,
  );
}

/** The parts a workbook's cells are read from: its XML and relationships, not images or embedded files. */
function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/** Walks the central directory (declared sizes), then inflates every entry to check what it really holds. */
async function checkZip(body: Buffer): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(body);
  } catch {
    throw refused('NOT_A_WORKBOOK', `Tệp không phải sổ làm việc Excel (tệp zip bị hỏng). ${SAVE_AS_XLSX_VI}`, `The file is not an Excel workbook (a damaged zip). ${SAVE_AS_XLSX_EN}`);
  }
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw tooLarge();
  }
  const names = new Set<string>();
  const parts = new Map<string, Buffer>();
  let declared = 0;
  let inflated = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error instanceof WorkbookRefused ? error : tooLarge());
    };
    zip.on('error', fail);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      names.add(entry.fileName);
      declared += entry.uncompressedSize;
      if (declared > MAX_UNCOMPRESSED_BYTES) return fail(tooLarge());
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(error);
        const chunks: Buffer[] | null = isXmlPart(entry.fileName) ? [] : null;
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > MAX_UNCOMPRESSED_BYTES) stream.destroy(tooLarge());
          else chunks?.push(chunk);
        });
        stream.on('error', fail);
        stream.on('end', () => {
          if (chunks) parts.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  if (names.has('mimetype') && !names.has('xl/workbook.xml')) {
    throw refused('ODS_FORMAT', `Tệp là bảng tính OpenDocument (.ods), không phải .xlsx. ${SAVE_AS_XLSX_VI}`, `The file is an OpenDocument spreadsheet (.ods), not .xlsx. ${SAVE_AS_XLSX_EN}`);
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw refused('NOT_A_WORKBOOK', `Tệp zip này không phải sổ làm việc Excel (.xlsx)`, `This zip file is not an Excel workbook (.xlsx)`);
  }
  return parts;
}

/**
 * Refuses anything but a sane .xlsx, with a message that says what the file is and what to do; answers its
 * XML parts by path.
 */
export async function checkUploadFormat(body: Buffer): Promise<Map<string, Buffer>> {
  if (body.length === 0) throw new WorkbookRefused(400, 'EMPTY_FILE', 'Không có tệp nào được gửi lên (nội dung trống)', 'No file was sent (the body is empty)');
  if (body.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw refused('XLS_FORMAT', `Tệp là định dạng Excel cũ (.xls), PlanBridge chỉ đọc .xlsx. ${SAVE_AS_XLSX_VI}`, `The file is in the old Excel format (.xls); PlanBridge reads only .xlsx. ${SAVE_AS_XLSX_EN}`);
  }
  if (body[0] === 0x50 && body[1] === 0x4b) return checkZip(body);
  const head = body.subarray(0, 4096).toString('utf8');
  if (!head.includes('\u0000') && /[,;\t]/.test(head.split(/\r?\n/)[0] ?? '')) {
    throw refused('CSV_FORMAT', `Tệp là văn bản CSV: nó không giữ mã khóa của bảng. Hãy tải bảng về dạng .xlsx, sửa trong tệp đó rồi tải lên`, `The file is CSV text, which does not keep the table's keys. Download the table as .xlsx, edit that file and upload it`);
  }
  throw refused('NOT_A_WORKBOOK', `Tệp không phải sổ làm việc Excel (.xlsx). ${SAVE_AS_XLSX_VI}`, `The file is not an Excel workbook (.xlsx). ${SAVE_AS_XLSX_EN}`);
}
