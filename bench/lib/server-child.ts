/**
 * The server as the HTTP benches run it (bench/lib/http-load.ts starts this file in a child process,
 * so the load generator does not share its event loop): the real server over a fresh SQLite database
 * in the directory given as the first argument, seeded with the demo data `npm start` makes on a
 * first start, every demo account with the password in the second argument. Request logs at the
 * production level, written nowhere (stdout is the parent's pipe). Prints `{"url": …}` when ready;
 * closes on SIGTERM.
 */
import { join } from 'node:path';
import { startServer } from '../../src/server/start.js';

const [dir, password] = process.argv.slice(2);
if (dir === undefined || password === undefined) throw new Error('usage: server-child.ts DIR PASSWORD');
const server = await startServer({
  port: 0,
  store: { dbPath: join(dir, 'imr.sqlite'), documentsDir: join(dir, 'documents') },
  demoPassword: () => password,
  logStream: { write: () => undefined },
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
