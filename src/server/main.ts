import { toImrError } from '../domain/errors.js';
import {
  closeSharedPdfPool,
  configureOcr,
  configurePdfPool,
  ocrOptionsFromEnv,
  pdfPoolOptionsFromEnv,
} from '../letter/index.js';
import { loadServerConfig } from './config.js';
import { installSafetyNet } from './safety-net.js';
import { startServer } from './start.js';

/**
 * `npm start`: the server on PORT (default 3000) over ./data/imr.sqlite (IMR_DB_PATH) or DATABASE_URL,
 * with demo data and accounts on a first start. The demo passwords are printed here, once; logs never
 * carry them.
 */
async function main(): Promise<number> {
  installSafetyNet();
  const config = loadServerConfig(process.env);
  if (!config.ok) {
    process.stderr.write(`imr-desk: ${config.error.message} (${config.error.code})\n`);
    return 1;
  }
  // PDF text is read in a pool of worker threads with limits (IMR_PDF_*; see src/letter/pdf-pool.ts).
  const pdf = pdfPoolOptionsFromEnv(process.env);
  if (!pdf.ok) {
    process.stderr.write(`imr-desk: ${pdf.error.message} (${pdf.error.code})\n`);
    return 1;
  }
  configurePdfPool(pdf.value);
  // Scanned pages are read by tesseract in child processes with limits (IMR_OCR_*; src/letter/ocr.ts).
  const ocr = ocrOptionsFromEnv(process.env);
  if (!ocr.ok) {
    process.stderr.write(`imr-desk: ${ocr.error.message} (${ocr.error.code})\n`);
    return 1;
  }
  configureOcr(ocr.value);
  const c = config.value;
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    if (c.demo)
      process.stdout.write('Preparing the database (a first start seeds demo data; this takes a little while)…\n');
    server = await startServer({
      port: c.port,
      host: c.host,
      store: c.store,
      demo: c.demo,
      webRoot: c.webRoot,
      config: c.app,
    });
  } catch (thrown) {
    const e = toImrError(thrown);
    process.stderr.write(`imr-desk: could not start: ${e.message} (${e.code})\n`);
    return 1;
  }
  const url = server.url.replace('127.0.0.1', 'localhost');
  process.stdout.write(`\nIMR Desk is running at ${url}  (API docs: ${url}/api/docs)\n`);
  if (server.accounts.length > 0) {
    process.stdout.write('\nDemo accounts (shown once — note them now; all data is invented):\n');
    for (const a of server.accounts)
      process.stdout.write(`  ${a.role.padEnd(12)} ${a.username.padEnd(12)} ${a.password}\n`);
    process.stdout.write('\n');
  }
  const stop = async () => {
    await server.close();
    await closeSharedPdfPool();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return 0;
}

const code = await main();
if (code !== 0) process.exit(code);
