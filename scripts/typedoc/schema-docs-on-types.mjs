// A typedoc plugin for docs/api: a type inferred from a zod schema (`type Order = z.infer<typeof
// orderSchema>`) carries the schema's TSDoc when it has none of its own. The code documents the
// schema once (the single source of truth); the reader of the type's entry needs the same words.
import { Comment, Converter, QueryType, ReferenceType, ReflectionKind } from 'typedoc';

const zodInference = new Set(['infer', 'input', 'output']);

/** The reflection of `xSchema` in `z.infer<typeof xSchema>`, when the alias is exactly that. */
function inferredFrom(type) {
  if (!(type instanceof ReferenceType) || !zodInference.has(type.name.replace(/^z\./, ''))) return undefined;
  const [argument] = type.typeArguments ?? [];
  if (!(argument instanceof QueryType)) return undefined;
  return argument.queryType.reflection;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const alias of context.project.getReflectionsByKind(ReflectionKind.TypeAlias)) {
      if (alias.comment !== undefined) continue;
      const schema = inferredFrom(alias.type);
      if (schema?.comment !== undefined) alias.comment = schema.comment.clone();
      else if (schema !== undefined)
        alias.comment = new Comment([
          { kind: 'text', text: `The type of \`${schema.name}\`, inferred by zod.` },
        ]);
    }
  });
}
