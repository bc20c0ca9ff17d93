import { type BrowserWindow, Menu, type MenuItemConstructorOptions, shell } from 'electron';

export interface MenuActions {
  /** macOS: puts the bundled `ovh-pca` command on the PATH. */
  installCli?: () => void;
  isMac: boolean;
  getWindow: () => BrowserWindow | null;
}

export function buildMenu(actions: MenuActions): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(actions.isMac
      ? [
          {
            label: 'OVH PCA',
            submenu: [
              { role: 'about' },
              ...(actions.installCli
                ? [
                    {
                      label: 'Install the ovh-pca command…',
                      click: actions.installCli,
                    } as MenuItemConstructorOptions,
                  ]
                : []),
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } as MenuItemConstructorOptions,
        ]
      : [{ label: 'File', submenu: [{ role: 'quit' }] } as MenuItemConstructorOptions]),
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'OVHcloud API documentation',
          click: () =>
            void shell.openExternal('https://help.ovhcloud.com/csm/en-api-getting-started-ovhcloud-api'),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
