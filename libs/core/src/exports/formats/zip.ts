import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';
import type { Sink } from './sink';

interface Entry {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

/** Flags: sizes follow the data (bit 3), names are UTF-8 (bit 11). */
const flags = 0x0808;
const deflated = 8;
const limit = 0xffff_ffff;

/**
 * A streaming zip writer: each entry is deflated as it arrives and its sizes follow it in a data
 * descriptor, so nothing is held in memory but the central directory (one small record per file).
 * Files and archives over 4 GiB would need Zip64, which exports never reach; they fail clearly.
 */
export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;

  constructor(
    private readonly sink: Sink,
    private readonly now = new Date(),
  ) {}

  async add(name: string, source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>) {
    const entry: Entry = {
      name: Buffer.from(name, 'utf8'),
      crc: 0,
      compressedSize: 0,
      size: 0,
      offset: this.offset,
      ...dosTime(this.now),
    };
    await this.emit(localHeader(entry));

    const measure = async function* (input: typeof source) {
      for await (const part of input) {
        const chunk = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
        entry.crc = crc32(chunk, entry.crc);
        entry.size += chunk.length;
        yield chunk;
      }
    };

    await pipeline(measure(source), createDeflateRaw({ level: 6 }), async (compressed) => {
      for await (const chunk of compressed as AsyncIterable<Buffer>) {
        entry.compressedSize += chunk.length;
        await this.emit(chunk);
      }
    });
    if (entry.size > limit || entry.compressedSize > limit) {
      throw new Error(`Zip entry ${name} is over 4 GiB`);
    }

    await this.emit(dataDescriptor(entry));
    this.entries.push(entry);
  }

  async finish(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) await this.emit(centralHeader(entry));
    const size = this.offset - start;
    if (this.offset > limit) throw new Error('Zip archive is over 4 GiB');

    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
  }

  private async emit(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    await this.sink(chunk);
  }
}

function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

function localHeader(entry: Entry): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(flags, 6);
  header.writeUInt16LE(deflated, 8);
  header.writeUInt16LE(entry.time, 10);
  header.writeUInt16LE(entry.date, 12);
  header.writeUInt16LE(entry.name.length, 26);

  return Buffer.concat([header, entry.name]);
}

function dataDescriptor(entry: Entry): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(entry.crc >>> 0, 4);
  descriptor.writeUInt32LE(entry.compressedSize, 8);
  descriptor.writeUInt32LE(entry.size, 12);

  return descriptor;
}

function centralHeader(entry: Entry): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(flags, 8);
  header.writeUInt16LE(deflated, 10);
  header.writeUInt16LE(entry.time, 12);
  header.writeUInt16LE(entry.date, 14);
  header.writeUInt32LE(entry.crc >>> 0, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt32LE(entry.offset, 42);

  return Buffer.concat([header, entry.name]);
}
