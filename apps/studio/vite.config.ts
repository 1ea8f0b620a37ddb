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
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'formily', test: /node_modules[\\/]@formily[\\/]/ },
            { name: 'dnd', test: /node_modules[\\/]@dnd-kit[\\/]/ },
            { name: 'codemirror', test: /node_modules[\\/](@codemirror|@lezer|style-mod|w3c-keyname|crelt|acorn|acorn-walk)[\\/]/ },
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
