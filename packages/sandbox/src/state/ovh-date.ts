/** OVH writes dates as ISO 8601 with an offset and no milliseconds: `2013-10-26T22:53:53+00:00`. */
export function formatOvhDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}
