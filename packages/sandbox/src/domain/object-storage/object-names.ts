/** Swift's name limits as OVH publishes them in `/info` (reference §8.3). */
export const MAX_CONTAINER_NAME_BYTES = 256;
export const MAX_OBJECT_NAME_BYTES = 1024;

/** Why a container name is refused, or undefined when it is fine. */
export function containerNameProblem(name: string): string | undefined {
  if (name === '') return 'Container name must not be empty';
  if (name.includes('/')) return 'Container name must not contain /';
  if (Buffer.byteLength(name, 'utf8') > MAX_CONTAINER_NAME_BYTES) {
    return `Container name length of ${Buffer.byteLength(name, 'utf8')} longer than ${MAX_CONTAINER_NAME_BYTES}`;
  }
  return undefined;
}

export function objectNameProblem(key: string): string | undefined {
  if (key === '') return 'Object name must not be empty';
  if (Buffer.byteLength(key, 'utf8') > MAX_OBJECT_NAME_BYTES) {
    return `Object name length of ${Buffer.byteLength(key, 'utf8')} longer than ${MAX_OBJECT_NAME_BYTES}`;
  }
  return undefined;
}
