import { Box, Button, Field, Stack, Text } from '@chakra-ui/react';
import { canExpand, getTemplate, getUiOptions } from '@rjsf/utils';
import type { FieldTemplateProps, IconButtonProps, ObjectFieldTemplateProps, RegistryWidgetsType, SubmitButtonProps, TemplatesType } from '@rjsf/utils';
import { ExpressionWidget } from './ExpressionWidget';

/** Label, description, field and errors, in Chakra's field layout; errors sit under their own field. */
function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, required, description, children, rawErrors, hidden, displayLabel, schema, registry, uiSchema } = props;
  if (hidden) return <div hidden>{children}</div>;
  const isObject = schema.type === 'object' || schema.type === 'array';
  const errors = rawErrors ?? [];
  // Map entries (additionalProperties) get their key input and remove button from this wrapper.
  const WrapIfAdditional = getTemplate('WrapIfAdditionalTemplate', registry, getUiOptions(uiSchema));
  return (
    <WrapIfAdditional {...props}>
    <Field.Root invalid={errors.length > 0} mb="3" data-field={id}>
      {displayLabel && label && !isObject && (
        <Field.Label htmlFor={id} fontSize="sm">{label}{required && <Field.RequiredIndicator />}</Field.Label>
      )}
      {displayLabel && !isObject && description}
      <Box w="full">{children}</Box>
      {errors.length > 0 && (
        <Field.ErrorText as="ul" listStyleType="none" data-testid={`field-error-${id}`}>
          {errors.map((e, i) => <li key={i}>{e}</li>)}
        </Field.ErrorText>
      )}
    </Field.Root>
    </WrapIfAdditional>
  );
}

/** Objects; the `Options` records (`x-ui-collapsed`) start folded, as optional knobs should. */
function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, schema, fieldPathId, formData, uiSchema, onAddProperty, disabled, readonly, registry } = props;
  // A pure anyOf/oneOf renders its own chooser and content (as RJSF's own template does).
  if ((schema.oneOf || schema.anyOf) && !schema.properties && properties.length === 0) return null;
  const collapsed = (schema as Record<string, unknown>)['x-ui-collapsed'] === true;
  const { AddButton } = registry.templates.ButtonTemplates;
  const body = (
    <Stack gap="0">
      {properties.map((p) => <Box key={p.name}>{p.content}</Box>)}
      {canExpand(schema, uiSchema, formData) && (
        <Box><AddButton id={`${fieldPathId.$id}__add`} onClick={onAddProperty} disabled={disabled || readonly} uiSchema={uiSchema} registry={registry} /></Box>
      )}
    </Stack>
  );
  const isRoot = fieldPathId.path.length === 0;
  if (collapsed) {
    return (
      <Box as="details" borderWidth="1px" borderRadius="md" px="3" py="2" mb="3">
        <Box as="summary" cursor="pointer" fontSize="sm" fontWeight="medium">{title || 'Options'} <Text as="span" color="fg.muted" fontWeight="normal">(optional)</Text></Box>
        <Box pt="3">{description && <Text fontSize="xs" color="fg.muted" mb="2">{description}</Text>}{body}</Box>
      </Box>
    );
  }
  if (isRoot) return body;
  return (
    <Box borderLeftWidth="2px" pl="3" mb="3">
      {title && <Text fontSize="sm" fontWeight="medium" mb="1">{title}</Text>}
      {description && <Text fontSize="xs" color="fg.muted" mb="2">{description}</Text>}
      {body}
    </Box>
  );
}

function DescriptionField({ description, id }: { description?: React.ReactNode; id: string }) {
  return description ? <Field.HelperText id={id} mt="0" mb="1">{description}</Field.HelperText> : null;
}

const textButton = (text: string, palette?: string) => function TextButton(props: IconButtonProps) {
  const { onClick, disabled, className: _c, iconType: _i, icon: _icon, uiSchema: _u, registry: _r, ...rest } = props;
  void _c; void _i; void _icon; void _u; void _r;
  return <Button size="xs" variant="outline" colorPalette={palette} onClick={onClick} disabled={disabled} aria-label={rest.title ?? text}>{text}</Button>;
};

function NoSubmit(_: SubmitButtonProps) {
  return null;
}

export const templates: Partial<TemplatesType> = {
  FieldTemplate,
  ObjectFieldTemplate,
  DescriptionFieldTemplate: DescriptionField,
  ButtonTemplates: {
    AddButton: textButton('+ Add'),
    RemoveButton: textButton('Remove', 'red'),
    MoveUpButton: textButton('↑'),
    MoveDownButton: textButton('↓'),
    CopyButton: textButton('Copy'),
    SubmitButton: NoSubmit,
    ClearButton: textButton('Clear'),
  } as TemplatesType['ButtonTemplates'],
};

export const widgets: RegistryWidgetsType = { expression: ExpressionWidget };
