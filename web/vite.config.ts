/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const punktAssets = path.join(here, 'node_modules/@oslokommune/punkt-assets/dist')

// Punkt loads its SVG icons at run time from Oslo's CDN. Voki is self-hosted and must work
// without outside network, so the icons are served from our own origin under /punkt-icons/.
function punktIcons(): Plugin {
  const iconDir = path.join(punktAssets, 'icons')
  return {
    name: 'voki-punkt-icons',
    configureServer(server) {
      server.middlewares.use('/punkt-icons', (req, res, next) => {
        const name = path.basename((req.url ?? '').split('?')[0])
        if (!name.endsWith('.svg')) return next()
        try {
          res.setHeader('Content-Type', 'image/svg+xml')
          res.end(readFileSync(path.join(iconDir, name)))
        } catch {
          next()
        }
      })
    },
    // punkt-css also names CDN icons in url(...) (select arrow, check mark): point them here too,
    // so that nothing is fetched from outside (the server's CSP would block it anyway).
    transform(code, id) {
      if (!id.includes('@oslokommune') || !code.includes('punkt-cdn.oslo.kommune.no')) return null
      return { code: code.replace(/https:\/\/punkt-cdn\.oslo\.kommune\.no\/[0-9.]+\/icons\//g, '/punkt-icons/'), map: null }
    },
    generateBundle() {
      for (const name of readdirSync(iconDir)) {
        if (!name.endsWith('.svg')) continue
        this.emitFile({ type: 'asset', fileName: `punkt-icons/${name}`, source: readFileSync(path.join(iconDir, name)) })
      }
    },
  }
}

export default defineConfig({
  plugins: [react(), punktIcons()],
  resolve: {
    alias: [
      // punkt-css refers to its fonts as ../fonts/, but they ship in punkt-assets.
      { find: /^\.\.\/fonts\/(.*)$/, replacement: path.join(punktAssets, 'fonts/$1') },
    ],
  },
  server: {
    proxy: { '/api': process.env.VOKI_API ?? 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    // Punkt's React bundle carries its web components (Lit) in one module; ~160 kB gzipped.
    chunkSizeWarningLimit: 700,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
