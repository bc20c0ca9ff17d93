// happy-dom lays nothing out, so a virtual list would see a 0-pixel viewport and draw no row.
// Component tests give every element a fixed client box instead; real layout is covered in Chromium.
export function giveElementsABox(width = 1000, height = 600): () => void {
  const proto = HTMLElement.prototype;
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  return () => {
    // Removing the own properties uncovers happy-dom's originals on Element.prototype.
    delete (proto as { clientWidth?: number }).clientWidth;
    delete (proto as { clientHeight?: number }).clientHeight;
  };
}
