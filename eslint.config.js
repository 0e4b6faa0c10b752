// ESLint flat config: typescript-eslint with type information for every TypeScript file in the tree.
// Formatting is Prettier's job (`pnpm format`); this file only holds rules that find mistakes.
//
// Type information comes from the root `tsconfig.json`: the whole tree as one program (half the time and memory of one
// program per package, same findings). A TypeScript file it does not include is a parse error on purpose: extend its
// `include` instead of linting the file without types. A package that ever changes compiler options needs its own
// entry here (`parserOptions.project` takes a list).
//
// Imports of workspace packages resolve to their built `dist/*.d.ts`, so lint a built tree (`pnpm build` first);
// on an unbuilt tree every `@cask/*` import is `any` and the unsafe-* rules flood.
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/generated/**',
      // Generated JSON Schema; and the package's hand-written declarations, which tsc checks in every package that
      // imports @cask/schema (schema/ has no tsconfig of its own). schema/index.js is linted like any script.
      'schema/json/**',
      'schema/json-experimental/**',
      'schema/index.d.ts',
      '**/coverage/**',
      '**/.turbo/**',
      '**/.tmp/**',
      '**/reports/**',
      '**/.stryker-tmp/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        project: './tsconfig.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The rules issue 11 requires, spelled out so that a change of preset cannot drop them.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/consistent-type-exports': 'error',
      // Numbers and booleans print predictably in messages; objects and nullish values still need a decision.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `() => resolve()`-style one-liners return nothing anyone reads; braces around them add noise, not safety.
      // Void expressions in other positions (`return log()`, `x ? f() : g()` as a value) are still reported.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // A protocol message with no members is the wire object `{}` (e.g. `FsRemoveResponse`, `AttestationGenerateParams`).
    // It is written as an empty named interface so the schema generator emits a named definition, as upstream does.
    // Empty `{}` type literals stay banned.
    files: ['packages/protocol/src/**/*.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'always' }] },
  },
  {
    // Tests index fixtures they built themselves; `x!` there states "the test set this up", and a wrong guess fails
    // the test at once. Source code still has to narrow.
    files: ['**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Plain JavaScript (bench, build and fixture scripts) has no type information: the type-aware rules are off,
    // the syntax-level rules (eslint:recommended, unused vars, ...) and Node globals stay.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
