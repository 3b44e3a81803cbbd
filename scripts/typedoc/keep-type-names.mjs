// A typedoc plugin for docs/api: a field or parameter declared as `config: Config` is shown as
// `Config`, not as the whole object type spelled out. TypeScript resolves aliases of zod's
// `z.infer<…>` to their structure, so typedoc would print the full configuration schema (thousands
// of lines) under every option bag that carries it; the alias name is what a reader needs.
import { Converter, ReferenceType, ReflectionType } from 'typedoc';
import ts from 'typescript';

/** The alias name written in the source when the declared type is a plain reference (`Config`). */
function declaredReferenceName(node) {
  const typeNode = node?.type;
  if (typeNode === undefined || !ts.isTypeReferenceNode(typeNode)) return undefined;
  return typeNode.getText();
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  const pending = [];
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    const declaration = context.getSymbolFromReflection(reflection)?.declarations?.[0];
    const name = declaredReferenceName(declaration);
    if (name !== undefined) pending.push({ reflection, name });
  });
  app.converter.on(Converter.EVENT_CREATE_PARAMETER, (_context, reflection, node) => {
    const name = declaredReferenceName(node);
    if (name !== undefined) pending.push({ reflection, name });
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const { reflection, name } of pending) {
      if (reflection.type instanceof ReflectionType) {
        reflection.type = ReferenceType.createBrokenReference(name, context.project, undefined);
      }
    }
    pending.length = 0;
  });
}
