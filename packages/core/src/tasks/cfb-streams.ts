/**
 * Names of the streams in a Compound File Binary container (MS-CFB): the format of legacy Office
 * files, where a Word document has a `WordDocument` stream and an Excel workbook a `Workbook` (or,
 * before Excel 97, `Book`) stream. Directory entries are 128 bytes, sector-aligned after the header
 * sector, with a UTF-16 name (length at 0x40) and an object type (0x42: 1 storage, 2 stream, 5 root);
 * scanning every aligned slot finds them without walking the FAT chains.
 */
export function cfbStreamNames(bytes: Buffer): Set<string> {
  const names = new Set<string>();
  if (bytes.length < 512 || bytes.readUInt32LE(0) !== 0xe011cfd0 || bytes.readUInt32LE(4) !== 0xe11ab1a1) return names;
  const sectorSize = 2 ** bytes.readUInt16LE(0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) return names;
  for (let offset = sectorSize; offset + 128 <= bytes.length; offset += 128) {
    const nameLength = bytes.readUInt16LE(offset + 0x40);
    const type = bytes[offset + 0x42];
    if (nameLength < 4 || nameLength > 64 || nameLength % 2 !== 0 || (type !== 1 && type !== 2)) continue;
    const name = bytes.toString('utf16le', offset, offset + nameLength - 2);
    if ([...name].every((char) => char.charCodeAt(0) < 0x7f)) names.add(name);
  }
  return names;
}
