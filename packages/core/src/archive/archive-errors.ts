// Errors the archive model raises itself (the client's OvhApiError family covers server answers).

/** Bad input caught before any request: an ID, an age, a name, a service id. CLI exit code 2. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  /** Which input was wrong: `sessionId`, `fileId`, `taskId`, `service`, `age`, `name`, … */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }

  toJSON(): { name: string; field: string; message: string } {
    return { name: this.name, field: this.field, message: this.message };
  }
}

export function isValidationError(error: unknown): error is ValidationError {
  return error instanceof ValidationError;
}

export type ArchiveObjectKind = 'service' | 'session' | 'file' | 'task' | 'object';

/** A session, file or task that none of the services in scope holds. */
export class ArchiveNotFoundError extends Error {
  override readonly name = 'ArchiveNotFoundError';
  readonly status = 404;
  readonly objectKind: ArchiveObjectKind;
  readonly objectId: string;
  /** The services that were searched. */
  readonly searchedServiceIds: string[];

  constructor(objectKind: ArchiveObjectKind, objectId: string, searchedServiceIds: string[]) {
    const where =
      objectKind === 'object'
        ? `archive ${searchedServiceIds.join(', ')}`
        : searchedServiceIds.length === 1
          ? `service ${searchedServiceIds[0]}`
          : `any of ${searchedServiceIds.length} archive services`;
    super(`No ${objectKind} ${objectId} in ${where}`);
    this.objectKind = objectKind;
    this.objectId = objectId;
    this.searchedServiceIds = searchedServiceIds;
  }

  toJSON(): { name: string; status: number; objectKind: string; objectId: string; message: string } {
    return {
      name: this.name,
      status: this.status,
      objectKind: this.objectKind,
      objectId: this.objectId,
      message: this.message,
    };
  }
}

/**
 * A step the archive's current state forbids (destroy while locked, archive of an empty bucket, a
 * shorter lock, delete before flushed): caught before any request that would fail. CLI exit 2.
 */
export class LifecycleRefusedError extends ValidationError {
  /** The date that lifts the refusal (a lock's end), when there is one. */
  readonly until: string | null;

  constructor(message: string, until: string | null = null) {
    super('state', message);
    this.until = until;
  }

  override toJSON(): { name: string; field: string; message: string; until: string | null } {
    return { ...super.toJSON(), until: this.until };
  }
}
