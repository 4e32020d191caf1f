// Type-aware lint: floating promises and the import rule of docs/architecture.md.
// Import cycles are checked by dpdm in `npm run lint`.
import tseslint from 'typescript-eslint';

const pureStageImports = {
  changes: ['domain', 'changes'],
  classify: ['domain', 'classify'],
  route: ['domain', 'classify', 'route'],
  report: ['domain', 'report', 'ledger'],
  publish: ['domain', 'publish', 'github', 'secrets'],
  secrets: ['domain', 'secrets'],
};
const adapters = [
  '**/sqlite-*',
  '**/postgres-*',
  '**/openai-*',
  '**/anthropic-*',
  '**/octokit-*',
  '**/memory-queue*',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'test-artifacts/**',
      'bin/**',
      'eslint.config.js',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string-literal union.' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*'], message: 'domain/ imports nothing from the project.' }] },
      ],
    },
  },
  // Pure stages import only domain/ and their own folder (route also reads classify's glob helper).
  ...Object.entries(pureStageImports).map(([stage, allowed]) => ({
    files: [`src/${stage}/**/*.ts`],
    ignores: ['**/*.test.ts', '**/test-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(?!(${allowed.join('|')})/)[\\w-]+/`,
              message: `${stage}/ is a pure stage: it imports only ${allowed.join(', ')}.`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: [
      'src/worker/**/*.ts',
      'src/policy/**/*.ts',
      'src/review/**/*.ts',
      'src/publish/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: adapters,
              message: 'Stages use port interfaces; only composition roots build adapters.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
