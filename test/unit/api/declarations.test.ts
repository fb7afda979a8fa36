// The public types other extensions copy (src/api/vgs-aliases.d.ts) and the implementation cannot drift:
// the type checks below stop the compile when they do, and the tests check that the file stands alone
// (the project's own compile skips .d.ts files) and declares types only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import type { createApi } from '../../../src/api';
import type { ApiErrorCode } from '../../../src/api/errors';
import type {
  VgsAliasDescription,
  VgsAliasesErrorCode,
  VgsAliasesExports,
  VgsAliasFormat,
  VgsStorage,
  VgsVault,
} from '../../../src/api/vgs-aliases';
import type { TestingApi } from '../../testing-api/extension';
import type { MissingCredentialsError, UnknownVaultError } from '../../../src/vaults/errors';
import type { AliasFormat, RevealedRecord, Storage, VaultEnvironment, VgsErrorCode } from '../../../src/vgs';
import { repoRoot } from '../../harness/paths';

// True only for the same type both ways (not merely assignable one way).
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(proof: Same<A, B>): Same<A, B> => proof;
const assignable = <A, B>(proof: A extends B ? true : false): boolean => proof;

// Every code the implementation throws, and no other, is in the .d.ts.
same<VgsAliasesErrorCode, VgsErrorCode | ApiErrorCode | UnknownVaultError['code'] | MissingCredentialsError['code']>(true);
same<VgsAliasFormat, AliasFormat>(true);
same<VgsStorage, Storage>(true);
same<VgsVault['environment'], VaultEnvironment>(true);
same<VgsAliasDescription['createdAt'], RevealedRecord['createdAt']>(true);
// What activate returns, in and out of the suite.
assignable<ReturnType<typeof createApi>['exports'], VgsAliasesExports>(true);
assignable<TestingApi, VgsAliasesExports>(true);

const DECLARATIONS = path.join(repoRoot, 'src', 'api', 'vgs-aliases.d.ts');

test('vgs-aliases.d.ts compiles on its own, strict, with nothing but VS Code types', () => {
  const program = ts.createProgram([DECLARATIONS], {
    strict: true,
    noEmit: true,
    lib: ['lib.es2022.d.ts'],
    types: ['vscode'],
    typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  assert.deepEqual(problems, []);
});

test('vgs-aliases.d.ts imports types from vscode only and declares types only (a copy brings no code)', () => {
  const source = ts.createSourceFile(DECLARATIONS, fs.readFileSync(DECLARATIONS, 'utf8'), ts.ScriptTarget.ES2022);
  const kinds = source.statements.map((statement) =>
    ts.isImportDeclaration(statement)
      ? `import${statement.importClause?.isTypeOnly ? ' type' : ''} from ${(statement.moduleSpecifier as ts.StringLiteral).text}`
      : ts.SyntaxKind[statement.kind],
  );
  assert.deepEqual(new Set(kinds), new Set(['import type from vscode', 'InterfaceDeclaration', 'TypeAliasDeclaration']));
});
