/**
 * The walk: one pass over the oxc (ESTree) AST that records blocks and compare sites and
 * inserts counters with magic-string. The block rules are described in docs/blocks.md.
 *
 * Edit order matters where several insertions share an offset. A node's own edits are made
 * before its children's; text at a node's start uses `appendRight` (so outer text comes
 * first) and text at its end uses `prependLeft` (so inner text comes first).
 */
import { COMPARE_OPS, SITE_SWITCH } from '../abi/table.js';
import type { EditBuffer } from './edits.js';
import { hitExpressionOpen, hitStatement, lazyInit } from './emit.js';
import type { LineIndex } from './lines.js';
import { caseLiteral, CONTROL_STATEMENTS, endsRun, hasEdits, isAnonymousFunction, isLiteralOperand, isTypeOnly, literalValue, skipNode, TYPE_KEYS } from './nodes.js';
import type { Node } from './nodes.js';

/** At most this many literals go into the table's dictionary. */
const MAX_LITERALS = 1000;

/** Result of a walk. */
export interface WalkResult {
  blocks: number[];
  sites: number[];
  cases: Record<string, Array<string | number>>;
  literals: Array<string | number>;
  /** The file has compare sites (it uses the `l`/`r` hooks). */
  usesCompare: boolean;
  usesResume: boolean;
  usesSwitch: boolean;
  sawDecorator: boolean;
}

/** Walks a program and records its edits in `ms`. */
export class Walker {
  private readonly blocks: number[] = [];
  private readonly sites: number[] = [];
  private readonly cases: Record<string, Array<string | number>> = {};
  private readonly literals = new Set<string | number>();
  private usesResume = false;
  private usesSwitch = false;
  private sawDecorator = false;

  private usesCompare = false;
  /** Offsets where an expression statement starts (see `compare`). */
  private readonly statementStarts = new Set<number>();

  /** Top-level function declarations of an ES module: they get the lazy-init guard. */
  private readonly guarded = new Set<Node>();

  constructor(
    private readonly ms: EditBuffer,
    private readonly lines: LineIndex,
    private readonly P: string,
    /** ES module: guard hoisted functions against calls before the module body runs. */
    private readonly lazy = false,
    /** The source text, to see whether a function mentions `arguments`. */
    private readonly source = '',
  ) {}

  /** Walks the program body (after its directives). */
  program(program: Node): WalkResult {
    const body = program.body as Node[];
    if (this.lazy) {
      for (const s of body) {
        const d = s.type.startsWith('Export') && s.declaration ? s.declaration : s;
        if (d.type === 'FunctionDeclaration' && d.body) this.guarded.add(d);
      }
    }
    if (body.some((s) => typeof s.directive !== 'string')) this.statements(body, program.end);
    return {
      blocks: this.blocks,
      sites: this.sites,
      cases: this.cases,
      literals: [...this.literals],
      usesCompare: this.usesCompare,
      usesResume: this.usesResume,
      usesSwitch: this.usesSwitch,
      sawDecorator: this.sawDecorator,
    };
  }

  private newBlock(start: number, end: number, statements: number): number {
    const [sl, sc] = this.lines.position(start);
    const [el, ec] = this.lines.position(end);
    this.blocks.push(sl, sc, el, ec, statements);
    return this.blocks.length / 5 - 1;
  }

  private setBlockEnd(id: number, end: number, statements: number): void {
    const [el, ec] = this.lines.position(end);
    this.blocks[id * 5 + 2] = el;
    this.blocks[id * 5 + 3] = ec;
    this.blocks[id * 5 + 4] = statements;
  }

  private newSite(node: Node, kind: number, constMask: number): number {
    const [sl, sc] = this.lines.position(node.start);
    const [el, ec] = this.lines.position(node.end);
    this.sites.push(sl, sc, el, ec, kind, constMask);
    return this.sites.length / 6 - 1;
  }

  /**
   * A statement list that starts a block: counters go before its first statement (after any
   * directives) and before each statement that follows one that ends a run. `emptyAt` is
   * where the counter goes when the list holds no statement.
   */
  private statements(list: Node[], emptyAt: number): void {
    let current = -1;
    let count = 0;
    let needNew = true;
    let made = false;
    for (const stmt of list) {
      if (typeof stmt.directive === 'string' && !made) continue;
      if (stmt.type === 'ExpressionStatement') this.statementStarts.add(stmt.start);
      if (needNew) {
        current = this.newBlock(stmt.start, stmt.end, 0);
        this.ms.appendRight(stmt.start, hitStatement(this.P, current));
        needNew = false;
        made = true;
        count = 0;
      }
      if (!isTypeOnly(stmt)) count++;
      this.setBlockEnd(current, stmt.end, count);
      this.statement(stmt);
      if (endsRun(stmt)) needNew = true;
    }
    if (!made) {
      const id = this.newBlock(emptyAt, emptyAt, 0);
      this.ms.appendRight(emptyAt, hitStatement(this.P, id));
    }
  }

  /** The body of an if arm, loop or `with`: a block of its own, braced when needed. */
  private arm(stmt: Node): void {
    if (stmt.type === 'BlockStatement') return this.statements(stmt.body, stmt.end - 1);
    // A sloppy-mode function declaration as an if body must stay unbraced (Annex B).
    if (stmt.type === 'FunctionDeclaration') return this.statement(stmt);
    this.ms.appendRight(stmt.start, '{');
    this.ms.prependLeft(stmt.end, '}');
    this.statements([stmt], stmt.end);
  }

  /** Wraps `expr` as `(hit, expr)`: a block that starts when `expr` is evaluated. */
  private wrap(expr: Node): void {
    const id = this.newBlock(expr.start, expr.end, 0);
    this.ms.appendRight(expr.start, hitExpressionOpen(this.P, id));
    this.ms.prependLeft(expr.end, ')');
  }

  /** A value in a naming position: wrapped unless it is an anonymous function or class. */
  private namedValue(value: Node, nameable: boolean): void {
    if (!(nameable && isAnonymousFunction(value))) this.wrap(value);
    this.visit(value);
  }

  private statement(s: Node): void {
    switch (s.type) {
      case 'IfStatement':
        return this.ifStatement(s);
      case 'ForStatement':
        this.visit(s.init);
        this.visit(s.test);
        this.visit(s.update);
        return this.arm(s.body);
      case 'ForInStatement':
      case 'ForOfStatement':
        this.visit(s.left);
        this.visit(s.right);
        return this.arm(s.body);
      case 'WhileStatement':
        this.visit(s.test);
        return this.arm(s.body);
      case 'DoWhileStatement':
        this.arm(s.body);
        return this.visit(s.test);
      case 'WithStatement':
        // Nothing inside a `with` body is instrumented: our names would be looked up on
        // the object (its `has` trap and getters would see them).
        return this.visit(s.object);
      case 'SwitchStatement':
        return this.switchStatement(s);
      case 'TryStatement':
        this.statements(s.block.body, s.block.end - 1);
        if (s.handler) {
          this.visit(s.handler.param);
          this.statements(s.handler.body.body, s.handler.body.end - 1);
        }
        if (s.finalizer) this.statements(s.finalizer.body, s.finalizer.end - 1);
        return;
      case 'BlockStatement':
        return this.statements(s.body, s.end - 1);
      case 'LabeledStatement':
        return this.statement(s.body);
      case 'TSModuleDeclaration':
        if (s.declare || !s.body) return;
        if (s.body.type === 'TSModuleBlock') return this.statements(s.body.body, s.body.end - 1);
        return this.statement(s.body);
      case 'ImportDeclaration':
      case 'TSImportEqualsDeclaration':
        return;
      default:
        return this.visit(s); // not a control statement, so `visit` does not come back here
    }
  }

  private ifStatement(s: Node): void {
    this.visit(s.test);
    if (!s.alternate) {
      // The not-taken path gets a synthetic else. It is inserted before the arm so that the
      // arm's closing brace (prepended later at the same offset) lands in front of it.
      const id = this.newBlock(s.test.start, s.test.end, 0);
      this.ms.prependLeft(s.consequent.end, ` else {${hitStatement(this.P, id)}}`);
    }
    this.arm(s.consequent);
    if (s.alternate) this.arm(s.alternate);
  }

  private switchStatement(s: Node): void {
    const d = s.discriminant as Node;
    const site = this.newSite(d, SITE_SWITCH, 0);
    this.usesSwitch = true;
    this.ms.appendRight(d.start, `${this.P}w(`);
    this.ms.prependLeft(d.end, `, ${site})`);
    this.visit(d);
    const cases = s.cases as Node[];
    const values: Array<string | number> = [];
    for (const c of cases) {
      const v = c.test ? caseLiteral(c.test) : undefined;
      if (v !== undefined) values.push(v);
    }
    if (values.length > 0) this.cases[String(site)] = values;
    if (!cases.some((c) => c.test === null)) {
      // Only chosen when no case matches, so putting it first keeps fallthrough intact.
      const id = this.newBlock(d.start, d.end, 0);
      const at = cases.length > 0 ? cases[0]!.start : s.end - 1;
      this.ms.appendRight(at, `default: ${hitStatement(this.P, id)} break; `);
    }
    for (const c of cases) {
      this.visit(c.test);
      this.statements(c.consequent, c.end);
    }
  }

  private func(f: Node): void {
    if (f.decorators?.length) this.sawDecorator = true;
    const body = f.body as Node | null;
    const blockBody = !!body && (body.type === 'BlockStatement' || body.type === 'FunctionBody');
    // Default parameter values are blocks. Where the function has its own `arguments`, the
    // counter goes into the body (`arguments[i] === undefined` is exactly when the default
    // ran), so the parameter list reads the same in Function.prototype.toString; arrows and
    // generators (whose bodies start late) keep it in the parameter list.
    const inBody = blockBody && f.type !== 'ArrowFunctionExpression' && !f.generator &&
      !/\barguments\b/.test(this.source.slice(f.start, f.end));
    const defaults: string[] = [];
    (f.params as Node[]).forEach((p, i) => {
      if (!inBody || p.type !== 'AssignmentPattern') return this.visit(p);
      this.visit(p.left);
      const id = this.newBlock(p.right.start, p.right.end, 0);
      defaults.push(`(arguments.length <= ${i} || arguments[${i}] === undefined) && ${hitExpressionOpen(this.P, id)}0);`);
      this.visit(p.right);
    });
    if (!body) return; // overload signature or abstract member
    if (blockBody) {
      const first = (body.body as Node[]).find((s) => typeof s.directive !== 'string');
      const at = first ? first.start : body.end - 1;
      if (this.guarded.has(f)) this.ms.appendRight(at, lazyInit(this.P));
      if (defaults.length > 0) this.ms.appendRight(at, `;${defaults.join('')}`);
      return this.statements(body.body, body.end - 1);
    }
    this.wrap(body); // concise arrow body
    this.visit(body);
  }

  private classNode(c: Node): void {
    if (c.decorators?.length) this.sawDecorator = true;
    this.visit(c.superClass);
    for (const m of c.body.body as Node[]) {
      if (m.decorators?.length) this.sawDecorator = true;
      if (m.computed) this.visit(m.key);
      switch (m.type) {
        case 'MethodDefinition':
        case 'TSAbstractMethodDefinition':
          this.func(m.value);
          break;
        case 'PropertyDefinition':
        case 'AccessorProperty':
          if (m.value && !m.declare) this.namedValue(m.value, true);
          break;
        case 'StaticBlock':
          this.statements(m.body, m.end - 1);
          break;
      }
    }
  }

  /**
   * A compare site. The comparison itself always stays inline, in the user's frame, so
   * `valueOf`/`toString` of an operand run with the same callers and stack as before.
   * Operands whose text gets no edits of its own are written twice, and only one copy
   * runs: `(Pt[1] === 0 ? L op R : Pl(L, k) op Pr(R, k))`, so a comparison costs one flag
   * check while no task traces them. Other operands are passed through `Pl`/`Pr`, which
   * hand them to the runtime while a task traces comparisons and return them unchanged.
   */
  private compare(e: Node, op: number): void {
    const mask = (isLiteralOperand(e.left) ? 1 : 0) | (isLiteralOperand(e.right) ? 2 : 0);
    const site = this.newSite(e, op, mask);
    const P = this.P;
    this.usesCompare = true;
    if (!hasEdits(e.left) && !hasEdits(e.right)) {
      const l = this.source.slice(e.left.start, e.left.end);
      const r = this.source.slice(e.right.start, e.right.end);
      // At the start of an expression statement, a `(` would continue the previous line.
      const semi = this.statementStarts.has(e.start) ? ';' : '';
      this.ms.appendRight(e.start, `${semi}(${P}t[1] === 0 ? `);
      this.ms.prependLeft(e.end, ` : ${P}l(${l}, ${site}) ${COMPARE_OPS[op]} ${P}r(${r}, ${site}))`);
    } else {
      this.ms.appendRight(e.left.start, `${P}l(`);
      this.ms.prependLeft(e.left.end, `, ${site})`);
      this.ms.appendRight(e.right.start, `${P}r(`);
      this.ms.prependLeft(e.right.end, `, ${site})`);
    }
    this.visit(e.left);
    this.visit(e.right);
  }

  /** Visits any node: statements reached through generic children, expressions, patterns. */
  private visit(n: Node | null | undefined): void {
    if (!n) return;
    switch (n.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return this.func(n);
      case 'ClassDeclaration':
      case 'ClassExpression':
        return this.classNode(n);
      case 'Literal': {
        const v = literalValue(n);
        if (v !== undefined && this.literals.size < MAX_LITERALS) this.literals.add(v);
        return;
      }
      case 'LogicalExpression':
        this.visit(n.left);
        this.wrap(n.right);
        return this.visit(n.right);
      case 'ConditionalExpression':
        this.visit(n.test);
        this.wrap(n.consequent);
        this.visit(n.consequent);
        this.wrap(n.alternate);
        return this.visit(n.alternate);
      case 'BinaryExpression': {
        const op = (COMPARE_OPS as readonly string[]).indexOf(n.operator);
        if (op >= 0) return this.compare(n, op);
        break;
      }
      case 'AssignmentExpression':
        if (n.operator === '||=' || n.operator === '&&=' || n.operator === '??=') {
          this.visit(n.left);
          return this.namedValue(n.right, n.left.type === 'Identifier');
        }
        break;
      case 'AssignmentPattern':
        this.visit(n.left);
        return this.namedValue(n.right, n.left.type === 'Identifier');
      case 'AwaitExpression':
      case 'YieldExpression': {
        const id = this.newBlock(n.start, n.end, 0);
        this.usesResume = true;
        this.ms.appendRight(n.start, `${this.P}a(`);
        this.ms.prependLeft(n.end, `, ${id})`);
        return this.visit(n.argument);
      }
      case 'MemberExpression':
        this.visit(n.object);
        if (n.computed && n.optional) this.wrap(n.property);
        return this.visit(n.property);
      case 'CallExpression':
      case 'NewExpression': {
        this.visit(n.callee);
        const args = n.arguments as Node[];
        if (n.optional && args.length > 0 && args[0]!.type !== 'SpreadElement') this.wrap(args[0]!);
        for (const a of args) this.visit(a);
        return;
      }
      default:
        if (CONTROL_STATEMENTS.has(n.type)) return this.statement(n);
        if (skipNode(n)) return;
    }
    this.children(n);
  }

  /** Visits every child node of `n` in source order (skipping type annotations). */
  private children(n: Node): void {
    for (const key in n) {
      if (TYPE_KEYS.has(key)) {
        if (key === 'decorators' && (n[key] as unknown[] | undefined)?.length) this.sawDecorator = true;
        continue;
      }
      const v = n[key];
      if (v === null || typeof v !== 'object') continue;
      if (Array.isArray(v)) {
        for (const c of v) if (c !== null && typeof c === 'object' && typeof c.type === 'string') this.visit(c);
      } else if (typeof v.type === 'string') {
        this.visit(v);
      }
    }
  }
}
