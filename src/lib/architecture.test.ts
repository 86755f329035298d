/**
 * docs/ARCHITECTURE.md stays true: its folder tree names every folder under
 * src/lib, and no folder that is gone. The tree is read by indentation (two
 * spaces a level); description lines are indented past any folder name.
 * And files stay small: no source file outside tests over 500 lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesIn(path) : [relative(root, path)];
  });
}

function foldersIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return [relative(root, path), ...foldersIn(path)];
    });
}

/** The folder paths the tree in the document names, e.g. `src/lib/server/db`. */
function foldersInTree(markdown: string): string[] {
  const block = /## Folders\s+```\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!block) throw new Error('docs/ARCHITECTURE.md has no "## Folders" code block');
  const stack: string[] = [];
  const folders: string[] = [];
  for (const line of block.split('\n')) {
    const entry = /^( {0,20})([^\s/]+)\/(?:\s|$)/.exec(line);
    if (!entry) continue;
    const depth = (entry[1] ?? '').length / 2;
    if (!Number.isInteger(depth) || depth > stack.length) continue;
    stack.length = depth;
    stack.push(entry[2] ?? '');
    folders.push(stack.join('/'));
  }
  return folders;
}

describe('docs/ARCHITECTURE.md', () => {
  const tree = foldersInTree(readFileSync(join(root, 'docs', 'ARCHITECTURE.md'), 'utf8'));
  const actual = foldersIn(join(root, 'src', 'lib')).sort();

  it('names every folder under src/lib', () => {
    expect(actual.filter((folder) => !tree.includes(folder))).toEqual([]);
  });

  it('names no folder under src/lib that does not exist', () => {
    const listed = tree.filter((folder) => folder.startsWith('src/lib/'));
    expect(listed.filter((folder) => !actual.includes(folder))).toEqual([]);
  });

  it('reads nesting from indentation', () => {
    expect(
      foldersInTree(
        '## Folders\n\n```\nsrc/\n  lib/          x\n    a/     y\n                z/ not a folder\n  b/\n```\n'
      )
    ).toEqual(['src', 'src/lib', 'src/lib/a', 'src/b']);
  });
});

describe('source files', () => {
  it('are at most 500 lines each, tests and test helpers aside', () => {
    const tooLong = filesIn(join(root, 'src'))
      .filter((file) => /\.(ts|js|svelte)$/.test(file) && !/\.test\.ts$/.test(file) && !file.includes('/testing/'))
      .map((file) => ({ file, lines: readFileSync(join(root, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 500);
    expect(tooLong).toEqual([]);
  });
});
