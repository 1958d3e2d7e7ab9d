import { destinationsOf, hostPorts } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1005: a destination names a port its Service does not have.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#PortSelector
 */
export const DestinationPortNotFound = defineCheck({
  code: 'CI1005',
  name: 'DestinationPortNotFound',
  severity: Severity.ERROR,
  counterpart: 'IST0101 ReferencedResourceNotFound (host:port)',
  catches: 'a destination names a port the Service (or ServiceEntry) does not have',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      for (const { field, destination } of destinationsOf(vs)) {
        const port = destination.port?.number;
        if (typeof destination.host !== 'string' || port === undefined) continue;
        const offered = hostPorts(model.resolveHost(destination.host, vs.namespace));
        if (!offered) continue;
        const { owner, ports } = offered;
        if (ports.length === 0 || ports.some((p) => p.number === port)) continue;
        report(vs, { field: `${field}.port.number`, value: port, message: `port ${port} is not a port of ${owner}; ports: ${ports.map((p) => p.label).join(', ')}`, fix: `use one of its ports (${ports.map((p) => p.number).join(', ')}), not a container or target port` });
      }
    }
  },
});
