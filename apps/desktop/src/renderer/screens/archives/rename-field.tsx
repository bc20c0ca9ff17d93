import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface RenameFieldProps {
  name: string;
  busy: boolean;
  onRename: (name: string) => void;
}

/** The session name as a heading that turns into a field: Enter saves, Escape gives up. */
export function RenameField({ name, busy, onRename }: RenameFieldProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (editing) inputRef.current?.select();
  }, [editing]);

  const stop = () => {
    setEditing(false);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    if (next && next !== name) onRename(next);
    stop();
  };

  if (!editing) {
    return (
      <div className="rename-view">
        <h3 className="session-name">{name || '—'}</h3>
        <button
          ref={buttonRef}
          type="button"
          disabled={busy}
          onClick={() => {
            setDraft(name);
            setEditing(true);
          }}
        >
          {t('session.rename')}
        </button>
      </div>
    );
  }
  return (
    <form className="rename-form" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="rename-input">
        {t('session.renameLabel')}
      </label>
      <input
        id="rename-input"
        ref={inputRef}
        value={draft}
        maxLength={255}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            stop();
          }
        }}
      />
      <button type="submit" className="primary">
        {t('common.save')}
      </button>
      <button type="button" onClick={stop}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
