import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Version from package.json, found by walking up from this file (works from src/ and dist/src/). */
export function readPackageVersion(): string {
  for (const up of ['../..', '../../..']) {
    try {
      return (
        JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8')) as { version: string }
      ).version;
    } catch {
      // try the next level
    }
  }
  return '0.0.0';
}
