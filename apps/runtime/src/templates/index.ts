/**
 * Templates and app export / import: the file format under `templates/<id>/` and of
 * `pnpm kiln app export`, and the services the CLI and `/api/templates` call.
 */
export type { DemoRecord, Template, TemplateInfo } from './catalog.js';
export type { FileTree } from './file-tree.js';
export type { ImportOptions } from './import-app.js';
export type { InstallOptions, InstallResult } from './install.js';
export { listTemplates, loadTemplate, TEMPLATES_DIR } from './catalog.js';
export { installTemplate, slugsForApp } from './install.js';
export { insertDemoData } from './demo-data.js';
export { exportApp, exportAppTo, EXPORT_FOLDERS, EXPORT_FORMAT } from './export-app.js';
export { importApp } from './import-app.js';
export { readFileTree, writeFileTree } from './file-tree.js';
export { canonical, canonicalJson, fromYaml, toYaml } from './yaml-files.js';
