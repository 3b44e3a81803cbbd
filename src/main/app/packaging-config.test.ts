import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';

// The installers cannot be built here (Electron's binaries cannot be downloaded), so this checks
// everything `npm run dist` depends on that can be checked without them: the electron-builder
// configuration against electron-builder's own schema, what goes into the app, the afterPack hook
// that flips the fuses, the icons and that `npm install` never needs a download.
const root = join(import.meta.dirname, '..', '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const config = readJson('electron-builder.json') as Record<string, unknown>;
const files = config.files as string[];

/** electron-builder's `files` semantics: patterns apply in order, a `!` pattern excludes. */
function packed(path: string): boolean {
  let included = false;
  for (const pattern of files) {
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included;
}

const trackedFiles = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
// What `electron-vite build` writes, plus the files that must never ship even if they appear there.
const buildOutput = [
  'out/main/index.js',
  'out/main/chunks/engine-abc.js',
  'out/main/index.js.map',
  'out/preload/index.cjs',
  'out/preload/index.cjs.map',
  'out/renderer/index.html',
  'out/renderer/assets/index-abc.js',
  'out/renderer/assets/index-abc.js.map',
  'out/renderer/assets/index-abc.css',
];
const secrets = [
  '.env',
  '.env.local',
  'out/main/.env',
  'resources/.env.production',
  'out/main/fixtures/live-key.json',
  'resources/fixtures/keys.json',
];

function allowed(path: string): boolean {
  return (
    path === 'package.json' ||
    path.startsWith('out/main/') ||
    path === 'out/preload/index.cjs' ||
    path.startsWith('out/renderer/') ||
    (path.startsWith('resources/') && path !== 'resources/icon.svg')
  );
}

describe('electron-builder configuration', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    const schema = readJson('node_modules/app-builder-lib/scheme.json') as object;
    const ajv = new Ajv({ allErrors: true });
    // The schema marks hook options `typeof: function`; ajv-keywords is not installed, so the
    // keyword is defined here with its documented meaning.
    ajv.addKeyword('typeof', { validate: (type: string, data: unknown) => typeof data === type });
    const valid = ajv.validate(schema, config);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('builds AppImage and deb on Linux, dmg on macOS and NSIS on Windows, as Bulwark', () => {
    expect(config.appId).toBe('io.bulwark.terminal');
    expect(config.productName).toBe('Bulwark');
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
  });

  it('packs every file the app needs', () => {
    for (const needed of [...buildOutput.filter((p) => !p.endsWith('.map')), 'package.json']) {
      expect(packed(needed), needed).toBe(true);
    }
    const resources = trackedFiles.filter((p) => p.startsWith('resources/') && p !== 'resources/icon.svg');
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) expect(packed(resource), resource).toBe(true);
  });

  it('packs nothing else: no sources, tests, source maps, .env files or fixture secrets', () => {
    const everything = [...trackedFiles, ...buildOutput, ...secrets];
    const extra = everything.filter((p) => packed(p) && !allowed(p));
    expect(extra).toEqual([]);
    for (const path of everything.filter(packed)) {
      expect(path).not.toMatch(/\.map$|\.test\.|(^|\/)\.env|(^|\/)fixtures\//);
    }
    for (const secret of secrets) expect(packed(secret), secret).toBe(false);
  });

  it('needs no native rebuild: the only native dependency ships N-API prebuilds', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });
});

describe('npm install', () => {
  it('never runs a step that downloads Electron or its headers', () => {
    const pkg = readJson('package.json') as { scripts: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(pkg.scripts[hook], hook).toBeUndefined();
    }
    // Electron 45 downloads its binary on first run (`install-electron`), not at install time.
    const electronPkg = readJson('node_modules/electron/package.json') as {
      scripts?: Record<string, string>;
    };
    expect(electronPkg.scripts?.postinstall).toBeUndefined();
    expect(pkg.scripts.dist).toMatch(/electron-builder --config electron-builder\.json/);
  });
});

interface AfterPackModule {
  default: (context: unknown) => Promise<void>;
  packagedBinaryPath: (context: unknown) => string;
}

describe('afterPack hook', () => {
  const context = (platform: string) => ({
    appOutDir: '/build/out',
    electronPlatformName: platform,
    packager: { appInfo: { productFilename: 'Bulwark' }, executableName: 'bulwark' },
  });

  it('finds the packaged executable on each platform, so the fuses are flipped in the real binary', async () => {
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    const hook = (await import(pathToFileURL(join(root, 'scripts/after-pack.mjs')).href)) as AfterPackModule;
    expect(typeof hook.default).toBe('function');
    expect(hook.packagedBinaryPath(context('linux'))).toBe(join('/build/out', 'bulwark'));
    expect(hook.packagedBinaryPath(context('win32'))).toBe(join('/build/out', 'Bulwark.exe'));
    expect(hook.packagedBinaryPath(context('darwin'))).toBe(
      join('/build/out', 'Bulwark.app', 'Contents', 'MacOS', 'Bulwark'),
    );
  });

  it('flips the fuses in the packaged binary: no run-as-node, no --inspect, asar only', async () => {
    const hook = (await import(pathToFileURL(join(root, 'scripts/after-pack.mjs')).href)) as AfterPackModule;
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-afterpack-'));
    try {
      // A stand-in executable carrying Electron's fuse wire (sentinel, version 1, 9 fuses, all '1'),
      // laid out as @electron/fuses reads it from a real Electron binary.
      const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
      const wire = Buffer.concat([sentinel, Buffer.from([1, 9]), Buffer.from('111111111', 'ascii')]);
      const binary = join(dir, 'bulwark');
      writeFileSync(binary, Buffer.concat([Buffer.alloc(4096, 0xcc), wire, Buffer.alloc(4096, 0xcc)]));
      await hook.default({ ...context('linux'), appOutDir: dir });
      const after = readFileSync(binary);
      const fuses = after.subarray(4096 + sentinel.length + 2, 4096 + sentinel.length + 11).toString('ascii');
      // Order of FuseV1Options: RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect, asar
      // integrity, only-asar, browser V8 snapshot, file:// privileges, wasm trap handlers.
      expect(fuses).toBe('010011001');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the build when the binary cannot be fused', async () => {
    const hook = (await import(pathToFileURL(join(root, 'scripts/after-pack.mjs')).href)) as AfterPackModule;
    const missing = { ...context('linux'), appOutDir: join(root, '.tmp-no-such-dir') };
    await expect(hook.default(missing)).rejects.toThrow();
  });
});

describe('icons in resources/', () => {
  const pngSize = (path: string): [number, number] => {
    const data = readFileSync(join(root, path));
    expect(data.subarray(1, 4).toString('ascii')).toBe('PNG');
    return [data.readUInt32BE(16), data.readUInt32BE(20)];
  };

  it('exist in every size Linux, the window and the tray use', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(`resources/icons/${size}x${size}.png`)).toEqual([size, size]);
    }
    expect(pngSize('resources/icon.png')).toEqual([512, 512]);
  });

  it('have a Windows .ico with up to 256 px and a macOS .icns', () => {
    const ico = readFileSync(join(root, 'resources/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(7);
    const icns = readFileSync(join(root, 'resources/icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('are what the one source renders (regenerate with `npm run icons`)', async () => {
    const render = (await import(pathToFileURL(join(root, 'scripts/icon/render.mjs')).href)) as {
      png: (size: number) => Buffer;
      svg: () => string;
    };
    expect(render.png(32).equals(readFileSync(join(root, 'resources/icons/32x32.png')))).toBe(true);
    expect(render.svg()).toBe(readFileSync(join(root, 'resources/icon.svg'), 'utf8'));
    expect(existsSync(join(root, 'resources/icon.svg'))).toBe(true);
  });
});
