/**
 * The application menu in Vietnamese. The renderer's i18n module (renderer/i18n/vi.ts) cannot be imported from
 * main (house rules §3), so the few menu labels live here, in one table.
 */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

const LABELS = {
  file: 'Tệp',
  quit: 'Thoát',
  edit: 'Sửa',
  undo: 'Hoàn tác',
  redo: 'Làm lại',
  cut: 'Cắt',
  copy: 'Sao chép',
  paste: 'Dán',
  selectAll: 'Chọn tất cả',
  view: 'Xem',
  reload: 'Tải lại',
  devTools: 'Công cụ phát triển',
  resetZoom: 'Cỡ chữ mặc định',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  fullScreen: 'Toàn màn hình',
  window: 'Cửa sổ',
  minimize: 'Thu nhỏ cửa sổ',
  close: 'Đóng cửa sổ',
  help: 'Trợ giúp',
  about: 'Giới thiệu Văn thư số',
  aboutDetail: (version: string, dataDir: string) => `Phiên bản ${version}\nThư mục dữ liệu: ${dataDir}`,
  ok: 'Đóng',
} as const;

/** Builds the menu; development-only entries (reload, DevTools) appear only when the app is not packaged. */
export function buildAppMenu(mainWindow: () => BrowserWindow | null, dataDir: string): Menu {
  const dev = !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    { label: LABELS.file, submenu: [{ label: LABELS.quit, role: 'quit' }] },
    {
      label: LABELS.edit,
      submenu: [
        { label: LABELS.undo, role: 'undo' },
        { label: LABELS.redo, role: 'redo' },
        { type: 'separator' },
        { label: LABELS.cut, role: 'cut' },
        { label: LABELS.copy, role: 'copy' },
        { label: LABELS.paste, role: 'paste' },
        { label: LABELS.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: LABELS.view,
      submenu: [
        ...(dev
          ? ([
              { label: LABELS.reload, role: 'reload' },
              { label: LABELS.devTools, role: 'toggleDevTools' },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { label: LABELS.resetZoom, role: 'resetZoom' },
        { label: LABELS.zoomIn, role: 'zoomIn' },
        { label: LABELS.zoomOut, role: 'zoomOut' },
        { type: 'separator' },
        { label: LABELS.fullScreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: LABELS.window,
      submenu: [
        { label: LABELS.minimize, role: 'minimize' },
        { label: LABELS.close, role: 'close' },
      ],
    },
    {
      label: LABELS.help,
      submenu: [
        {
          label: LABELS.about,
          click: () => {
            const window = mainWindow();
            const options = {
              type: 'info' as const,
              title: LABELS.about,
              message: app.getName(),
              detail: LABELS.aboutDetail(app.getVersion(), dataDir),
              buttons: [LABELS.ok],
            };
            const shown = window === null ? dialog.showMessageBox(options) : dialog.showMessageBox(window, options);
            shown.catch((cause: unknown) => console.warn('[menu] about dialog failed', cause));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
