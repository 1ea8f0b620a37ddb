/**
 * @kiln/form-react — Kiln forms in the browser. `KilnForm` renders a compiled form definition
 * (JSON Schema 2020-12 + rjsf UI schema from `@kiln/engine-forms`' `compileForm`) with Kiln's
 * widgets, validates it with the same schema the server uses, and shows server errors per field.
 * The stylesheet is imported by the component; it is also exported as `@kiln/form-react/kiln-form.css`.
 */
export type { KilnFormProps, KilnFormData } from './kiln-form';
export type { KilnFormPorts, PickerOption } from './context';
export type { ComputeFormulas, FormulaComputation } from './formula-preview';
export { KilnForm } from './kiln-form';
export { kilnValidator } from './validator';
export { toErrorSchema } from './server-errors';
export { testIdOf } from './test-id';
export { fenToInput } from './widgets/money-widget';
