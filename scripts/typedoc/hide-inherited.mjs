// A typedoc plugin for docs/api: members a class inherits are documented once, on the class that
// declares them. Without it every TradingError subclass repeats the base's constructor, fields and
// toJSON, and docs/api/shared/errors.md triples in length without saying anything new.
import { Converter, DeclarationReflection } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const inherited = Object.values(context.project.reflections).filter(
      (reflection) => reflection instanceof DeclarationReflection && reflection.inheritedFrom !== undefined,
    );
    for (const reflection of inherited) context.project.removeReflection(reflection);
  });
}
