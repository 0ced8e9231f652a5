/** Where the projector window goes. Pure: takes plain display data, so it is testable without Electron. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface DisplayInfo {
  id: number;
  bounds: Rect;
}
export interface ProjectorPlacement {
  display: DisplayInfo;
  /** Full screen on a second display; an ordinary window on the only (primary) display. */
  fullscreen: boolean;
  bounds: Rect;
}

/**
 * A second display when there is one (the largest of the non-primary ones: a beamer or a wall screen
 * is usually bigger than a laptop panel), full screen. Otherwise a window of two thirds of the primary
 * display, centred, so the chair can still see and drag it. Null only when no display is known.
 */
export function chooseProjectorDisplay(
  displays: readonly DisplayInfo[],
  primaryId: number,
): ProjectorPlacement | null {
  const others = displays.filter((d) => d.id !== primaryId);
  if (others.length > 0) {
    const largest = others.reduce((best, d) => (area(d.bounds) > area(best.bounds) ? d : best));
    return { display: largest, fullscreen: true, bounds: largest.bounds };
  }
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  if (!primary) return null;
  const { x, y, width, height } = primary.bounds;
  const w = Math.round((width * 2) / 3);
  const h = Math.round((height * 2) / 3);
  return {
    display: primary,
    fullscreen: false,
    bounds: { x: x + Math.round((width - w) / 2), y: y + Math.round((height - h) / 2), width: w, height: h },
  };
}

function area(r: Rect): number {
  return r.width * r.height;
}
