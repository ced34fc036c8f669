/**
 * Module direction from DESIGN.md ("Architecture"): folders under src are modules and dependencies
 * point one way. `npm run lint` fails on any `error` below.
 * @type {import('dependency-cruiser').IConfiguration}
 */

/** Which src modules each module may import (besides itself). src/cli may import anything. */
const ALLOWED = {
  domain: [],
  letter: ['domain'],
  terminology: ['domain'],
  clinical: ['domain', 'terminology'],
  guidelines: ['domain', 'terminology'],
  engine: ['domain', 'terminology', 'clinical', 'guidelines'],
  reviewers: ['domain'],
  store: ['domain'],
  workflow: ['domain', 'letter', 'terminology', 'clinical', 'guidelines', 'engine', 'reviewers', 'store'],
  // Invented data (letters, the simulated world, the demo) built through the workflow like real cases.
  synthetic: ['domain', 'letter', 'terminology', 'clinical', 'guidelines', 'engine', 'reviewers', 'store', 'workflow'],
  server: ['domain', 'letter', 'terminology', 'engine', 'store', 'workflow', 'synthetic'],
};
/** Test files of any module may use src/synthetic for fixtures (it sits above them for product code). */
const TEST_ONLY_IMPORTS = ['synthetic'];
const MODULES = [...Object.keys(ALLOWED), 'cli'];

/** Test files may reach tooling (scripts/, test/) and devDependencies; product code may not. */
const TEST_FILE = '\\.test\\.ts$';

/** Node built-ins that do I/O (with or without the `node:` prefix). */
const IO_BUILTINS = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'cluster',
  'dgram',
  'dns',
  'dns/promises',
  'tls',
  'readline',
  'readline/promises',
  'repl',
  'tty',
  'worker_threads',
  'inspector',
  'os',
  'sqlite',
];

const moduleDirectionRules = Object.entries(ALLOWED).map(([name, allowed]) => ({
  name: `${name}-may-use-only-${allowed.length > 0 ? allowed.join('-') : 'itself'}`,
  comment: `src/${name} may import ${allowed.length > 0 ? `only src/{${allowed.join(',')}}` : 'nothing else in src'} (DESIGN.md module table).`,
  severity: 'error',
  from: { path: `^src/${name}/`, pathNot: TEST_FILE },
  to: { path: '^src/', pathNot: `^src/(${[name, ...allowed].join('|')})/` },
}));
const testDirectionRules = Object.entries(ALLOWED).map(([name, allowed]) => ({
  name: `${name}-tests-may-use-only-${[...allowed, ...TEST_ONLY_IMPORTS].join('-')}`,
  comment: `Tests in src/${name} may also import src/{${TEST_ONLY_IMPORTS.join(',')}} (synthetic fixtures).`,
  severity: 'error',
  from: { path: `^src/${name}/.*${TEST_FILE}` },
  to: { path: '^src/', pathNot: `^src/(${[name, ...allowed, ...TEST_ONLY_IMPORTS].join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...moduleDirectionRules,
    ...testDirectionRules,
    {
      name: 'transports-are-on-top',
      comment: 'Nothing in src outside the known modules may import src/cli or src/server.',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/(${MODULES.join('|')})/` },
      to: { path: '^src/(cli|server)/' },
    },
    {
      name: 'domain-has-no-io',
      comment: 'src/domain holds types and pure rules: no Node I/O modules (tests may read fixtures).',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'], path: `^(node:)?(${IO_BUILTINS.join('|')})$` },
    },
    {
      name: 'src-not-to-tooling',
      comment: 'Product code must not import from scripts/, test/ or bench/ (test files may).',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST_FILE },
      to: { path: '^(scripts|test|bench)/' },
    },
    {
      name: 'not-to-dev-dep',
      comment: 'Product code must not import devDependencies: they are absent in a production install.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST_FILE },
      to: {
        dependencyTypes: ['npm-dev'],
        dependencyTypesNot: ['type-only'],
        pathNot: ['node_modules/@types/'],
      },
    },
    {
      name: 'web-talks-http-only',
      comment:
        'The browser app (web/) talks to the server over HTTP: from src/ it may import only src/server/contract.ts (DESIGN.md).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '^src/server/contract\\.ts$' },
    },
    {
      name: 'web-contract-types-only',
      comment:
        'web/ takes only types from src/server/contract.ts (`import type`); values would pull server code into the bundle.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/server/contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'Circular dependencies make load order fragile and modules impossible to test alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'The import does not resolve to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      comment: 'The package is used but not declared in package.json (it works only by accident of hoisting).',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|scratch|coverage|bench/out)/' },
    // Type-only imports are dependencies too: a type from src/server in src/domain is still an upward edge.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'node', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
