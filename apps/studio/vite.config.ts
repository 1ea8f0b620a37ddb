import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The studio is served by the runtime under `/studio/` (SPA fallback to index.html).
 * Routes are split with React.lazy; heavy vendors get their own chunks so none is huge.
 */
export default defineConfig({
  base: '/studio/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // use-sync-external-store is react-i18next's (and xyflow's) shim: kept with React so the
            // xyflow group below does not pull it into the canvas chunk, which every page would load.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|use-sync-external-store)[\\/]/ },
            { name: 'formily', test: /node_modules[\\/]@formily[\\/]/ },
            { name: 'dnd', test: /node_modules[\\/]@dnd-kit[\\/]/ },
            { name: 'codemirror', test: /node_modules[\\/](@codemirror|@lezer|style-mod|w3c-keyname|crelt|acorn|acorn-walk)[\\/]/ },
            // The flow designer's canvas: xyflow with its d3 helpers and its own zustand 4, plus dagre.
            { name: 'xyflow', test: /node_modules[\\/](@xyflow|@dagrejs|d3-[a-z-]+|classcat)[\\/]|[\\/]zustand@4[^\\/]*[\\/]/ },
            // Reports and dashboards: ECharts with its renderer (zrender), and the dashboard grid.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'grid-layout', test: /node_modules[\\/](react-grid-layout|react-draggable|react-resizable|fast-equals|resize-observer-polyfill)[\\/]/ },
            { name: 'rjsf', test: /node_modules[\\/](@rjsf|ajv|ajv-formats|ajv-i18n|lodash|lodash-es)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
