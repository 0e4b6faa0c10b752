// TypeDoc plugin: accept `@format` on the members of a union of primitives.
// The protocol writes `string | /** @format int64 */ number` (packages/protocol/CONVENTIONS.md, rule 11) because the
// schema generator reads the tag there; TypeDoc warns that a union member's comment should not carry block tags and
// has no option to allow it. This drops exactly that warning; every other warning still fails `pnpm run docs`.
/** @param {import('typedoc').Application} app */
export function load(app) {
  const warn = app.logger.warn.bind(app.logger);
  app.logger.warn = (message, ...rest) => {
    if (
      typeof message === 'string' &&
      /^The comment for \S*\.\d+ should not contain any block or modifier tags$/.test(message)
    ) {
      return;
    }
    warn(message, ...rest);
  };
}
