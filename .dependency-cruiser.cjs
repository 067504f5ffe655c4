// dependency-cruiser: the layering of the source folders. Run with `npm run deps:check`.
//
//   core/     shared pure code (document model, text utilities, wire types): imports nothing of ours, no file system
//   ingest/   builds the index: core/ and itself
//   server/   HTTP service and CLIs: core/, ingest/ and itself (prompts/ are .md files read at run time, not imports),
//             plus web/build.ts, which server/main.ts runs to bundle the page
//   web/src/  the page (bundled by esbuild): core/ and itself, type-only imports included
//   evals/    imported only by evals/ and tests/
//   tests/    imported only by tests/
//
// Paths are relative to the repository root (run depcruise from there).

/** Dependencies that are not our own source files: npm packages and Node built-ins. */
const NOT_OURS = [
  'npm',
  'npm-dev',
  'npm-optional',
  'npm-peer',
  'npm-bundled',
  'npm-no-pkg',
  'npm-unknown',
  'core',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-nothing-of-ours',
      comment:
        'core/ is the bottom layer: it may import other core/ files and packages, nothing else of this repository.',
      severity: 'error',
      from: { path: '^core/' },
      to: { pathNot: '^core/', dependencyTypesNot: NOT_OURS, couldNotResolve: false },
    },
    {
      name: 'core-no-file-system',
      comment: 'core/ runs in the browser bundle too: no file system (fs, path) imports.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(node:)?(fs|fs/promises|path|path/posix|path/win32)$' },
    },
    {
      name: 'ingest-only-core',
      comment: 'ingest/ may import core/ and itself only (not server/, web/, evals/, tests/).',
      severity: 'error',
      from: { path: '^ingest/' },
      to: { pathNot: '^(ingest|core)/', dependencyTypesNot: NOT_OURS, couldNotResolve: false },
    },
    {
      name: 'server-only-core-and-ingest',
      comment:
        'server/ may import core/, ingest/ and itself only (not web/src/, evals/, tests/); ' +
        'web/build.ts (the esbuild step that server/main.ts runs at start) is the one exception.',
      severity: 'error',
      from: { path: '^server/' },
      to: {
        pathNot: ['^(server|ingest|core)/', '^web/build\\.ts$'],
        dependencyTypesNot: NOT_OURS,
        couldNotResolve: false,
      },
    },
    {
      name: 'web-only-core',
      comment:
        'web/src/ may import core/ and itself only; type-only imports count too (tsPreCompilationDeps), ' +
        'so a type from server/ has to move to core/wire/ first.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { pathNot: '^(web/src|core)/', dependencyTypesNot: NOT_OURS, couldNotResolve: false },
    },
    {
      name: 'not-to-tests',
      comment: 'Nothing outside tests/ imports tests/.',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'not-to-evals',
      comment: 'Only evals/ and tests/ import evals/.',
      severity: 'error',
      from: { pathNot: '^(evals|tests)/' },
      to: { path: '^evals/' },
    },
    {
      name: 'not-to-dev-dep',
      comment:
        'Shipped code (core, ingest, server, web/src) must not import a devDependency at run time: ' +
        'npm ci --omit=dev would break it. Type-only imports are fine.',
      severity: 'error',
      from: { path: '^(core|ingest|server|web/src)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve: a typo, a moved file or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment: 'Circular imports: not forbidden, but worth untangling.',
      severity: 'warn',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|web/dist|\\.index|evals/reports|coverage)/' },
    moduleSystems: ['es6', 'cjs'],
    // Count `import type` and type-only uses too (they vanish when compiled, but they still couple the layers).
    tsPreCompilationDeps: true,
    // The root tsconfig (NodeNext, allowImportingTsExtensions: `import x from './a.ts'`). web/src's extensionless
    // imports (`./strings`) resolve through the extension list below.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
