import { asArray, isRecord } from '../../manifest/read';
import { ManifestObject } from '../../manifest-object';
import { formatLabels } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { gatewaySelector, GatewayWorkloads } from './private/gateway-workloads';

/** One host of one server: where it is written and what it conflicts on. */
interface ServerHost {
  readonly gateway: ManifestObject;
  readonly selector: Record<string, string>;
  readonly server: number;
  readonly port: number;
  readonly hosts: readonly string[];
}

/**
 * CI1042: two Gateways that configure the same gateway proxy have servers on the same port (and
 * `bind`) with a host in common (an error, as istioctl IST0145 ConflictingGateways; Kiali
 * KIA0301 warns).
 *
 * Istio merges every Gateway that selects a proxy into one listener per port; a server whose host
 * another Gateway's server already claims on that port is dropped ("duplicate host names"), so
 * one of the two never serves, and which one depends on creation order. Two Gateways configure a
 * common proxy when their selectors are equal, or when a known workload (a pod of the input, or a
 * declared installed gateway) carries the labels of both. Hosts are compared as written
 * (`ns/host` included), as istiod's merge does; protocols do not matter. Each conflicting server
 * is reported, naming the other Gateways. Servers without a port are CI0304's, and port names
 * within one Gateway CI0305's.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0145/
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export const ConflictingGateways = defineCheck({
  code: 'CI1042',
  name: 'ConflictingGateways',
  severity: Severity.ERROR,
  counterpart: 'IST0145 ConflictingGateways / KIA0301',
  catches: 'two Gateways that configure the same gateway proxy claim the same host on the same port',
  scope: 'mesh',
  evaluate({ model, report }) {
    if (model.gateways.length < 2) return;
    // index: port, bind and host -> the servers that claim it
    const claims = new Map<string, ServerHost[]>();
    for (const gateway of model.gateways) {
      const selector = gatewaySelector(gateway) ?? {};
      asArray(gateway.manifest.spec?.servers).forEach((server: unknown, i: number) => {
        if (!isRecord(server) || !isRecord(server.port) || typeof server.port.number !== 'number') return;
        const hosts = asArray(server.hosts).filter((h): h is string => typeof h === 'string');
        const entry: ServerHost = { gateway, selector, server: i, port: server.port.number, hosts };
        const bind = typeof server.bind === 'string' ? server.bind : '';
        for (const host of new Set(hosts)) push(claims, `${entry.port}\0${bind}\0${host}`, entry);
      });
    }
    const workloads = new GatewayWorkloads(model);
    // a server -> the other Gateways it conflicts with, and the hosts in common
    const conflicts = new Map<ServerHost, { others: Set<string>; hosts: Set<string> }>();
    for (const [key, entries] of claims) {
      if (new Set(entries.map((e) => e.gateway)).size < 2) continue;
      const host = key.split('\0')[2];
      for (const [a, others] of sharingProxies(entries, workloads)) {
        const c = conflicts.get(a) ?? { others: new Set<string>(), hosts: new Set<string>() };
        for (const b of others) c.others.add(`'${b.gateway.qualifiedName}'`);
        c.hosts.add(host);
        conflicts.set(a, c);
      }
    }
    for (const [a, c] of conflicts) {
      report(a.gateway, {
        field: `spec.servers[${a.server}]`,
        value: undefined,
        message: `Gateway '${a.gateway.qualifiedName}' conflicts with Gateway ${[...c.others].sort().join(', ')} on the proxies of selector ${formatLabels(a.selector)}: `
          + `both serve port ${a.port} for ${[...c.hosts].join(', ')}; Istio keeps one of the servers (the first created) and drops the other`,
        fix: 'put these hosts in one Gateway, or serve them on a different port or a different gateway workload (spec.selector), or remove the duplicate host from spec.servers[].hosts',
      });
    }
  },
});

/**
 * For the servers that claim one host on one port: each server -> the servers of other Gateways
 * that configure a proxy in common with it (equal selectors, or a workload both select). Linear
 * in the servers and the workloads their selectors pick (plus the conflicts found).
 */
function sharingProxies(entries: readonly ServerHost[], workloads: GatewayWorkloads): Map<ServerHost, ServerHost[]> {
  const bySelector = new Map<string, ServerHost[]>();
  for (const e of entries) push(bySelector, formatLabels(e.selector), e);
  // selectors that share a proxy with each selector (itself included)
  const sharing = new Map<string, Set<string>>([...bySelector.keys()].map((k) => [k, new Set([k])]));
  if (bySelector.size > 1) {
    const selectorsOf = new Map<unknown, string[]>();
    for (const [k, list] of bySelector) {
      const selected = workloads.select(list[0].selector);
      for (const w of selected) push(selectorsOf, w, k);
      // a Gateway without selector configures every gateway proxy
      if (selected.length > 0 && bySelector.has('{}')) push(selectorsOf, selected[0], '{}');
    }
    for (const keys of selectorsOf.values()) {
      for (const k of keys) for (const other of keys) sharing.get(k)!.add(other);
    }
  }
  const out = new Map<ServerHost, ServerHost[]>();
  for (const a of entries) {
    const others = [...sharing.get(formatLabels(a.selector))!].flatMap((k) => bySelector.get(k)!).filter((b) => b.gateway !== a.gateway);
    if (others.length > 0) out.set(a, others);
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
