import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutPanelOptions, menuTemplate } from '../../../electron/main/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const build = (platform: NodeJS.Platform, devTools: boolean, openProjector = () => {}) =>
  menuTemplate({ platform, appName: 'LVV Overleg', devTools, actions: { openProjector } });

describe('menuTemplate', () => {
  it('has Dutch top-level menus', () => {
    expect(build('linux', false).map((m) => m.label)).toEqual([
      'Bestand',
      'Bewerken',
      'Beeld',
      'Venster',
      'Help',
    ]);
    expect(build('darwin', false).map((m) => m.label)).toEqual([
      'LVV Overleg',
      'Bestand',
      'Bewerken',
      'Beeld',
      'Venster',
    ]);
  });

  it('labels every item in Dutch (no Electron English defaults)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const item of flatten(build(platform, true))) {
        if (item.type === 'separator') continue;
        expect(item.label, JSON.stringify(item)).toBeTruthy();
        expect(item.label).not.toMatch(
          /^(Undo|Redo|Cut|Copy|Paste|Select All|Quit|Close|Minimize|Reload|Zoom)/,
        );
      }
    }
  });

  it('opens the projector from the Bestand menu', () => {
    const open = vi.fn();
    const item = flatten(build('linux', false, open)).find((i) => i.label === 'Projectiescherm openen');
    expect(item?.accelerator).toBe('CmdOrCtrl+Shift+P');
    (item?.click as () => void)();
    expect(open).toHaveBeenCalledOnce();
  });

  it('offers no developer tools or reload in a packaged app', () => {
    const roles = flatten(build('linux', false)).map((i) => i.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(flatten(build('linux', true)).map((i) => i.role)).toContain('toggleDevTools');
  });

  it('has "Over LVV Overleg" once on every platform: Help on Windows and Linux, the app menu on macOS', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const about = flatten(build(platform, false)).filter((i) => i.role === 'about');
      expect(about.map((i) => i.label)).toEqual(['Over LVV Overleg']);
    }
    expect(build('darwin', false).map((m) => m.label)).not.toContain('Help');
  });

  it("gives the OS's About panel the version and licence, in Dutch", () => {
    const options = aboutPanelOptions({ appName: 'LVV Overleg', version: '0.1.0', iconPath: '/x/icon.png' });
    expect(options).toMatchObject({
      applicationName: 'LVV Overleg',
      applicationVersion: '0.1.0',
      copyright: 'Licentie: EUPL-1.2',
      iconPath: '/x/icon.png',
    });
    expect(options.credits).toMatch(/Over LVV Overleg/);
    expect(
      aboutPanelOptions({ appName: 'LVV Overleg', version: '0.1.0', iconPath: undefined }),
    ).not.toHaveProperty('iconPath');
  });
});
