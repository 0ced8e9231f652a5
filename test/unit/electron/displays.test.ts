import { describe, expect, it } from 'vitest';
import { chooseProjectorDisplay, type DisplayInfo } from '../../../electron/main/displays';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const beamer: DisplayInfo = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
const wall: DisplayInfo = { id: 3, bounds: { x: -3840, y: 0, width: 3840, height: 2160 } };

describe('chooseProjectorDisplay', () => {
  it('goes full screen on the second display', () => {
    expect(chooseProjectorDisplay([laptop, beamer], 1)).toEqual({
      display: beamer,
      fullscreen: true,
      bounds: beamer.bounds,
    });
  });

  it('works whichever display is primary', () => {
    expect(chooseProjectorDisplay([laptop, beamer], 2)?.display).toBe(laptop);
  });

  it('prefers the largest of several other displays', () => {
    expect(chooseProjectorDisplay([laptop, beamer, wall], 1)?.display).toBe(wall);
  });

  it('opens a centred window on the only display', () => {
    expect(chooseProjectorDisplay([laptop], 1)).toEqual({
      display: laptop,
      fullscreen: false,
      bounds: { x: 320, y: 180, width: 1280, height: 720 },
    });
  });

  it('respects the primary display’s offset', () => {
    const p = chooseProjectorDisplay([beamer], 2);
    expect(p?.bounds).toEqual({ x: 1920 + 214, y: 120, width: 853, height: 480 });
  });

  it('treats every display as a candidate when the primary id is unknown; null with none', () => {
    expect(chooseProjectorDisplay([laptop, beamer], 99)?.display).toBe(laptop);
    expect(chooseProjectorDisplay([], 1)).toBeNull();
  });
});
