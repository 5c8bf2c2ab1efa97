// ESLint with typescript-eslint. The layers import one way, and these rules fail the build when they do not:
// - server: http -> services -> db. A route never imports the db; the db imports no service, route or CLI; a
//   service imports no route or CLI, and the API contract with `import type` only.
// - questionnaire/ imports nothing of ours.
// - client: only `import type` from server/api (the endpoint table, plain constants, also as values); the
//   student entry never imports staff code and the other way round.
// test/unit/layers.test.ts runs these rules on deliberately wrong imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** One restricted-imports rule from a list of [patterns, message, allowTypeImports?]. */
const restrict = (...groups) => [
  'error',
  { patterns: groups.map(([group, message, allowTypeImports = false]) => ({ group, message, allowTypeImports })) },
];

/** Everything of the server but its API contract. */
const SERVER_CODE = ['**/server/db/**', '**/server/services/**', '**/server/http/**', '**/server/cli/**', '**/server/demo/**', '**/server/*.ts'];
const CLIENT_CONTRACT = [
  [SERVER_CODE, 'The client may only import the API contract from server/.'],
  [['**/server/api/*', '!**/server/api/endpoints.ts'], 'Import the API contract with `import type`.', true],
];

const LAYER = {
  noHttp: [['**/http/**', '**/app.ts'], 'Layers run http -> services -> db: this layer may not import the http layer or the app.'],
  noCli: [['**/cli/**', '**/demo/**'], 'Layers run cli -> services -> db: nothing below the CLI imports it.'],
  noServices: [['**/services/**'], 'The db layer holds SQL only and never calls up into services.'],
  noDb: [['**/db/**'], 'A route never touches the database: call a service.'],
  apiTypesOnly: [['**/api/*', '!**/api/endpoints.ts'], 'Services use the API contract with `import type` only.', true],
  dbNoApi: [['**/api/**'], 'The db layer does not know the API contract.'],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' }],
    },
  },
  {
    files: ['server/http/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(LAYER.noDb, LAYER.noCli) },
  },
  {
    files: ['server/services/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(LAYER.noHttp, LAYER.noCli, LAYER.apiTypesOnly) },
  },
  {
    files: ['server/db/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(LAYER.noServices, LAYER.noHttp, LAYER.noCli, LAYER.dbNoApi) },
  },
  {
    files: ['server/api/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [['**/services/**', '**/db/**', '**/http/**', '**/cli/**', '**/client/**'], 'The API contract is a leaf: it imports only the questionnaire.'],
      ),
    },
  },
  {
    files: ['server/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [['**/http/**'], 'Commands call services, not routes.'],
        [['**/db/**', '!**/db/index.ts', '!**/db/checkpoints.ts'], 'Commands open the database (db/index.ts) and call services; they run no SQL.'],
      ),
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': restrict(...CLIENT_CONTRACT),
    },
  },
  {
    // The student entry (its app shell and features) never imports the staff app.
    files: ['client/student/**/*.{ts,tsx}', 'client/app/**/*.{ts,tsx}', 'client/features/**/*.{ts,tsx}', 'client/main.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        ...CLIENT_CONTRACT,
        [['**/staff/**'], 'The student app never imports staff code: share through client/ui, client/lib or client/locales.'],
      ),
    },
  },
  {
    files: ['client/staff/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        ...CLIENT_CONTRACT,
        [['**/student/**', '**/features/**', '**/app/**'], 'The staff app never imports student code: share through client/ui, client/lib or client/locales.'],
      ),
    },
  },
  {
    files: ['questionnaire/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/client/**', '**/test/**', '**/bench/**'], message: 'questionnaire/ is a leaf: it imports nothing of ours.' }] }],
    },
  },
  {
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' }, // Playwright fixtures take an empty destructuring by design
  },
);
