// Electron Forge configuration, from the vite-typescript template (house rules A5): VitePlugin entries for main,
// preload and renderer, and FusesPlugin with the template's six fuses. No app logic here.
import type { ForgeConfig } from '@electron-forge/shared-types';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
    // The Vite plugin packs only `.vite/`; the renderer (built by vite.renderer.config.ts into dist/renderer, the
    // same files the web host serves) and assets/ (fonts, rule data) ship as resources. main.ts finds them under
    // process.resourcesPath.
    extraResource: ['dist/renderer', 'assets'],
  },
  rebuildConfig: {},
  // No maker package is installed: `make` needs the Electron binary, which these machines cannot download
  // (environment.md §2). Add @electron-forge/maker-* here where packaging is possible.
  makers: [],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'src/main/electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'src/preload/index.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    // Fuses are used to enable/disable various Electron functionality at package time, before code signing.
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    }),
  ],
};

export default config;
