/** Where a writer puts its bytes; awaiting it is the back-pressure. */
export type Sink = (chunk: Buffer) => Promise<void>;

/** Gathers small writes into chunks of about `size` bytes before passing them on. */
export class BufferedSink {
  private parts: Buffer[] = [];
  private length = 0;
  written = 0;

  constructor(
    private readonly target: Sink,
    private readonly size = 1 << 20,
  ) {}

  readonly write: Sink = async (chunk) => {
    this.parts.push(chunk);
    this.length += chunk.length;
    this.written += chunk.length;
    if (this.length >= this.size) await this.flush();
  };

  async flush(): Promise<void> {
    if (this.length === 0) return;
    const chunk = Buffer.concat(this.parts, this.length);
    this.parts = [];
    this.length = 0;
    await this.target(chunk);
  }
}
