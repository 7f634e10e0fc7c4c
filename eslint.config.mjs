// Lint: TypeScript-aware rules for every source tree; `npm run lint` also checks the formatting (Prettier, .prettierrc.json).
import tseslint from 'typescript-eslint'
import * as importX from 'eslint-plugin-import-x'

const CONTEXTS = ['council', 'grid', 'org', 'property', 'service', 'export']

// Issue 16 §7: where an initializer's chain starts — `z.object(…)`, `z.string().trim()…`, `z.iso.date()`,
// `FooSchema.extend(…)`: up to 16 calls, then up to 2 member accesses, down to the root name.
const CHAIN_ROOTS = []
for (let calls = 0; calls <= 16; calls++) {
  for (let members = 0; members <= 2; members++) {
    if (calls + members > 0)
      CHAIN_ROOTS.push(
        ['init', ...Array(calls).fill('callee.object'), ...Array(members).fill('object'), 'name'].join('.'),
      )
  }
}
const ZOD_VALUE = `:matches(${CHAIN_ROOTS.map((path) => `[${path}=/^z$|Schema$/]`).join(', ')})`

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-h5/**',
      'cloudfunctions/*/dist/**',
      '.data/**',
      'coverage/**',
      '.swc/**',
      'tests/e2e/screenshots/**',
      'bench/.floor/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'it', property: 'skip' },
        { object: 'describe', property: 'only' },
        { object: 'describe', property: 'skip' },
        { object: 'test', property: 'only' },
        { object: 'test', property: 'skip' },
      ],
    },
  },
  {
    // Issue 16 §6: a handler's input and output come from its action's schemas (Handler<'fn.action'> in
    // cloudfunctions/shared/dispatch.ts), never from a type written beside it.
    files: ['cloudfunctions/*/handlers/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.typeAnnotation=undefined] > ObjectExpression > Property[key.name='run']",
          message:
            "Type the handler from the contract: `export const x: Handler<'fn.action'> = { async run(ctx) { … } }`.",
        },
        {
          selector:
            "ExportNamedDeclaration VariableDeclarator > ObjectExpression > Property[key.name='run'] > :function > Identifier[typeAnnotation]",
          message: 'A handler takes its context from Handler<…>: do not annotate `ctx` (the schema gives its input).',
        },
        {
          // Issue 16 §5: database access lives in the context's repo.
          selector: "CallExpression[callee.property.name='collection']",
          message:
            "Handlers never touch the database: ask the context's repo for it by name (docs/architecture.md, Boundaries).",
        },
        {
          selector: 'ImportDeclaration[source.value=/^\\.\\/[^/]+$/]',
          message: 'A handler never imports another handler: put what they share in domain/ (pure) or the repo (I/O).',
        },
      ],
    },
  },
  {
    // Issue 16 §7: one vocabulary. A zod value of the contract is `XxxSchema`, its type `Xxx`
    // (scripts/rename-schemas.ts renamed the old `topicView`s).
    files: ['types/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `:matches(Program, ExportNamedDeclaration) > VariableDeclaration > VariableDeclarator[id.name!=/Schema$/]${ZOD_VALUE}`,
          message:
            'Name a zod value `XxxSchema` and its type `Xxx`: `export const TopicViewSchema = z.object(…)`, `export type TopicView = z.infer<typeof TopicViewSchema>`.',
        },
      ],
    },
  },
  {
    // Issue 16 §5: no import cycles among the cloud functions' modules.
    files: ['cloudfunctions/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // Issue 16 §5: a context reaches another only through its public.ts (what it publishes); what
  // several contexts read lives in cloudfunctions/shared.
  ...[...CONTEXTS, 'shared'].map((own) => ({
    files: [`cloudfunctions/${own}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${CONTEXTS.filter((c) => c !== own).join('|')})/(?!public$)`,
              message: 'Import another context only through its public.ts (or read it from cloudfunctions/shared).',
            },
          ],
        },
      ],
    },
  })),
  {
    // The local seam resolves the exact SDK module instances with require(), on purpose.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs', 'local/sdk-modules.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
