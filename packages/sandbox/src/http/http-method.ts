/** HTTP methods the OVH API routes by (kept apart so state types need not import the route contract). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
