import { destinationsOf, hostPorts } from '../mesh-model';
import { MeshRule } from './rule';

/**
 * CI1005: a destination names a port its Service does not have.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#PortSelector
 */
export const DestinationPortNotFound: MeshRule = {
  code: 'CI1005',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      for (const { field, destination } of destinationsOf(vs)) {
        const port = destination.port?.number;
        if (typeof destination.host !== 'string' || port === undefined) continue;
        const offered = hostPorts(model.resolveHost(destination.host, vs.namespace));
        if (!offered) continue;
        const { owner, ports } = offered;
        if (ports.length === 0 || ports.some((p) => p.number === port)) continue;
        report(vs, `${field}.port.number`, port,
          `port ${port} is not a port of ${owner}; ports: ${ports.map((p) => p.label).join(', ')}`,
          `use one of its ports (${ports.map((p) => p.number).join(', ')}), not a container or target port`);
      }
    }
  },
};
