/** What a command reads and writes besides files: given, so that tests and workers can pass their own. */

export interface Output {
  write(text: string): unknown;
}

export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The CLI's bundle, which serves scans in worker threads; absent, every scan runs on the calling thread. */
  readonly workerScript?: string;
}
