import { defineConfig } from 'wxt';
import { ALL_HOST_MATCHES } from './lib/hosts/all';

// Public half of the signing key: gives the unpacked build a stable id
// (ppgpnpggkcahilkopfcfnnjhgkaapnbf) for chrome-extension:// URLs in tests and admin policies.
const CHROME_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAm2ObBkWqf7qsBOBBqVZH3DPhr1rhETD4yvF5Gexs6k3kpj1G1y+QMm1lkuQC/j4w0IiIOFqJyHHedjXMCrkCCvQ6xR2MWCNszSZWf2CkAUmTc4USbGOrqf4OLWpNdeV33d+85mxzx62zaocLbXMN1hEbP6x2sxQV2+Ca44ge7V7MfTwfoc3zBwhUR8gP7Np7GRtKliRkTmD+bjR8WUKykMSNJlaivnQjIU4rS1NgCbBmgLZ3OIyF4XJKwRQzryA+VaPHrg1B1RF6YQY22IEuRQf2y9Z+LxnGPObsJq0xlVPZhX6STvVn+GxQ9G9zXHFfu+dRvnl06dgVoYL760SpYwIDAQAB';

export default defineConfig({
  // i18n: every user-facing string lives in locales/<lang>.yml; a translation is one file.
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  imports: false,
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // scripting: the ClickUp script on a team's own ClickUp domain, added at run time.
    // alarms: the sync pull every minute, and the team's published templates every 15 minutes.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms'],
    optional_host_permissions: ['https://*/*'],
    // The panel frame opens IndexedDB inside the host's tab. Chromium gives an extension frame
    // its own unpartitioned storage only where the extension holds host permission for the
    // top-level site; without it the panel would see an empty, per-site copy of the drafts.
    host_permissions: ALL_HOST_MATCHES,
    // The panel is an extension page framed into host pages, which include white-label ClickUp
    // domains known only at run time, so any https page may load it. It shows nothing unless
    // Baton's own dock made the frame (entrypoints/background/dock-handlers.ts). Chromium's
    // fixed extension id would let any site probe for Baton by loading the page: there it is
    // reachable only at a per-session address (use_dynamic_url). Firefox already gives each
    // install its own random moz-extension:// address and does not know the key.
    web_accessible_resources: [
      { resources: ['panel.html'], matches: ['https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    // WXT lists public/icon/<size>.png as the store icons; the toolbar button names its own.
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 (Android 142) first reads data_collection_permissions, which AMO requires.
            gecko: { id: 'baton@baton.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          key: CHROME_KEY,
          // What an administrator may set through Chrome enterprise policy (lib/managed-policy.ts).
          // Firefox reads the same keys from policies.json "3rdparty" and takes no schema.
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
  zip: {
    // The sources zip AMO rebuilds the Firefox build from (`npm ci && npx wxt build -b firefox --mv3`):
    // every file the build reads, and no tests, fixtures or scripts it does not.
    includeSources: [
      'README.md', 'package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts',
      'assets/**', 'components/**', 'entrypoints/**', 'lib/**', 'public/**',
    ],
  },
  // Chromium refuses an extension holding U+FFFF (Dexie's max-key constant once minified):
  // emit ASCII only. Vite 8 bundles with rolldown, which ignores esbuild.charset.
  vite: () => ({
    build: {
      rolldownOptions: {
        output: {
          charset: 'ascii',
          // React DOM in a chunk of its own, so web-ext lint can skip exactly this third-party file
          // (its dangerouslySetInnerHTML support trips UNSAFE_VAR_ASSIGNMENT; Baton never uses it).
          codeSplitting: { groups: [{ name: 'react-dom', test: /node_modules[\\/]react-dom[\\/]/ }] },
        },
      },
    },
  }),
});
