import { Construct } from 'constructs';
import { PortProtocol, ServiceEntry, ServiceEntryLocation, ServiceEntryResolution } from '../istio/service-entry';
import { OutboundTrafficPolicy, Sidecar } from '../istio/sidecar';
import { ScenarioChart, ScenarioProps } from './scenario';

/**
 * `egress-locked-down`: the namespace's default Sidecar only lets workloads reach services of
 * their own namespace and `istio-system` (which also shrinks every proxy's configuration), and
 * with `REGISTRY_ONLY` blocks every external host that no ServiceEntry registers; one ServiceEntry
 * then allows `httpbin.org` on port 80.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/egress/egress-control/
 */
export class EgressLockedDownScenario extends ScenarioChart {
  constructor(scope: Construct, props: ScenarioProps) {
    super(scope, 'egress-locked-down', 'egress limited to the own namespace, istio-system and registered hosts (REGISTRY_ONLY), with httpbin.org allowed', props);
    new Sidecar(this, 'default', {
      egress: [{ hosts: ['./*', 'istio-system/*'] }],
      outboundTrafficPolicy: OutboundTrafficPolicy.REGISTRY_ONLY,
    });
    new ServiceEntry(this, 'httpbin-ext', {
      hosts: ['httpbin.org'],
      ports: [{ number: 80, name: 'http', protocol: PortProtocol.HTTP }],
      location: ServiceEntryLocation.MESH_EXTERNAL,
      resolution: ServiceEntryResolution.DNS,
    });
  }
}
