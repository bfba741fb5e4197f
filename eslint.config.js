// Lint enforces the layer boundaries of ARCHITECTURE.md: domain/ is pure, web/ never imports server/,
// a server context reaches another only through its index.ts, and the platform imports no context.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** The server's bounded contexts: every folder of server/modules. */
const contexts = readdirSync(new URL('./server/modules/', import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

/**
 * Files of context `a` may import another context `b` only through `../b/index.js`; a `tables.ts`
 * may also import `../b/tables.js`, for foreign keys and nothing else.
 */
export function contextBoundary(a, { tables = false } = {}) {
  return {
    patterns: contexts
      .filter((b) => b !== a)
      .map((b) => ({
        group: [
          `../${b}/*`,
          `**/modules/${b}/*`,
          `!../${b}/index.js`,
          `!**/modules/${b}/index.js`,
          ...(tables ? [`!../${b}/tables.js`] : []),
        ],
        message: tables
          ? `A tables.ts reaches the ${b} context only through ../${b}/index.js, or ../${b}/tables.js for a foreign key.`
          : `Another context is reached only through its front door: import ../${b}/index.js, never its tables or services.`,
      })),
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'server/db/migrations/', '.test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'server/platform/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/require-await': 'off',
      // Off: with Drizzle's generic tables it flags casts that tsc itself requires.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/web/**'],
              message: 'domain/ is pure: it imports neither server/ nor web/.',
            },
            {
              group: [
                'drizzle-orm',
                'drizzle-orm/*',
                'fastify',
                '@fastify/*',
                'pg',
                '@electric-sql/*',
                'react',
                'node:*',
              ],
              message: 'domain/ has no I/O and no framework.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', 'drizzle-orm', 'drizzle-orm/*', 'fastify'],
              message: 'web/ never imports server code.',
            },
          ],
        },
      ],
    },
  },
  ...contexts.flatMap((a) => [
    {
      files: [`server/modules/${a}/**/*.ts`],
      ignores: [`server/modules/${a}/tables.ts`],
      rules: { 'no-restricted-imports': ['error', contextBoundary(a)] },
    },
    {
      files: [`server/modules/${a}/tables.ts`],
      rules: { 'no-restricted-imports': ['error', contextBoundary(a, { tables: true })] },
    },
  ]),
  {
    files: ['server/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**'],
              message: 'The platform imports no context; contexts declare themselves to it.',
            },
          ],
        },
      ],
    },
  },
);
