import type { FastifyInstance } from 'fastify';
import { type ImrError, ImrFailure } from '../domain/errors.js';
import { openStore, type Store, type StoreConfig } from '../store/index.js';
import { buildApp } from './app.js';
import { type AppConfig, testAppConfig } from './config.js';
import { type DemoCredential, isFirstStart, seedDemoData } from './demo.js';

/**
 * Starts the whole server: opens (and migrates) the store, seeds demo data into an empty one, builds
 * the app and listens. `npm start` runs it through main.ts; end-to-end tests call it directly with a
 * throw-away database and port 0.
 */

export interface StartOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** The store, or a SQLite file and documents directory. */
  readonly store: StoreConfig | { readonly dbPath: string; readonly documentsDir: string };
  /** Seed demo data when the store has no accounts (default true). */
  readonly demo?: boolean;
  /** The built web app (`web/dist`); the API only when absent or not built. */
  readonly webRoot?: string;
  readonly config?: Partial<AppConfig>;
  readonly now?: () => string;
  /** Demo passwords (tests); random when absent. */
  readonly demoPassword?: (username: string) => string;
  readonly logStream?: { write(line: string): void };
}

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly store: Store;
  /** The demo accounts made on this start (none when the store already had accounts). */
  readonly accounts: readonly DemoCredential[];
  close(): Promise<void>;
}

function storeConfigOf(s: StartOptions['store']): StoreConfig {
  return 'kind' in s ? s : { kind: 'sqlite', path: s.dbPath, documentsDir: s.documentsDir };
}

function failed(error: ImrError): never {
  throw new ImrFailure(error);
}

/** Throws an `ImrFailure` when the store cannot be opened or seeded. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const opened = await openStore(storeConfigOf(options.store));
  if (!opened.ok) return failed(opened.error);
  const store = opened.value;
  try {
    const now = options.now ?? (() => new Date().toISOString());
    let accounts: readonly DemoCredential[] = [];
    if ((options.demo ?? true) && (await isFirstStart(store))) {
      const seeded = await seedDemoData(store, {
        now: now(),
        ...(options.demoPassword === undefined ? {} : { password: options.demoPassword }),
      });
      if (!seeded.ok) return failed(seeded.error);
      accounts = seeded.value.accounts;
    }
    const config = testAppConfig({ logLevel: 'info', checkResponses: false, ...options.config });
    const app = await buildApp({
      store,
      config,
      now,
      ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }),
      ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
    });
    const address = await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
    return {
      url: address,
      app,
      store,
      accounts,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (thrown) {
    await store.close();
    throw thrown;
  }
}
