// The part of yauzl 3 (which ships no types) that src/cli/zip.ts uses, as its README documents it.
declare module 'yauzl' {
  export interface Entry {
    readonly fileName: string;
    readonly compressionMethod: number;
    readonly compressedSize: number;
    readonly uncompressedSize: number;
    isEncrypted(): boolean;
  }
  export interface ZipFile {
    readonly entryCount: number;
    eachEntry(): AsyncIterableIterator<Entry>;
    readLocalFileHeaderPromise(entry: Entry, options: { minimal: true }): Promise<{ fileDataStart: number }>;
    close(): void;
  }
  export interface Options {
    lazyEntries?: boolean;
    decodeStrings?: boolean;
    validateEntrySizes?: boolean;
    strictFileNames?: boolean;
  }
  export function fromBufferPromise(buffer: Buffer, options?: Options): Promise<ZipFile>;
  const yauzl: { fromBufferPromise: typeof fromBufferPromise };
  export default yauzl;
}
