import { DependencyGraph } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * The constructs under `scope` (itself included) in the order of cdk8s's
 * `new DependencyGraph(scope.node).topology()`, in linear time.
 *
 * cdk8s's graph checks for a cycle on every edge it adds and walks shared dependencies once per
 * path, which costs far more than linear time when many objects depend on the same ones. This
 * builds the same graph (the same vertices, the same edges in the same order, dependencies outside
 * `scope` left out) and walks each vertex once: a vertex is listed only after all of its
 * dependencies, so skipping one already listed changes nothing in the order. On a dependency
 * cycle it lets cdk8s's graph throw its own error.
 *
 * @see https://cdk8s.io/docs/latest/basics/chart/#dependencies
 */
export function topology(scope: IConstruct): IConstruct[] {
  const all = scope.node.findAll();
  const index = new Map<IConstruct, number>();
  for (let i = 0; i < all.length; i++) index.set(all[i], i);
  const children: number[][] = all.map(() => []);
  const hasParent = new Array<boolean>(all.length).fill(false);
  for (let i = 0; i < all.length; i++) {
    for (const dep of all[i].node.dependencies) {
      const j = index.get(dep);
      if (j === undefined || children[i].includes(j)) continue; // outside the scope; or an edge already there (a Set in cdk8s)
      children[i].push(j);
      hasParent[j] = true;
    }
  }
  // the roots in the order of cdk8s's `Object.values` of vertices keyed by path: array-index-like
  // paths first, in numeric order, then the others in insertion order
  const roots: number[] = [];
  const numeric: Array<[number, number]> = [];
  for (let i = 0; i < all.length; i++) {
    if (hasParent[i]) continue;
    const p = all[i].node.path;
    if (/^(0|[1-9]\d*)$/.test(p) && Number(p) < 4294967295) numeric.push([Number(p), i]);
    else roots.push(i);
  }
  numeric.sort((a, b) => a[0] - b[0]);
  const order = [...numeric.map(([, i]) => i), ...roots];

  const state = new Uint8Array(all.length); // 0 new, 1 on the path, 2 listed
  const out: IConstruct[] = [];
  for (const root of order) {
    if (state[root] === 2) continue;
    // iterative depth-first walk: each frame is a vertex and the next child to visit
    const stack: Array<[number, number]> = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const [v, next] = frame;
      if (next < children[v].length) {
        frame[1]++;
        const c = children[v][next];
        if (state[c] === 2) continue;
        if (state[c] === 1) return new DependencyGraph(scope.node).topology(); // a cycle: cdk8s throws its error
        state[c] = 1;
        stack.push([c, 0]);
      } else {
        stack.pop();
        state[v] = 2;
        out.push(all[v]);
      }
    }
  }
  // vertices on a cycle that nothing outside it points to are no root: cdk8s throws for them too
  return out.length === all.length ? out : new DependencyGraph(scope.node).topology();
}
