import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray } from '../../../manifest/read';
import { VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0104: a VirtualService without hosts is a delegate (another VirtualService hands it requests
 * with `delegate`), and Istio's webhook rejects a delegate with gateways (the root VirtualService
 * has them), TCP routes or TLS routes (only HTTP routes can be delegated).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Delegate
 */
export const InvalidDelegateVirtualService = defineCheck({
  code: 'CI0104',
  name: 'InvalidDelegateVirtualService',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a VirtualService without hosts (a delegate) has gateways, TCP routes or TLS routes',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const ctx = vsContext(object.manifest);
    if (!ctx.isDelegate) return;
    const parts: Array<[string, string, string]> = [
      ['gateways', 'gateways (the root VirtualService that delegates to it has them)', 'remove spec.gateways'],
      ['tcp', 'TCP routes (only HTTP routes can be delegated)', 'move the TCP routes to a VirtualService with hosts'],
      ['tls', 'TLS routes (only HTTP routes can be delegated)', 'move the TLS routes to a VirtualService with hosts'],
    ];
    for (const [key, what, fix] of parts) {
      const list = asArray(ctx.spec[key]);
      if (list.length === 0) continue;
      report({
        field: `spec.${key}`, value: list,
        message: `a VirtualService without hosts is a delegate, and a delegate must have no ${what}`,
        fix: `${fix}, or add spec.hosts if this VirtualService is not a delegate`,
      });
    }
  },
});
