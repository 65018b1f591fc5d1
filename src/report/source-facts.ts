/**
 * What a report needs to know about a source file beyond its block table: line offsets,
 * functions (for istanbul's fnMap) and decisions (for its branchMap). Parsed with
 * oxc-parser; all offsets are UTF-16 code units, as in the block table.
 */
import { parseSync } from 'oxc-parser';

/** A half-open range of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A function of the source. */
export interface FunctionFact extends Span {
  name: string;
  /** The name (or the function's head when it has none). */
  decl: Span;
  /** The body (for an arrow with an expression body, that expression). */
  body: Span;
}

/** A decision with arms: if, conditional expression, logical chain, switch. */
export interface DecisionFact extends Span {
  /** istanbul branch type: 'if', 'cond-expr', 'binary-expr' or 'switch'. */
  type: 'if' | 'cond-expr' | 'binary-expr' | 'switch';
  /** The arms; `null` is an if's missing else. */
  arms: Array<Span | null>;
}

/** Facts about one parsed source. */
export interface SourceFacts {
  functions: FunctionFact[];
  decisions: DecisionFact[];
}

/** Line start offsets of a text (ECMAScript line terminators), index 0 is line 1. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
  }
  return starts;
}

type Node = { type: string; start: number; end: number; [key: string]: unknown };

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as Node).type === 'string' && typeof (v as Node).start === 'number';
}

function keyName(key: unknown): string | undefined {
  if (!isNode(key)) return undefined;
  if (key.type === 'Identifier' || key.type === 'PrivateIdentifier') return String(key.name);
  if (key.type === 'Literal') return String(key.value);
  return undefined;
}

/** The name a function gets from where it stands (declaration, variable, property, assignment). */
function functionName(fn: Node, parent: Node | undefined): string | undefined {
  const own = keyName(fn.id);
  if (own) return own;
  if (!parent) return undefined;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.init === fn ? keyName(parent.id) : undefined;
    case 'Property': case 'MethodDefinition': case 'PropertyDefinition':
      return parent.value === fn ? keyName(parent.key) : undefined;
    case 'AssignmentExpression': {
      const left = parent.left as Node;
      return left.type === 'MemberExpression' ? keyName(left.property) : keyName(left);
    }
    default:
      return undefined;
  }
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** The leaves of a chain of one logical operator, left to right. */
function logicalLeaves(n: Node, op: unknown, out: Span[]): Span[] {
  for (const side of [n.left, n.right] as Node[]) {
    if (side.type === 'LogicalExpression' && side.operator === op) logicalLeaves(side, op, out);
    else out.push({ start: side.start, end: side.end });
  }
  return out;
}

/**
 * Parses `text` (language from the file name's extension) and collects functions and
 * decisions. Returns undefined when the source does not parse.
 */
export function sourceFacts(fileName: string, text: string): SourceFacts | undefined {
  let program: unknown;
  try {
    const parsed = parseSync(fileName, text);
    if (parsed.errors.length > 0) return undefined;
    program = parsed.program;
  } catch {
    return undefined;
  }
  const functions: FunctionFact[] = [];
  const decisions: DecisionFact[] = [];
  const visit = (n: Node, parent: Node | undefined): void => {
    if (FUNCTION_TYPES.has(n.type) && isNode(n.body)) {
      const name = functionName(n, parent) ?? `(anonymous_${functions.length})`;
      const id = isNode(n.id) ? n.id : undefined;
      const body = n.body;
      functions.push({
        name, start: n.start, end: n.end, body: { start: body.start, end: body.end },
        decl: id ? { start: id.start, end: id.end } : { start: n.start, end: Math.min(n.end, body.start) },
      });
    } else if (n.type === 'IfStatement') {
      const alt = isNode(n.alternate) ? n.alternate : undefined;
      const cons = n.consequent as Node;
      decisions.push({ type: 'if', start: n.start, end: n.end, arms: [{ start: cons.start, end: cons.end }, alt ? { start: alt.start, end: alt.end } : null] });
    } else if (n.type === 'ConditionalExpression') {
      const [c, a] = [n.consequent as Node, n.alternate as Node];
      decisions.push({ type: 'cond-expr', start: n.start, end: n.end, arms: [{ start: c.start, end: c.end }, { start: a.start, end: a.end }] });
    } else if (n.type === 'LogicalExpression' && !(isNode(parent) && parent.type === 'LogicalExpression' && parent.operator === n.operator)) {
      decisions.push({ type: 'binary-expr', start: n.start, end: n.end, arms: logicalLeaves(n, n.operator, []) });
    } else if (n.type === 'SwitchStatement' && Array.isArray(n.cases) && n.cases.length > 0) {
      decisions.push({ type: 'switch', start: n.start, end: n.end, arms: (n.cases as Node[]).map((c) => ({ start: c.start, end: c.end })) });
    }
    for (const key of Object.keys(n)) {
      const v = n[key];
      if (Array.isArray(v)) {
        for (const c of v) if (isNode(c)) visit(c, n);
      } else if (isNode(v)) {
        visit(v, n);
      }
    }
  };
  if (isNode(program)) visit(program, undefined);
  return { functions, decisions };
}
