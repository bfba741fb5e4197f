import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const modulesDir = join(root, 'server/modules');
const contexts = readdirSync(modulesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

/** A snippet that reaches into the organisation's tables (built, so no scan mistakes it for one). */
const importOrgTables = `import { orgUnits } from '../organization/${'tables'}.js';\nexport const x = orgUnits;\n`;

/** The project's own lint configuration, on a snippet placed in a real file's path. */
let eslint: ESLint | null = null;
async function restrictedImports(path: string, code: string) {
  eslint ??= new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
}

// The first lint builds the TypeScript program behind the type-aware rules: seconds, more on a
// loaded machine, hence the generous timeout.
describe('context boundaries', { timeout: 120_000 }, () => {
  it("a context that imports another context's tables is refused by lint", async () => {
    const found = await restrictedImports('server/modules/goals/goals.service.ts', importOrgTables);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/front door/);
  });

  it("a context that imports another context's service is refused by lint", async () => {
    const found = await restrictedImports(
      'server/modules/documents/documents.service.ts',
      "import { listUnits } from '../organization/units.service.js';\nexport const x = listUnits;\n",
    );
    expect(found).toHaveLength(1);
  });

  it("another context's index.ts is the allowed way in", async () => {
    const found = await restrictedImports(
      'server/modules/documents/documents.service.ts',
      "import { unitName } from '../organization/index.js';\nexport const x = unitName;\n",
    );
    expect(found).toEqual([]);
  });

  it("a tables.ts may reference another context's tables for foreign keys, nothing else", async () => {
    const tables = await restrictedImports('server/modules/goals/tables.ts', importOrgTables);
    expect(tables).toEqual([]);
    const service = await restrictedImports(
      'server/modules/goals/tables.ts',
      "import { targetOf } from '../organization/units.service.js';\nexport const x = targetOf;\n",
    );
    expect(service).toHaveLength(1);
  });

  it('the platform imports no context', async () => {
    const found = await restrictedImports(
      'server/platform/lists.ts',
      "import { registry } from '../modules/registry.js';\nexport const x = registry;\n",
    );
    expect(found).toHaveLength(1);
  });

  it("no context reads another context's tables in raw SQL", () => {
    const tablesOf = new Map(
      contexts.map((c) => {
        const text = readFileSync(join(modulesDir, c, 'tables.ts'), 'utf8');
        return [c, [...text.matchAll(/pgTable\(\s*'([a-z_]+)'/g)].map((m) => m[1]!)];
      }),
    );
    const offences: string[] = [];
    for (const c of contexts) {
      for (const file of readdirSync(join(modulesDir, c))) {
        if (file === 'tables.ts' || !file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
        const text = readFileSync(join(modulesDir, c, file), 'utf8');
        for (const [other, names] of tablesOf) {
          if (other === c) continue;
          for (const name of names)
            if (new RegExp(`\\b(FROM|JOIN)\\s+"?${name}"?(\\s|\\)|$)`, 'i').test(text))
              offences.push(`${c}/${file} reads ${other}'s ${name}`);
        }
      }
    }
    expect(tablesOf.get('organization')).toContain('persons');
    expect(offences).toEqual([]);
  });
});
