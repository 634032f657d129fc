/**
 * `--adaptation PROFILE.json`: label with a clinician's adaptation, as the extension would. The
 * file holds the profile the extension keeps in storage.local under `adaptation`
 * (src/core/questions/adaptation-profile.ts); an unreadable one is an error, not a silent default.
 */
import { readFile } from 'node:fs/promises';
import type { AdaptationLayer } from '../core/questions/adaptation';
import { readAdaptationProfile } from '../core/questions/adaptation-profile';
import { CliError } from './cli-error';

export async function readAdaptationFile(path: string): Promise<AdaptationLayer> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`${path}: cannot read the adaptation profile (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new CliError(`${path}: the adaptation profile is not JSON (${(error as Error).message})`);
  }
  const read = readAdaptationProfile(json);
  if (read.problem) throw new CliError(`${path}: ${read.problem}`);
  return read.profile.layer;
}
