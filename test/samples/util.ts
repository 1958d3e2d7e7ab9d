/** Finds one rendered object by kind and name, failing the test when it is missing. */
export function objectOf(manifests: any[], kind: string, name: string): any {
  const found = manifests.filter((o) => o.kind === kind && o.metadata?.name === name);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind} '${name}', found ${found.length} among ${manifests.map((o) => `${o.kind}/${o.metadata?.name}`).join(', ')}`);
  }
  return found[0];
}

/** Every label key anywhere in the rendered objects (metadata, selectors, pod templates). */
export function allLabelKeys(manifests: any[]): string[] {
  const keys = new Set<string>();
  const walk = (v: any) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if ((k === 'labels' || k === 'matchLabels' || k === 'selector') && child && typeof child === 'object' && !Array.isArray(child)) {
          // Service selectors are label maps; a Deployment's `selector` nests `matchLabels`
          Object.entries(child).filter(([, value]) => typeof value === 'string').forEach(([key]) => keys.add(key));
        }
        walk(child);
      }
    }
  };
  walk(manifests);
  return [...keys].sort();
}

/**
 * The container security context every sample workload renders: hardened (no privilege
 * escalation, no capabilities, RuntimeDefault seccomp) without forcing a non-root user or a
 * read-only root filesystem, which the upstream images do not support.
 */
export const SAMPLE_CONTAINER_SECURITY_CONTEXT = {
  allowPrivilegeEscalation: false,
  privileged: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
  readOnlyRootFilesystem: false,
  runAsNonRoot: false,
};
