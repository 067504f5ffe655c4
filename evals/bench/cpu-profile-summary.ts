/** The parts of a V8 CPU profile (.cpuprofile) that self time needs. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string };
    children?: number[];
  }>;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTimeEntry {
  /** The function and its file; an anonymous function is named after the function that called it. */
  name: string;
  selfMs: number;
  /** Share of all sampled time, idle and garbage collection included. */
  share: number;
}

type ProfileNode = CpuProfile['nodes'][number];

/** Self time per function (summed over every call site), most first. Pure. */
export function topSelfTime(profile: CpuProfile, limit: number): SelfTimeEntry[] {
  const microsByNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the gap to the next one; the last sample gets none.
  samples.forEach((nodeId, index) => {
    microsByNode.set(nodeId, (microsByNode.get(nodeId) ?? 0) + (deltas[index + 1] ?? 0));
  });
  const parents = new Map<number, ProfileNode>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node);
  const microsByName = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const micros = microsByNode.get(node.id) ?? 0;
    total += micros;
    const name = nameOf(node, parents);
    microsByName.set(name, (microsByName.get(name) ?? 0) + micros);
  }
  return [...microsByName.entries()]
    .sort((left, right) => right[1] - left[1])
    .slice(0, limit)
    .map(([name, micros]) => ({
      name,
      selfMs: micros / 1000,
      share: total === 0 ? 0 : micros / total,
    }));
}

/** tsx compiles each file to one line, so line numbers say nothing: a closure is named by its caller instead. */
function nameOf(node: ProfileNode, parents: Map<number, ProfileNode>): string {
  const { functionName, url } = node.callFrame;
  const file = url
    .replace(/^.*\/node_modules\//, '')
    .replace(/^file:\/\/.*?\/(?=(?:core|ingest|server|evals)\/)/, '');
  if (!url) return functionName || '(anonymous)';
  if (functionName) return `${functionName} ${file}`;
  let parent = parents.get(node.id);
  while (parent && !parent.callFrame.functionName) parent = parents.get(parent.id);
  return `${parent?.callFrame.functionName ?? ''} › (anonymous) ${file}`;
}
