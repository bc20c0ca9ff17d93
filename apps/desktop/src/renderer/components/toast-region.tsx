import type { TFunction } from 'i18next';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Written at render time, so a toast follows a language switch like the rest of the window. */
export type ToastText = (t: TFunction) => string;

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: ToastText;
  /** Toasts with the same key replace each other instead of piling up. */
  key?: string | undefined;
}

interface ToastApi {
  push(kind: Toast['kind'], text: ToastText, key?: string): void;
}

const ToastContext = createContext<ToastApi>({ push: () => {} });
const MAX_TOASTS = 4;
/** Errors stay until dismissed; the rest fade after this long. */
const TOAST_LIFETIME_MS = 8_000;
let nextId = 1;

/** Short messages announced to screen readers (polite live region); each can be dismissed. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const push = useCallback((kind: Toast['kind'], text: ToastText, key?: string) => {
    const toast: Toast = { id: nextId++, kind, text, key };
    setToasts((list) => [...list.filter((item) => !key || item.key !== key), toast].slice(-MAX_TOASTS));
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((item) => item.id !== id)), []);
  const api = useMemo(() => ({ push }), [push]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <ul className="toast-region" aria-live="polite">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </ul>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (toast.kind === 'error') return;
    const timer = setTimeout(() => onDismiss(toast.id), TOAST_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <li className={`toast toast-${toast.kind}`}>
      <span>{toast.text(t)}</span>
      <button type="button" aria-label={t('common.dismiss')} onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </li>
  );
}

export function useToasts(): ToastApi {
  return useContext(ToastContext);
}
