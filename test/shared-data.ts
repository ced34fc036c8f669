import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real letters live in ../shared beside the project and are never committed. In CI their absence
 * fails the run; on a developer machine without them the tests that need them skip.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function locate(sub: string): string | undefined {
  const dir = join(projectRoot, '..', 'shared', sub);
  if (existsSync(dir)) return dir;
  if (process.env.CI) throw new Error(`shared corpus missing: ${dir} (required in CI)`);
  return undefined;
}

export function sharedDir(): string | undefined {
  return locate('.');
}

export function corpusDir(): string | undefined {
  return locate(join('corpus', 'dev'));
}

export function seedsDir(): string | undefined {
  return locate('seeds');
}

export { projectRoot };
