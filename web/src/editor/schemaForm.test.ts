import { describe, expect, it } from 'vitest';
import { errorSchemaOf, formSchema, uiSchemaFor } from './schemaForm';

describe('uiSchemaFor', () => {
  it('maps the schema\'s x- hints to widgets', () => {
    const ui = uiSchemaFor({
      type: 'object',
      properties: {
        url: { type: 'string', 'x-expression': true, 'x-ui-placeholder': 'https://…' },
        body: { type: 'string', 'x-ui-widget': 'textarea' },
        secret: { type: 'string', format: 'password', writeOnly: true },
        fields: { type: 'object', additionalProperties: { type: 'string', 'x-expression': true } },
      },
    });
    expect(ui.url).toEqual({ 'ui:widget': 'expression', 'ui:placeholder': 'https://…' });
    expect(ui.body).toEqual({ 'ui:widget': 'textarea' });
    expect(ui.secret).toEqual({ 'ui:widget': 'password' });
    expect(ui.fields).toEqual({ additionalProperties: { 'ui:widget': 'expression' } });
  });

  it('drops $schema so the form validator accepts Draft 2020-12 schemas', () => {
    expect(formSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' })).toEqual({ type: 'object' });
  });
});

describe('errorSchemaOf', () => {
  it('nests server errors by their pointer path, several on one field', () => {
    expect(errorSchemaOf([
      { path: ['condition', 'conditions', '0', 'left'], message: 'bad expression' },
      { path: ['url'], message: 'required' },
      { path: ['url'], message: 'too long' },
    ])).toEqual({
      condition: { conditions: { 0: { left: { __errors: ['bad expression'] } } } },
      url: { __errors: ['required', 'too long'] },
    });
  });
});
