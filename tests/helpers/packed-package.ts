import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../ingest/project-paths.ts';

const run = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export async function sh(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<{ stdout: string; stderr: string }> {
  return run(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    timeout: options.timeoutMs ?? 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Packs the project as a clone would be packed (`npm pack`, whose prepack builds dist/ and web/dist/), from a copy of
 * the working tree's files in `workDir`, so that the working tree's own dist/ is left alone. Returns the tarball.
 */
export async function packProject(workDir: string): Promise<string> {
  const stage = path.join(workDir, 'clone');
  const { stdout } = await sh(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: PROJECT_ROOT },
  );
  for (const file of stdout.split('\0').filter(Boolean)) {
    const from = path.join(PROJECT_ROOT, file);
    if (!existsSync(from)) continue; // deleted in the working tree, not yet committed
    await mkdir(path.dirname(path.join(stage, file)), { recursive: true });
    await copyFile(from, path.join(stage, file));
  }
  // The build tools (tsc, tsx, esbuild) are the project's own.
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  await sh(NPM, ['pack', '--pack-destination', workDir], { cwd: stage });
  const tarball = (await readdir(workDir)).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  return path.join(workDir, tarball);
}

interface LockEntry {
  version?: string;
  resolved?: string;
  dev?: boolean;
  name?: string;
  [key: string]: unknown;
}

/**
 * Installs the tarball by its name into a new directory, as a user would: `npm ci` over a lock made from the project's
 * own (the runtime packages, at the versions the project is tested with, each with its registry URL), so the npm
 * cache serves it without the network when it holds them. Install scripts are skipped and the native addons the
 * project already compiled (same versions, same Node) are copied in: compiling them again takes minutes and tests
 * nothing of ours.
 */
export async function installTarball(workDir: string, tarball: string): Promise<string> {
  const consumer = path.join(workDir, 'consumer');
  await mkdir(consumer, { recursive: true });
  const lock = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const own = lock.packages['']!;
  const spec = `file:${path.relative(consumer, tarball)}`;
  const packages: Record<string, LockEntry> = {
    '': { name: 'consumer', dependencies: { 'guihua-wenda': spec } },
    'node_modules/guihua-wenda': {
      version: String(own.version ?? '0.0.0'),
      resolved: spec,
      dependencies: own.dependencies,
    },
  };
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (location === '' || entry.dev) continue;
    const name = entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 13);
    const resolved =
      entry.resolved ??
      `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${entry.version}.tgz`;
    packages[location] = { ...entry, resolved };
  }
  await writeFile(
    path.join(consumer, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: { 'guihua-wenda': spec },
    }),
  );
  await writeFile(
    path.join(consumer, 'package-lock.json'),
    JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
  await sh(NPM, ['ci', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: consumer,
  });
  await copyNativeAddons(consumer);
  return consumer;
}

async function copyNativeAddons(consumer: string): Promise<void> {
  for (const addon of ['nodejieba', 'hnswlib-node', 'better-sqlite3']) {
    const from = path.join(PROJECT_ROOT, 'node_modules', addon);
    const to = path.join(consumer, 'node_modules', addon);
    if (!existsSync(to) || !existsSync(path.join(from, 'build', 'Release'))) continue;
    const version = async (dir: string) =>
      (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string })
        .version;
    if ((await version(from)) !== (await version(to)))
      throw new Error(`${addon}: the project has another version than the package installs`);
    await mkdir(path.join(to, 'build', 'Release'), { recursive: true });
    for (const file of await readdir(path.join(from, 'build', 'Release')))
      if (file.endsWith('.node'))
        await copyFile(
          path.join(from, 'build', 'Release', file),
          path.join(to, 'build', 'Release', file),
        );
  }
}
