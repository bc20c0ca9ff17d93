import { type InputHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';

interface FieldCaption {
  label: string;
  /** Help under the field, announced as its description (not part of its name). */
  hint?: string | undefined;
  /** Shows the hint as an error. */
  invalid?: boolean | undefined;
}

function Hint({ id, hint, invalid }: { id: string; hint: string | undefined; invalid: boolean | undefined }) {
  if (!hint) return null;
  return (
    <small id={id} className={invalid ? 'field-error' : undefined}>
      {hint}
    </small>
  );
}

/** A labelled input whose hint is its description, so the accessible name is the label alone. */
export function TextField({
  label,
  hint,
  invalid,
  ...inputProps
}: FieldCaption & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="stacked-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={invalid || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...inputProps}
      />
      <Hint id={`${id}-hint`} hint={hint} invalid={invalid} />
    </div>
  );
}

export function TextAreaField({
  label,
  hint,
  invalid,
  ...areaProps
}: FieldCaption & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="stacked-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={invalid || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...areaProps}
      />
      <Hint id={`${id}-hint`} hint={hint} invalid={invalid} />
    </div>
  );
}
