import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** A set of text files by relative path (always `/`-separated), e.g. `forms/orders.yaml`. */
export type FileTree = Record<string, string>;

const TEXT = /\.(ya?ml|json)$/;

/** Reads every `.yaml` / `.yml` / `.json` file under `dir` (recursively) into a FileTree. */
export function readFileTree(dir: string): FileTree {
  const out: FileTree = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (TEXT.test(name)) out[relative(dir, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/**
 * Writes a FileTree under `dir`. YAML files that a previous export left in the folders this
 * tree writes to (plus the `managed` folders), and that the tree no longer holds, are removed
 * so a re-export diffs cleanly.
 */
export function writeFileTree(dir: string, files: FileTree, managed: string[] = []): string[] {
  const folders = new Set([...managed, ...Object.keys(files).map((p) => dirname(p)).filter((d) => d !== '.')]);
  for (const folder of folders) {
    const abs = join(dir, folder);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs)) {
      const rel = `${folder}/${name}`;
      if (TEXT.test(name) && !(rel in files) && statSync(join(abs, name)).isFile()) rmSync(join(abs, name));
    }
  }
  const written: string[] = [];
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(dir, ...rel.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    written.push(rel);
  }
  return written;
}
