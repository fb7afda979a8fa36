// A throwaway copy of the sample workspace, so that tests may edit and save files freely.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './paths';

export function copyWorkspace(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-workspace-'));
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
  return folder;
}
