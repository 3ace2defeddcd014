import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The console is built into dist/console and served by the Functions app itself (functions/console.ts) under
 * /api/console/. Every asset is bundled (no CDN) and named by its content hash, so it can be cached for a year;
 * index.html is not cached. No inline script or style is emitted, so the page runs under a strict CSP.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/api/console/",
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: fileURLToPath(new URL("../dist/console", import.meta.url)),
    emptyOutDir: true,
    assetsDir: "assets",
    // Inlined assets would become data: URLs; keep every asset a hashed file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: "es2022",
    reportCompressedSize: false,
  },
});
