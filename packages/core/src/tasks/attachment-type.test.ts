import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffAttachment } from './attachment-type.js';
import { cfbStreamNames } from './cfb-streams.js';
import { zipOf } from './zip-fixture.test-support.js';

/** A minimal MS-CFB container (512-byte sectors) whose directory holds the root and one stream. */
export function cfbWithStream(streamName: string): Buffer {
  const file = Buffer.alloc(512 * 3);
  file.writeUInt32LE(0xe011cfd0, 0);
  file.writeUInt32LE(0xe11ab1a1, 4);
  file.writeUInt16LE(0x003e, 0x18);
  file.writeUInt16LE(0x0003, 0x1a);
  file.writeUInt16LE(0xfffe, 0x1c);
  file.writeUInt16LE(9, 0x1e);
  file.writeUInt16LE(6, 0x20);
  file.writeUInt32LE(1, 0x2c);
  file.writeUInt32LE(1, 0x30);
  file.writeUInt32LE(0xfffffffe, 0x3c);
  file.writeUInt32LE(0xfffffffe, 0x44);
  file.writeInt32LE(0, 0x4c);
  const entry = (slot: number, name: string, type: number) => {
    const offset = 512 + slot * 128;
    file.write(`${name}\0`, offset, 'utf16le');
    file.writeUInt16LE((name.length + 1) * 2, offset + 0x40);
    file[offset + 0x42] = type;
  };
  entry(0, 'Root Entry', 5);
  entry(1, streamName, 2);
  return file;
}

const image = (format: 'jpeg' | 'png' | 'tiff') =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#c03' } })
    .toFormat(format)
    .toBuffer();

describe('attachment content sniffing', () => {
  it('recognises real JPEG, PNG and TIFF images', async () => {
    expect((await sniffAttachment(await image('jpeg'))).type).toBe('JPEG');
    expect((await sniffAttachment(await image('png'))).type).toBe('PNG');
    expect(await sniffAttachment(await image('tiff'))).toEqual({ type: 'TIFF', contentType: 'image/tiff' });
  });

  it('refuses an image cut short with 422', async () => {
    const jpeg = await image('jpeg');
    await expect(sniffAttachment(jpeg.subarray(0, jpeg.length - 40))).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/unreadable JPEG/),
    });
  });

  it('tells DOC from XLS by the streams of the compound file', async () => {
    expect(cfbStreamNames(cfbWithStream('WordDocument')).has('WordDocument')).toBe(true);
    expect((await sniffAttachment(cfbWithStream('WordDocument'))).type).toBe('DOC');
    expect((await sniffAttachment(cfbWithStream('Workbook'))).type).toBe('XLS');
    await expect(sniffAttachment(cfbWithStream('PowerPoint Document'))).rejects.toMatchObject({ status: 422 });
  });

  it('recognises DOCX and XLSX inside their ZIP, and a plain ZIP', async () => {
    const types = (part: string, type: string) =>
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}+xml"/></Types>`;
    const docx = zipOf({
      '[Content_Types].xml': types('/word/document.xml', 'wordprocessingml.document.main'),
      'word/document.xml': '<w:document/>',
    });
    const xlsx = zipOf({
      '[Content_Types].xml': types('/xl/workbook.xml', 'spreadsheetml.sheet.main'),
      'xl/workbook.xml': '<workbook/>',
    });
    expect((await sniffAttachment(docx)).type).toBe('DOCX');
    expect((await sniffAttachment(xlsx)).type).toBe('XLSX');
    expect((await sniffAttachment(zipOf({ 'photos/readme.txt': 'hello' }))).type).toBe('ZIP');
  });

  it('recognises PDF and refuses empty files and other content', async () => {
    expect((await sniffAttachment(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'))).type).toBe('PDF');
    await expect(sniffAttachment(Buffer.alloc(0))).rejects.toMatchObject({ status: 422 });
    await expect(sniffAttachment(Buffer.from('just some text, not a document'))).rejects.toMatchObject({ status: 422 });
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    await expect(sniffAttachment(gif)).rejects.toMatchObject({ status: 422 });
  });
});
