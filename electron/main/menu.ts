/**
 * The application menu, in Dutch, as plain data (Electron's MenuItemConstructorOptions), so the labels
 * and the absence of developer tools in a packaged app are testable without the binary.
 * Roles give the OS behaviour (undo, copy, zoom, ...); the labels override Electron's English ones.
 */
import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openProjector(): void;
}

export function menuTemplate(opts: {
  platform: NodeJS.Platform;
  appName: string;
  devTools: boolean;
  actions: MenuActions;
}): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: opts.appName,
      submenu: [
        { role: 'about', label: `Over ${opts.appName}` },
        { type: 'separator' },
        { role: 'hide', label: `Verberg ${opts.appName}` },
        { role: 'hideOthers', label: 'Verberg andere' },
        { role: 'unhide', label: 'Toon alles' },
        { type: 'separator' },
        { role: 'quit', label: `Stop ${opts.appName}` },
      ],
    });
  }
  template.push(
    {
      label: 'Bestand',
      submenu: [
        {
          label: 'Projectiescherm openen',
          accelerator: 'CmdOrCtrl+Shift+P',
          click: () => opts.actions.openProjector(),
        },
        ...(mac
          ? []
          : ([{ type: 'separator' }, { role: 'quit', label: 'Afsluiten' }] as MenuItemConstructorOptions[])),
      ],
    },
    {
      label: 'Bewerken',
      submenu: [
        { role: 'undo', label: 'Ongedaan maken' },
        { role: 'redo', label: 'Opnieuw' },
        { type: 'separator' },
        { role: 'cut', label: 'Knippen' },
        { role: 'copy', label: 'Kopiëren' },
        { role: 'paste', label: 'Plakken' },
        { role: 'selectAll', label: 'Alles selecteren' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { role: 'resetZoom', label: 'Ware grootte' },
        { role: 'zoomIn', label: 'Inzoomen' },
        { role: 'zoomOut', label: 'Uitzoomen' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Volledig scherm' },
        ...(opts.devTools
          ? ([
              { type: 'separator' },
              { role: 'reload', label: 'Opnieuw laden' },
              { role: 'toggleDevTools', label: 'Ontwikkelhulpmiddelen' },
            ] as MenuItemConstructorOptions[])
          : []),
      ],
    },
    {
      label: 'Venster',
      submenu: [
        { role: 'minimize', label: 'Minimaliseren' },
        { role: 'close', label: 'Venster sluiten' },
      ],
    },
  );
  // macOS has "Over" in the app menu; elsewhere it lives under Help, where people look for it.
  if (!mac) template.push({ label: 'Help', submenu: [{ role: 'about', label: `Over ${opts.appName}` }] });
  return template;
}

/**
 * The OS's own About panel (role 'about'): name, version, licence. The full list of bundled licences
 * is in the app's "Over LVV Overleg" dialog (footer of every screen), which the browser host has too.
 */
export function aboutPanelOptions(opts: {
  appName: string;
  version: string;
  iconPath: string | undefined;
}): AboutPanelOptionsOptions {
  return {
    applicationName: opts.appName,
    applicationVersion: opts.version,
    version: '', // macOS would repeat the version as a build number in brackets
    copyright: 'Licentie: EUPL-1.2',
    credits:
      'De licenties van de meegeleverde open-sourcesoftware staan onder "Over LVV Overleg" onderaan elk scherm.',
    ...(opts.iconPath ? { iconPath: opts.iconPath } : {}),
  };
}
