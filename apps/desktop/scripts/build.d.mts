export function buildApp(): Promise<void>;
