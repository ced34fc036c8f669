import { closeSharedPdfPool, configurePdfPool, pdfPoolOptionsFromEnv } from '../letter/pdf-pool.js';
import { installSafetyNet } from '../server/safety-net.js';
import { main } from './main.js';

installSafetyNet();
const pdf = pdfPoolOptionsFromEnv(process.env);
if (pdf.ok) {
  configurePdfPool(pdf.value);
  process.exitCode = await main(process.argv.slice(2));
} else {
  process.stderr.write(`${JSON.stringify({ error: pdf.error })}\n`);
  process.exitCode = 1;
}
await closeSharedPdfPool();
