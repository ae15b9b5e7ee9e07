import { ApiError } from "../http/errors";

// Where uploaded files live: R2 on the Worker, a folder on disk under `npm start`, memory in
// a test that wants one. Services see only this interface, never the backend.

export interface FileStorage {
  put(key: string, bytes: Uint8Array, meta: { contentType: string }): Promise<void>;
  /** The bytes stored under the key, or null when there are none. */
  get(key: string): Promise<Uint8Array<ArrayBuffer> | null>;
  delete(key: string): Promise<void>;
}

// Keys are made by the services (`invoices/<id>/<uuid>`); refusing anything else keeps a bug
// from ever writing outside the storage folder.
const KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9._-]+)*$/;

export function assertKey(key: string): string {
  if (!KEY.test(key) || key.split("/").some((part) => part === "." || part === "..")) {
    throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
  }
  return key;
}

/** An R2 bucket (the `FILES` binding of wrangler.toml). */
export function r2Storage(bucket: R2Bucket): FileStorage {
  return {
    async put(key, bytes, meta) {
      await bucket.put(assertKey(key), bytes, { httpMetadata: { contentType: meta.contentType } });
    },
    async get(key) {
      const object = await bucket.get(assertKey(key));
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
    async delete(key) {
      await bucket.delete(assertKey(key));
    },
  };
}

/**
 * A folder on disk: one file per key. `node:fs` is imported when first used, so the Worker,
 * which bundles this module for `r2Storage`, never loads it.
 */
export function diskStorage(root: string): FileStorage {
  const paths = async (key: string) => {
    const path = await import("node:path");
    const file = path.join(root, ...assertKey(key).split("/"));
    return { file, dir: path.dirname(file) };
  };
  return {
    async put(key, bytes) {
      const fs = await import("node:fs/promises");
      const { file, dir } = await paths(key);
      await fs.mkdir(dir, { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const partial = `${file}.${crypto.randomUUID()}.partial`;
      await fs.writeFile(partial, bytes);
      await fs.rename(partial, file);
    },
    async get(key) {
      const fs = await import("node:fs/promises");
      try {
        return new Uint8Array(await fs.readFile((await paths(key)).file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      const fs = await import("node:fs/promises");
      await fs.rm((await paths(key)).file, { force: true });
    },
  };
}

/** In memory: for tests, and for checking what was stored. */
export function memoryStorage(): FileStorage & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    async put(key, bytes) {
      files.set(assertKey(key), bytes.slice());
    },
    async get(key) {
      return files.get(assertKey(key))?.slice() ?? null;
    },
    async delete(key) {
      files.delete(assertKey(key));
    },
  };
}

/** The app's storage, or a 503 on the routes that need one when none is configured. */
export function storageOf(deps: { storage?: FileStorage }): FileStorage {
  if (!deps.storage)
    throw new ApiError(503, "no_storage", "This server has no file storage configured");
  return deps.storage;
}
