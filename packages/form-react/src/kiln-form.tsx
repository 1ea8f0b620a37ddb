import { useCallback, useMemo, useState } from 'react';
import Form, { type IChangeEvent } from '@rjsf/core';
import type { RegistryWidgetsType, RJSFSchema, TemplatesType, UiSchema } from '@rjsf/utils';
import type { FieldError, JsonSchema, Locale, UiSchema as KilnUiSchema } from '@kiln/engine-forms';
import type { KilnFormContext, KilnFormPorts } from './context';
import type { ComputeFormulas } from './formula-preview';
import { useFormulaPreview } from './use-formula-preview';
import { msg } from './messages';
import { kilnValidator } from './validator';
import { pointerSegments, toErrorSchema } from './server-errors';
import { ID_PREFIX, ID_SEPARATOR, pointerOf } from './test-id';
import { transformErrors } from './transform-errors';
import { BaseInputTemplate } from './templates/base-input-template';
import { FieldTemplate } from './templates/field-template';
import { FieldErrorTemplate } from './templates/field-error-template';
import { ObjectFieldTemplate } from './templates/object-field-template';
import { ArrayFieldItemTemplate, ArrayFieldTemplate } from './templates/array-templates';
import { DescriptionFieldTemplate, ErrorListTemplate, SubmitButton, TitleFieldTemplate } from './templates/misc-templates';
import { MoneyWidget } from './widgets/money-widget';
import { PhoneWidget } from './widgets/phone-widget';
import { RegionWidget } from './widgets/region-widget';
import { RelationWidget } from './widgets/relation-widget';
import { UserWidget } from './widgets/user-widget';
import { SelectWidget } from './widgets/select-widget';
import { CheckboxWidget } from './widgets/checkbox-widget';
import { CheckboxesWidget } from './widgets/checkboxes-widget';
import { TextareaWidget } from './widgets/textarea-widget';
import { HiddenWidget } from './widgets/hidden-widget';
import { FormulaWidget } from './widgets/formula-widget';
import './kiln-form.css';

/** Record data as the records API carries it: field key → API value. */
export type KilnFormData = Record<string, unknown>;

/** Props of {@link KilnForm}. Everything but `schema` and `ports` is optional. */
export interface KilnFormProps {
  /** The JSON Schema (2020-12) of the form, as `compileForm` / the public form API return it. */
  schema: JsonSchema | RJSFSchema;
  /** The rjsf UI schema that goes with `schema` (Kiln widgets: money, phone, region, relation, user, hidden, textarea). */
  uiSchema?: KilnUiSchema | UiSchema;
  /** Current values. Pass it with `onChange` for a controlled form, or alone as initial values. */
  formData?: KilnFormData;
  /** Called on every edit with the whole new data. */
  onChange?(formData: KilnFormData): void;
  /** Called with the data once it passes validation in the browser (the same schema the server uses). */
  onSubmit?(formData: KilnFormData): void | Promise<void>;
  /** UI language of widget texts and validation messages; default `zh-CN`. */
  locale?: Locale;
  /** How pickers search records and users. */
  ports: KilnFormPorts;
  /**
   * Errors the server answered (`error.details.errors`): each shows under the field its JSON
   * pointer names, until that field is edited. Pass a new array to show a new set.
   */
  serverErrors?: readonly FieldError[];
  /** Disables every input and the submit button (e.g. while submitting). */
  disabled?: boolean;
  /** Text of the submit button; default "提交" / "Submit". */
  submitText?: string;
  /** Render no submit button (e.g. a studio preview that submits elsewhere). */
  hideSubmit?: boolean;
  /** Prefix of element ids, to tell two forms on one page apart; no dots. Default `kf`. */
  idPrefix?: string;
  /** Extra class on the wrapper. */
  className?: string;
  /**
   * Computes the form's formula fields from the current values (the host asks the server, e.g.
   * `POST /api/apps/{app}/compute`). Called ~300 ms after the values stop changing, and again
   * when this function changes, so pass a stable one (`useCallback`) that changes only when the
   * definition does. Formula values are left out of what it receives. Without it (or without
   * formula fields) formula widgets show the values the form was given.
   */
  computeFormulas?: ComputeFormulas;
}

const widgets: RegistryWidgetsType = {
  money: MoneyWidget,
  phone: PhoneWidget,
  region: RegionWidget,
  relation: RelationWidget,
  user: UserWidget,
  hidden: HiddenWidget,
  HiddenWidget,
  formula: FormulaWidget,
  textarea: TextareaWidget,
  TextareaWidget,
  SelectWidget,
  CheckboxWidget,
  CheckboxesWidget,
};

const templates: Partial<Omit<TemplatesType, 'ButtonTemplates'>> & { ButtonTemplates: Partial<TemplatesType['ButtonTemplates']> } = {
  BaseInputTemplate,
  FieldTemplate,
  FieldErrorTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  ErrorListTemplate,
  DescriptionFieldTemplate,
  TitleFieldTemplate,
  ButtonTemplates: { SubmitButton },
};

/**
 * A Kiln form in the browser: @rjsf/core's Form with Kiln's widgets, mobile-first templates and
 * an Ajv 2020-12 validator with localized messages, so people see the same rules the server
 * applies before they submit. Validation runs on submit, then live after the first attempt.
 *
 * Test ids: inputs `field-<key>` (sub-table cells `field-<key>-<index>-<subkey>`), composite
 * widget parts `field-<key>-<part>` (region `-province|-city|-district`; pickers `-search`,
 * `-option-<id>`, `-chip-<id>`, `-remove-<id>`), sub-table `field-<key>-add` and
 * `field-<key>-<index>-remove`, errors `field-<key>-error` / `form-error`, submit `form-submit`;
 * formula values `field-<key>` (an `<output>`) and their errors `field-<key>-formula-error`.
 *
 * @example
 * const { schema, uiSchema } = compileForm(definition, { locale });
 * <KilnForm schema={schema} uiSchema={uiSchema} locale={locale}
 *   ports={{ searchRecords: (target, q) => api.search(app, target, q) }}
 *   serverErrors={errors} disabled={busy} onSubmit={(data) => save(data)} />
 */
export function KilnForm(props: KilnFormProps) {
  const { schema, uiSchema, formData, onChange, onSubmit, ports, serverErrors, disabled, submitText, hideSubmit, className } = props;
  const locale: Locale = props.locale === 'en' ? 'en' : 'zh-CN';
  const idPrefix = props.idPrefix ?? ID_PREFIX;
  const validator = kilnValidator(locale);
  const formulaKeys = useMemo(() => formulaKeysOf(uiSchema), [uiSchema]);
  const failedText = useCallback((reason: string) => (reason ? `${msg(locale, 'formulaFailed')}: ${reason}` : msg(locale, 'formulaFailed')), [locale]);
  const formulas = useFormulaPreview(props.computeFormulas, formulaKeys, formData, failedText);
  const formContext = useMemo<KilnFormContext>(() => ({ locale, ports, formulas: formulas.preview }), [locale, ports, formulas.preview]);
  const [submitted, setSubmitted] = useState(false);

  // Server errors stay until their field changes; a new `serverErrors` array starts afresh.
  const [dismissed, setDismissed] = useState<{ source: readonly FieldError[] | undefined; paths: string[] }>({ source: serverErrors, paths: [] });
  const dismissedPaths = dismissed.source === serverErrors ? dismissed.paths : [];
  const extraErrors = useMemo(() => {
    const shown = (serverErrors ?? []).filter(
      (e) => !dismissedPaths.some((p) => e.path === p || e.path.startsWith(p + '/')),
    );
    return shown.length ? toErrorSchema(shown) : undefined;
  }, [serverErrors, dismissedPaths]);

  const ui = useMemo<UiSchema>(
    () => ({
      ...(uiSchema as UiSchema | undefined),
      'ui:submitButtonOptions': {
        ...(uiSchema?.['ui:submitButtonOptions'] as object | undefined),
        norender: hideSubmit === true,
        ...(submitText ? { submitText } : {}),
        props: { disabled: disabled === true },
      },
    }),
    [uiSchema, submitText, disabled, hideSubmit],
  );

  const handleChange = useCallback(
    (e: IChangeEvent, id?: string) => {
      if (id && serverErrors?.length) {
        const pointer = pointerOf(id);
        if (pointer && pointerSegments(pointer).length) {
          setDismissed((d) => ({ source: serverErrors, paths: [...(d.source === serverErrors ? d.paths : []), pointer] }));
        }
      }
      const data = (e.formData ?? {}) as KilnFormData;
      formulas.changed(data);
      onChange?.(data);
    },
    [onChange, serverErrors, formulas.changed],
  );

  return (
    <div className={`kiln-form${className ? ` ${className}` : ''}`} lang={locale}>
      <Form
        schema={schema as RJSFSchema}
        uiSchema={ui}
        formData={formData}
        validator={validator}
        widgets={widgets}
        templates={templates}
        formContext={formContext}
        idPrefix={idPrefix}
        idSeparator={ID_SEPARATOR}
        disabled={disabled}
        extraErrors={extraErrors}
        noHtml5Validate
        showErrorList="top"
        focusOnFirstError
        liveValidate={submitted ? 'onChange' : false}
        transformErrors={(errors, u) => transformErrors(errors, u, locale)}
        onChange={handleChange}
        onError={() => setSubmitted(true)}
        onSubmit={(e) => {
          setSubmitted(true);
          void onSubmit?.((e.formData ?? {}) as KilnFormData);
        }}
      />
    </div>
  );
}

/** Keys of the top-level fields rendered by the `formula` widget. */
function formulaKeysOf(uiSchema: KilnUiSchema | UiSchema | undefined): string[] {
  if (!uiSchema) return [];
  return Object.entries(uiSchema)
    .filter(([k, v]) => !k.startsWith('ui:') && typeof v === 'object' && v !== null && (v as Record<string, unknown>)['ui:widget'] === 'formula')
    .map(([k]) => k);
}
