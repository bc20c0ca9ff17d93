import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  /** `inline`: label beside the list (toolbars); `stacked`: label above (forms). */
  layout?: 'inline' | 'stacked';
  children: ReactNode;
}

/**
 * A select with a label tied by id: wrapping a select in its label would make the chosen option
 * part of the accessible name ("Endpoint ovh-eu — https://…").
 */
export function SelectField({ label, layout = 'inline', children, ...selectProps }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={layout === 'inline' ? 'inline-field' : 'stacked-field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...selectProps}>
        {children}
      </select>
    </div>
  );
}
