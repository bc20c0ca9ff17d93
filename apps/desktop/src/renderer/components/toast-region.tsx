import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
}

interface ToastApi {
  push(kind: Toast['kind'], text: string): void;
}

const ToastContext = createContext<ToastApi>({ push: () => {} });
let nextId = 1;

/** Short messages announced to screen readers (polite live region); each can be dismissed. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const push = useCallback((kind: Toast['kind'], text: string) => {
    const id = nextId++;
    setToasts((list) => [...list.slice(-4), { id, kind, text }]);
  }, []);
  const api = useMemo(() => ({ push }), [push]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <ul className="toast-region" aria-live="polite">
        {toasts.map((toast) => (
          <li key={toast.id} className={`toast toast-${toast.kind}`}>
            <span>{toast.text}</span>
            <button
              type="button"
              aria-label="×"
              onClick={() => setToasts((list) => list.filter((item) => item.id !== toast.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  return useContext(ToastContext);
}
