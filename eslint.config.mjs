// Lint that guards the design (ARCHITECTURE.md, "Layers"): the rules below are the architecture's, written where a
// machine checks them on every `npm test`.
import js from '@eslint/js';
import nextVitals from 'eslint-config-next/core-web-vitals';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const typedFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** The layers, by path. A file belongs to the first element whose pattern matches it. */
const elements = [
  { type: 'policy', pattern: 'lib/policy' },
  { type: 'generated', pattern: 'lib/generated' },
  { type: 'db', pattern: 'lib/db' },
  { type: 'session', pattern: 'lib/session' },
  { type: 'domain', pattern: 'lib' },
  { type: 'app', pattern: 'app' },
  { type: 'ui', pattern: 'components' },
  { type: 'scripts', pattern: 'scripts' },
  { type: 'e2e', pattern: 'e2e' },
  { type: 'sdk', pattern: 'sdk' },
];

const nextModules = ['next', 'next/**', 'next-auth', 'next-auth/**'];

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'lib/generated/**',
      'prisma/postgresql/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/.artifacts/**',
      'next-env.d.ts',
      'sdk/dist/**',
    ],
  },
  js.configs.recommended,
  ...nextVitals,
  ...tseslint.configs.recommended,
  {
    files: typedFiles,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'import/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // eslint-disable comments must say why, on the same line (`-- reason`).
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.{ts,tsx,mjs,cjs,js}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'import/resolver': { typescript: { alwaysTryTypes: true } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          checkAllOrigins: true,
          policies: [
            {
              from: { element: { type: 'policy' } },
              disallow: { to: { element: { type: '!policy' }, module: { origin: 'local' } } },
              message: 'lib/policy is pure: it imports nothing but lib/policy.',
            },
            {
              from: { element: { type: 'policy' } },
              disallow: { to: { module: { origin: 'external', source: '!{re2js,vitest,fast-check}' } } },
              message: 'lib/policy is pure: no database, no framework, no I/O.',
            },
            {
              from: { element: { types: { anyOf: ['domain', 'db', 'policy'] } } },
              disallow: { to: { element: { types: { anyOf: ['app', 'ui', 'session'] } } } },
              message: 'The domain never imports app/, components/ or the Next session edge (lib/session).',
            },
            {
              from: { element: { types: { anyOf: ['domain', 'db', 'policy'] } } },
              disallow: { to: { module: { origin: 'external', source: nextModules } } },
              message: 'The domain never imports Next: only app/ and lib/session do.',
            },
            {
              from: { element: { types: { anyOf: ['app', 'ui'] } } },
              disallow: { to: { element: { types: { anyOf: ['db', 'generated'] } } } },
              message: 'app/ and components/ reach the database only through a lib/<domain> function.',
            },
            {
              from: { element: { type: 'ui' } },
              disallow: { to: { element: { types: { anyOf: ['app', 'session'] } } } },
              message: 'components/ is shared UI: it never imports pages, mutations or the session edge.',
            },
          ],
        },
      ],
    },
  },
  {
    // Warden does not run the React Compiler (next.config.js), so a component it would skip costs nothing.
    rules: { 'react-hooks/incompatible-library': 'off' },
  },
  {
    // No React outside app/ and components/: a `use…` name there is not a hook (e.g. useTestDatabase).
    files: ['lib/**', 'e2e/**', 'scripts/**', 'sdk/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Pages and layouts are server components, rendered once per request: reading the clock there is the point.
    files: ['app/**/page.tsx', 'app/**/layout.tsx', 'app/**/*-section.tsx'],
    rules: { 'react-hooks/purity': 'off' },
  },
  {
    // CommonJS files (worker threads, the Playwright config's helpers) load their modules with require.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Node scripts and CommonJS worker files.
    files: ['**/*.cjs', 'scripts/**/*.mjs', 'e2e/**/*.mjs', '*.mjs', '*.js'],
    languageOptions: { globals: globals.node },
  },
);
