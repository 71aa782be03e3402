import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';

type Schema = Record<string, unknown>;

/**
 * RJSF gets the schema without `$schema`: the node schemas are Draft 2020-12, and the form only
 * uses the validator to pick oneOf/anyOf alternatives (the server does the real validation).
 */
export function formSchema(schema: unknown): RJSFSchema {
  const copy = { ...(schema as Schema) };
  delete copy.$schema;
  return copy as RJSFSchema;
}

/** UI hints from the schema's x- keywords (docs/nodes.md): expression fields, widgets, placeholders. */
export function uiSchemaFor(schema: unknown): UiSchema {
  const s = (schema ?? {}) as Schema;
  const ui: UiSchema = {};
  if (s['x-expression']) ui['ui:widget'] = 'expression';
  else if (s['x-ui-widget'] === 'textarea' || s['x-ui-widget'] === 'code') ui['ui:widget'] = 'textarea';
  if (typeof s['x-ui-placeholder'] === 'string') ui['ui:placeholder'] = s['x-ui-placeholder'];
  if (s.type === 'string' && s.format === 'password') ui['ui:widget'] = 'password';
  const properties = s.properties as Record<string, unknown> | undefined;
  if (properties) {
    for (const [name, child] of Object.entries(properties)) {
      const childUi = uiSchemaFor(child);
      if (Object.keys(childUi).length > 0) ui[name] = childUi;
    }
  }
  if (s.items && typeof s.items === 'object') {
    const itemsUi = uiSchemaFor(s.items);
    if (Object.keys(itemsUi).length > 0) ui.items = itemsUi;
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    const valueUi = uiSchemaFor(s.additionalProperties);
    if (Object.keys(valueUi).length > 0) ui.additionalProperties = valueUi;
  }
  return ui;
}

/**
 * Server errors as RJSF's ErrorSchema, so each shows on the field its JSON Pointer names:
 * `["condition", "conditions", "0", "left"]` → {condition: {conditions: {0: {left: {__errors: [...]}}}}}.
 */
export function errorSchemaOf(errors: { path: string[]; message: string }[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const { path, message } of errors) {
    let at = root;
    for (const part of path) {
      at[part] = (at[part] as Record<string, unknown> | undefined) ?? {};
      at = at[part] as Record<string, unknown>;
    }
    at.__errors = [...((at.__errors as string[] | undefined) ?? []), message];
  }
  return root as ErrorSchema;
}
