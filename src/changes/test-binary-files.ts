/**
 * Test helper: small but well-formed files of common binary formats, to hold the parser to git
 * on them. Git calls a file binary when a NUL byte is among its first 8,000 bytes; these have
 * them where real ones do (chunk lengths, header fields, pixel data). `seed` varies the content,
 * so that files of the same format are not copies of one another.
 */
import { crc32, deflateSync } from 'node:zlib';

const u32 = (value: number): Buffer => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
};
const u16le = (value: number): Buffer => {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16LE(value);
  return bytes;
};
const u32le = (value: number): Buffer => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
};

/** Bytes that change with the seed, with runs of zeros as images and fonts have. */
const pixels = (length: number, seed: number): Buffer =>
  Buffer.from(Array.from({ length }, (_, i) => (i % 7 === 0 ? 0 : (i * 31 + seed * 17) % 256)));

/** A PNG of `size` x `size` RGB pixels: signature, IHDR, IDAT, IEND, with their CRCs. */
export const pngFile = (seed: number, size = 16): Buffer => {
  const chunk = (type: string, data: Buffer) =>
    Buffer.concat([
      u32(data.length),
      Buffer.from(type, 'latin1'),
      data,
      u32(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data]))),
    ]);
  const header = Buffer.concat([u32(size), u32(size), Buffer.from([8, 2, 0, 0, 0])]);
  const rows = Buffer.concat(
    Array.from({ length: size }, (_, row) =>
      Buffer.concat([Buffer.from([0]), pixels(size * 3, seed + row)]),
    ),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** A JPEG's start: SOI, the JFIF APP0 segment, some scan bytes, EOI. */
export const jpegFile = (seed: number): Buffer =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0]),
    pixels(256, seed),
    Buffer.from([0xff, 0xd9]),
  ]);

/** A one-page PDF whose page holds an uncompressed grey image stream. */
export const pdfFile = (seed: number): Buffer => {
  const image = pixels(64, seed);
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    Buffer.from(
      '1 0 obj\n<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray ' +
        `/BitsPerComponent 8 /Length ${image.length} >>\nstream\n`,
      'latin1',
    ),
    image,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
};

/** A zip archive holding one stored (uncompressed) file. */
export const zipFile = (seed: number, name = 'data.txt'): Buffer => {
  const content = Buffer.from(`entry ${seed}\n`, 'latin1');
  const fileName = Buffer.from(name, 'latin1');
  const common = Buffer.concat([
    u16le(20), // version needed
    u16le(0), // flags
    u16le(0), // stored
    u16le(0), // time
    u16le(0x21), // date
    u32le(crc32(content)),
    u32le(content.length),
    u32le(content.length),
    u16le(fileName.length),
    u16le(0), // extra length
  ]);
  const local = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), common, fileName, content]);
  const central = Buffer.concat([
    Buffer.from('PK\x01\x02', 'latin1'),
    u16le(20), // version made by
    common,
    u16le(0), // comment length
    u16le(0), // disk
    u16le(0), // internal attributes
    u32le(0), // external attributes
    u32le(0), // offset of the local header
    fileName,
  ]);
  const end = Buffer.concat([
    Buffer.from('PK\x05\x06', 'latin1'),
    u16le(0),
    u16le(0),
    u16le(1),
    u16le(1),
    u32le(central.length),
    u32le(local.length),
    u16le(0),
  ]);
  return Buffer.concat([local, central, end]);
};

/** A WOFF2 font's 48-byte header and some table bytes. */
export const woff2File = (seed: number): Buffer => {
  const tables = pixels(128, seed);
  return Buffer.concat([
    Buffer.from('wOF2', 'latin1'),
    u32(0x00010000), // TrueType flavour
    u32(48 + tables.length),
    Buffer.from([0, 1, 0, 0]), // one table, reserved
    u32(1024), // total sfnt size
    u32(tables.length), // compressed size
    Buffer.from([0, 1, 0, 0]), // font version
    u32(0), // metadata offset, length, original length
    u32(0),
    u32(0),
    u32(0), // private data offset, length
    u32(0),
    tables,
  ]);
};
