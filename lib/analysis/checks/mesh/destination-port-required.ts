import { destinationsOf, hostPorts } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1004: a destination has no port while its Service exposes several.
 *
 * Istio cannot tell which port the route is for and rejects the routes (istioctl IST0112).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
export const DestinationPortRequired = defineCheck({
  code: 'CI1004',
  name: 'DestinationPortRequired',
  severity: Severity.ERROR,
  counterpart: 'IST0112 VirtualServiceDestinationPortSelectorRequired',
  catches: 'a destination omits the port while the Service (or ServiceEntry) has several ports',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      for (const { field, destination } of destinationsOf(vs)) {
        if (typeof destination.host !== 'string') continue;
        const offered = hostPorts(model.resolveHost(destination.host, vs.namespace));
        if (!offered) continue;
        const { owner, ports } = offered;
        if (ports.length < 2 || destination.port?.number !== undefined) continue;
        report(vs, { field: `${field}.port`, value: undefined, message: `destination '${destination.host}' has no port while ${owner} has ${ports.length} ports: ${ports.map((p) => p.label).join(', ')}`, fix: `set the destination port to one of ${ports.map((p) => p.number).join(', ')}` });
      }
    }
  },
});
