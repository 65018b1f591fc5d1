/**
 * Questions about AST nodes that the walk asks: what ends a run of statements, what is a
 * literal, what is an anonymous function (a value that takes its name from its position).
 */

/** An oxc ESTree node. The walk reads fields by name, so it is typed loosely on purpose. */
export interface Node {
  type: string;
  start: number;
  end: number;
  [field: string]: any;
}

/** Statements with their own handling in the walk (control flow and TypeScript namespaces). */
export const CONTROL_STATEMENTS: ReadonlySet<string> = new Set([
  'IfStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement',
  'WithStatement', 'SwitchStatement', 'TryStatement', 'BlockStatement', 'LabeledStatement',
  'TSModuleDeclaration', 'ImportDeclaration', 'TSImportEqualsDeclaration',
]);

/** Statements after which a new block starts: they jump, or they hold blocks of their own. */
const RUN_ENDERS: ReadonlySet<string> = new Set([
  'IfStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement',
  'WithStatement', 'SwitchStatement', 'TryStatement', 'BlockStatement', 'LabeledStatement',
  'ReturnStatement', 'ThrowStatement', 'BreakStatement', 'ContinueStatement',
]);

/** Fields that hold types or decorators: never walked (decorators may be moved by the transform). */
export const TYPE_KEYS: ReadonlySet<string> = new Set([
  'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'decorators', 'implements',
]);

/** TypeScript nodes that hold run-time code the walk descends into; other TS nodes are skipped. */
const TS_CODE: ReadonlySet<string> = new Set([
  'TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression',
  'TSParameterProperty', 'TSExportAssignment',
]);

/** Whether the walk must not descend into `n` (types, enums, ambient declarations). */
export function skipNode(n: Node): boolean {
  if (n.declare === true) return true;
  return n.type.startsWith('TS') && !TS_CODE.has(n.type);
}

/** Whether a new block starts after statement `s`. */
export function endsRun(s: Node): boolean {
  if ((s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration) s = s.declaration;
  if (s.type === 'TSModuleDeclaration') return !s.declare;
  return RUN_ENDERS.has(s.type);
}

/** Whether `s` disappears when types are stripped (it does not count as a statement). */
export function isTypeOnly(s: Node): boolean {
  if (s.importKind === 'type' || s.exportKind === 'type' || s.declare === true) return true;
  if (s.type === 'ExportNamedDeclaration' && s.declaration) return isTypeOnly(s.declaration);
  return s.type === 'TSInterfaceDeclaration' || s.type === 'TSTypeAliasDeclaration' || s.type === 'TSDeclareFunction';
}

/** Strips parentheses and TypeScript-only wrappers that vanish at run time. */
function unwrap(n: Node): Node {
  while (n.type === 'ParenthesizedExpression' || (n.type.startsWith('TS') && TS_CODE.has(n.type) && n.expression)) n = n.expression;
  return n;
}

/**
 * Whether `n` is an anonymous function or class definition: in a naming position it gets
 * its name from the binding, and a sequence around it would lose that name.
 */
export function isAnonymousFunction(n: Node): boolean {
  n = unwrap(n);
  if (n.type === 'ArrowFunctionExpression') return true;
  return (n.type === 'FunctionExpression' || n.type === 'ClassExpression') && !n.id;
}

/** A string (1..64 chars) or finite number literal, for the fuzzing dictionary. */
export function literalValue(n: Node): string | number | undefined {
  const v: unknown = n.value;
  if (typeof v === 'string') return v.length >= 1 && v.length <= 64 ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return undefined;
}

/** Whether a compare operand is a literal: number, string, `-number`, or a template without expressions. */
export function isLiteralOperand(n: Node): boolean {
  return caseLiteral(n) !== undefined;
}

/** The value of a number/string literal (also `-number` and plain templates), else undefined. */
export function caseLiteral(n: Node): string | number | undefined {
  n = unwrap(n);
  if (n.type === 'Literal' && (typeof n.value === 'string' || typeof n.value === 'number')) return n.value;
  if (n.type === 'UnaryExpression' && n.operator === '-') {
    const arg = unwrap(n.argument);
    if (arg.type === 'Literal' && typeof arg.value === 'number') return -arg.value;
  }
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) {
    const cooked: unknown = n.quasis[0]?.value?.cooked;
    if (typeof cooked === 'string') return cooked;
  }
  return undefined;
}

const EDITED = new Set([
  'FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassDeclaration', 'ClassExpression',
  'LogicalExpression', 'ConditionalExpression', 'AssignmentPattern', 'AwaitExpression', 'YieldExpression',
  'ChainExpression', 'SwitchStatement',
]);
const COMPARE_OPERATORS = new Set(['===', '!==', '==', '!=', '<', '<=', '>', '>=']);

/**
 * Whether the walk would edit any text inside `n` (a block, a compare site, a resumption
 * point...). Conservative: it may say yes for a subtree that ends up unedited.
 */
export function hasEdits(n: Node): boolean {
  if (EDITED.has(n.type) || CONTROL_STATEMENTS.has(n.type)) return true;
  if (n.type === 'BinaryExpression' && COMPARE_OPERATORS.has(n.operator as string)) return true;
  if (n.type === 'AssignmentExpression' && n.operator !== '=') return true;
  if (n.optional === true) return true;
  for (const key in n) {
    if (TYPE_KEYS.has(key)) continue;
    const v = n[key];
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const c of v) if (c !== null && typeof c === 'object' && typeof c.type === 'string' && hasEdits(c)) return true;
    } else if (typeof v.type === 'string' && hasEdits(v)) return true;
  }
  return false;
}
