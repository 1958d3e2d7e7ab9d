import { asArray, isRecord } from '../../manifest/read';
import { toFqdn } from '../../model/hosts';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** `host 'reviews' subset 'v1' port 9080`, for messages. */
function describe(d: Record<string, any>): string {
  const subset = typeof d.subset === 'string' && d.subset !== '' ? ` subset '${d.subset}'` : ' (no subset)';
  const port = d.port?.number !== undefined ? ` port ${d.port.number}` : '';
  return `host '${d.host}'${subset}${port}`;
}

/**
 * CI1022: a route splits traffic between destinations of which two (or all) are the same host,
 * subset and port (warning).
 *
 * The shares then go to the same pods: a split whose destinations are all one subset does
 * nothing (a canary that never receives traffic, as when `v2` was meant), and a repeated
 * destination in a larger split moves its weight to the wrong version. Hosts are compared as
 * Istio reads them (a short name is its FQDN in the VirtualService's namespace). Istio accepts
 * it; a warning, as Kiali's KIA1105.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRouteDestination
 */
export const DuplicateSplitDestination = defineCheck({
  code: 'CI1022',
  name: 'DuplicateSplitDestination',
  severity: Severity.WARNING,
  counterpart: 'KIA1105',
  catches: 'a weighted split names the same host, subset and port twice (or only one subset), so the shares reach the same pods',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      for (const kind of ['http', 'tcp', 'tls']) {
        asArray(vs.manifest.spec?.[kind]).forEach((route: unknown, i: number) => {
          if (!isRecord(route)) return;
          const destinations = asArray(route.route);
          if (destinations.length < 2) return;
          const first = new Map<string, number>();
          const keys = destinations.map((d: any, j: number) => {
            const dest = d?.destination;
            if (!isRecord(dest) || typeof dest.host !== 'string' || dest.host === '') return undefined;
            const key = JSON.stringify([toFqdn(dest.host, vs.namespace), typeof dest.subset === 'string' ? dest.subset : '', dest.port?.number ?? null]);
            if (!first.has(key)) first.set(key, j);
            return key;
          });
          const all = keys.every((k) => k !== undefined && k === keys[0]);
          keys.forEach((key, j) => {
            if (key === undefined || first.get(key) === j) return;
            const at = first.get(key)!;
            const dest = (destinations[j] as any).destination;
            report(vs, {
              field: `spec.${kind}[${i}].route[${j}].destination`, value: undefined,
              message: all
                ? `every destination of the split in ${kind}[${i}] is ${describe(dest)}, so the split sends all traffic to the same pods`
                : `destination ${kind}[${i}].route[${j}] repeats ${describe(dest)} of route[${at}], so both shares reach the same pods`,
              fix: all
                ? 'name the subsets the split is meant for (e.g. v1 and v2), or keep one destination without weight'
                : `name another subset here, or merge its weight into route[${at}]`,
            });
          });
        });
      }
    }
  },
});
