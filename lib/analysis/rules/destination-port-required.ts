import { destinationsOf, hostPorts } from '../mesh-model';
import { MeshRule } from './rule';

/**
 * CI1004: a destination has no port while its Service exposes several.
 *
 * Istio cannot tell which port the route is for and rejects the routes (istioctl IST0112).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
export const DestinationPortRequired: MeshRule = {
  code: 'CI1004',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      for (const { field, destination } of destinationsOf(vs)) {
        if (typeof destination.host !== 'string') continue;
        const offered = hostPorts(model.resolveHost(destination.host, vs.namespace));
        if (!offered) continue;
        const { owner, ports } = offered;
        if (ports.length < 2 || destination.port?.number !== undefined) continue;
        report(vs, `${field}.port`, undefined,
          `destination '${destination.host}' has no port while ${owner} has ${ports.length} ports: ${ports.map((p) => p.label).join(', ')}`,
          `set the destination port to one of ${ports.map((p) => p.number).join(', ')}`);
      }
    }
  },
};
