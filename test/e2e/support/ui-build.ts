import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './browser.js';

/** The built UI the emulator serves; built here when a plain `vitest run` comes before any `npm run build`. */
export function builtUi(): string {
  const dir = join(repoRoot, 'ui', 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    execFileSync('npm', ['run', 'build', '-w', 'ui'], { cwd: repoRoot, stdio: 'inherit' });
  }
  return dir;
}
