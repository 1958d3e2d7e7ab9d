/**
 * The public API is documented: every exported declaration under lib/ (outside private/ folders
 * and `_`-prefixed or `@internal` members) has a doc comment, and every optional property of an
 * exported interface says its `@default`. Every exported class, interface, enum and function
 * declaration also carries a `@see` tag pointing to the relevant reference (Istio, Kiali or cdk8s docs).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { REPO_ROOT } from './util/tree';

function libFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'private' ? [] : libFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const jsDocOf = (node: ts.Node): ts.JSDoc[] => ((node as any).jsDoc ?? []) as ts.JSDoc[];
const isInternal = (node: ts.Node, name: string) =>
  name.startsWith('_') || jsDocOf(node).some((d) => (d.tags ?? []).some((t) => t.tagName.text === 'internal'));
const hasTag = (node: ts.Node, tag: string) => jsDocOf(node).some((d) => (d.tags ?? []).some((t) => t.tagName.text === tag));
const needsSee = (node: ts.Node) =>
  ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isEnumDeclaration(node) || ts.isFunctionDeclaration(node);
const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

function problemsOf(file: string): string[] {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const rel = path.relative(REPO_ROOT, file);
  const out: string[] = [];
  const where = (n: ts.Node) => `${rel}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  for (const stmt of src.statements) {
    if (!isExported(stmt) || ts.isExportDeclaration(stmt)) continue;
    const names = ts.isVariableStatement(stmt)
      ? stmt.declarationList.declarations.map((d) => d.name.getText())
      : [(stmt as any).name?.getText() ?? '(anonymous)'];
    if (names.every((n) => isInternal(stmt, n))) continue;
    if (jsDocOf(stmt).length === 0) out.push(`${where(stmt)} ${names.join(', ')}: no doc comment`);
    else if (needsSee(stmt) && !hasTag(stmt, 'see')) out.push(`${where(stmt)} ${names.join(', ')}: no @see`);
    if (ts.isInterfaceDeclaration(stmt)) {
      for (const m of stmt.members) {
        const name = m.name?.getText() ?? '';
        if (isInternal(m, name)) continue;
        const docs = jsDocOf(m);
        if (docs.length === 0) out.push(`${where(m)} ${stmt.name.text}.${name}: no doc comment`);
        else if (m.questionToken && !docs.some((d) => (d.tags ?? []).some((t) => t.tagName.text === 'default'))) {
          out.push(`${where(m)} ${stmt.name.text}.${name}: optional without @default`);
        }
      }
    }
    if (ts.isClassDeclaration(stmt)) {
      for (const m of stmt.members) {
        const name = (m as any).name?.getText() ?? '';
        const mods = ts.canHaveModifiers(m) ? ts.getModifiers(m) ?? [] : [];
        const hidden = mods.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword)
          || ts.isConstructorDeclaration(m) || ts.isPropertyDeclaration(m) && (m.name as any).kind === ts.SyntaxKind.PrivateIdentifier;
        if (hidden || !name || isInternal(m, name)) continue;
        if (jsDocOf(m).length === 0) out.push(`${where(m)} ${stmt.name?.text}.${name}: no doc comment`);
      }
    }
  }
  return out;
}

test('every exported symbol of lib/ is documented, with @default on optional props and @see on declarations', () => {
  const problems = libFiles(path.join(REPO_ROOT, 'lib')).sort().flatMap(problemsOf);
  expect(problems).toEqual([]);
});
