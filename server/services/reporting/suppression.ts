// The privacy rule (AVG) for results: which cells show nothing. Primary: every cell with fewer than 5 respondents.
// Complementary: no suppressed cell, and no set of them under 5 together, can be worked out from the equations
// between cells (parent = sum of its groups). Computed once per question (per grid item) and used by every output. Pure.
//
// Every cell not suppressed counts as known, printed or not (the rest of the country is national minus institution).
// Per equation (total = parts), repeated over all equations until nothing changes:
// - total not suppressed: either no part is suppressed, or at least two are and together they hold at least 5
//   respondents (otherwise the one, or the small set, follows from the total minus the rest);
// - total suppressed: the suppressed parts hold at least 5 respondents, or every part is suppressed. A suppressed
//   total is its shown parts plus its suppressed ones, so it protects a sibling in its parent's equation only as well
//   as its own suppressed parts do: with "two cells of 5 or more" alone, "sibling + the total's small part" can be
//   worked out (test/unit/suppression.test.ts shows the case; the attacker test found it in 317 of 1,000 generated
//   institutions, and none with this rule).
// Complementary cells are chosen deterministically: the smallest part that settles the equation on its own, else the
// smallest part (ties in the order the cells were given); the total only when no part is left.

export const MIN_RESPONDENTS = 5;

export interface SuppressionCell {
  id: string;
  /** Respondents the cell's figures rest on. */
  count: number;
  /** Suppressed by a pattern computed before, so that every institution's outputs agree on it (the national figures). */
  alreadySuppressed?: boolean;
}

/** total = sum of parts, in respondents. */
export interface Equation {
  total: string;
  parts: readonly string[];
}

export interface SuppressionProblem {
  cells: SuppressionCell[];
  equations: Equation[];
}

export interface SuppressionPattern {
  /** Every cell that shows no figure at all: primary, complementary and already suppressed. */
  suppressed: ReadonlySet<string>;
  /** Cells under the minimum. */
  primary: ReadonlySet<string>;
  /** Cells suppressed only so that others cannot be worked out. */
  complementary: ReadonlySet<string>;
  isShown(id: string): boolean;
}

/** The suppression pattern of one question; throws on an unknown cell or an equation whose counts do not add up. */
export function suppressionPattern({ cells, equations }: SuppressionProblem, minimum = MIN_RESPONDENTS): SuppressionPattern {
  const byId = new Map<string, { count: number; order: number }>();
  cells.forEach((c, order) => {
    if (byId.has(c.id)) throw new Error(`Cell "${c.id}" is given twice`);
    if (!Number.isInteger(c.count) || c.count < 0) throw new Error(`Cell "${c.id}" has count ${c.count}`);
    byId.set(c.id, { count: c.count, order });
  });
  const cell = (id: string) => {
    const c = byId.get(id);
    if (!c) throw new Error(`An equation names cell "${id}", which is not given`);
    return c;
  };
  for (const eq of equations) {
    const sum = eq.parts.reduce((s, id) => s + cell(id).count, 0);
    if (sum !== cell(eq.total).count) throw new Error(`Cell "${eq.total}" holds ${cell(eq.total).count}, its parts ${sum}`);
  }

  const primary = new Set(cells.filter((c) => c.count < minimum).map((c) => c.id));
  const suppressed = new Set([...primary, ...cells.filter((c) => c.alreadySuppressed).map((c) => c.id)]);
  const complementary = new Set<string>();
  const suppress = (id: string) => {
    suppressed.add(id);
    complementary.add(id);
  };

  /** Whether an equation gives nothing away with these of its parts suppressed. */
  const isSafe = (eq: Equation, parts: string[]): boolean => {
    const sum = parts.reduce((s, id) => s + cell(id).count, 0);
    if (!suppressed.has(eq.total)) return parts.length === 0 || (parts.length >= 2 && sum >= minimum);
    return sum >= minimum || parts.length === eq.parts.length;
  };

  /** Suppresses cells of one equation until it is safe; true when it changed anything. */
  const settle = (eq: Equation): boolean => {
    let changed = false;
    for (;;) {
      const parts = eq.parts.filter((id) => suppressed.has(id));
      if (isSafe(eq, parts)) return changed;
      const open = eq.parts.filter((id) => !suppressed.has(id)).sort((a, b) => cell(a).count - cell(b).count || cell(a).order - cell(b).order);
      suppress(open.length ? (open.find((id) => isSafe(eq, [...parts, id])) ?? open[0]!) : eq.total);
      changed = true;
    }
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of equations) if (settle(eq)) changed = true;
  }
  return { suppressed, primary, complementary, isShown: (id) => !suppressed.has(id) };
}

/** A group with its subgroups, as the label hierarchy (institution > label 1 > 2 > 3) or a flat breakdown gives it. */
export interface GroupNode {
  id: string;
  count: number;
  alreadySuppressed?: boolean;
  children?: GroupNode[];
}

/** The id of the remainder of a group whose subgroups hold fewer respondents than it (no label at the next level). */
export const remainderId = (id: string) => `${id}|rest`;

/**
 * The cells and equations of a tree of groups: each group with children is the sum of them, plus a remainder when the
 * children hold fewer respondents than the group. Outputs need not print a remainder, but it is a group of people that
 * subtraction reaches, so the pattern protects it like any other cell.
 */
export function treeProblem(root: GroupNode): SuppressionProblem {
  const cells: SuppressionCell[] = [];
  const equations: Equation[] = [];
  const walk = (node: GroupNode) => {
    cells.push({ id: node.id, count: node.count, ...(node.alreadySuppressed ? { alreadySuppressed: true } : {}) });
    if (!node.children?.length) return;
    const parts = node.children.map((c) => c.id);
    const rest = node.count - node.children.reduce((s, c) => s + c.count, 0);
    if (rest > 0) {
      cells.push({ id: remainderId(node.id), count: rest });
      parts.push(remainderId(node.id));
    }
    equations.push({ total: node.id, parts });
    node.children.forEach(walk);
  };
  walk(root);
  return { cells, equations };
}

/** Several problems over shared cells as one (the breakdowns of one institution share its cell); a shared cell must agree. */
export function combineProblems(...problems: SuppressionProblem[]): SuppressionProblem {
  const cells = new Map<string, SuppressionCell>();
  for (const c of problems.flatMap((p) => p.cells)) {
    const seen = cells.get(c.id);
    if (seen && (seen.count !== c.count || !!seen.alreadySuppressed !== !!c.alreadySuppressed)) throw new Error(`Cell "${c.id}" differs between breakdowns`);
    cells.set(c.id, seen ?? c);
  }
  return { cells: [...cells.values()], equations: problems.flatMap((p) => p.equations) };
}
