// TypeDoc configuration for `pnpm run docs`: one API reference for the public packages, written to docs/api/.
// Warnings fail the build (treatWarningsAsErrors), so a public export that links nowhere is caught.
import { OptionDefaults } from 'typedoc';

/** TSDoc tags the protocol types carry for the schema generator (see packages/protocol/CONVENTIONS.md). */
const schemaTags = ['@format', '@additionalProperties', '@schemaFile', '@schemaIncludedIn', '@minimum', '@minLength'];

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'codex-app-server-kit (@cask/*)',
  entryPointStrategy: 'packages',
  entryPoints: ['packages/protocol', 'packages/validators', 'packages/client', 'packages/attestation', 'tools/cli'],
  // Types the protocol keeps unexported on purpose (union variants that must not become schema definitions)
  // are documented in the module that uses them instead of producing "not included" warnings.
  plugin: ['typedoc-plugin-missing-exports', './tools/typedoc/union-member-tags.mjs'],
  packageOptions: {
    includeVersion: true,
    excludeExternals: true,
    excludePrivate: true,
    excludeInternal: true,
    placeInternalsInOwningModule: true,
    blockTags: [...OptionDefaults.blockTags, ...schemaTags],
    suppressCommentWarningsInDeclarationFiles: true,
  },
  readme: 'README.md',
  ignoredHighlightLanguages: ['mermaid'],
  out: 'docs/api',
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, notDocumented: false },
};
