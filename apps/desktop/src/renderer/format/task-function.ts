import type { TFunction } from 'i18next';

/** A task's function (`restore`, `setSessionName`…) in the window's language; unknown ones as sent. */
export function taskFunctionLabel(t: TFunction, taskFunction: string): string {
  return t(`tasks.function.${taskFunction}`, { defaultValue: taskFunction });
}
