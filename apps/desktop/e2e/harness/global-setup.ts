// Filled in with the renderer build once the end-to-end suite exists.
export default function setup(): void {}
