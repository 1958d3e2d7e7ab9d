import { Construct } from 'constructs';
import { DestinationRule } from '../istio/destination-rule';
import { PortProtocol, ServiceEntry, ServiceEntryLocation, ServiceEntryResolution } from '../istio/service-entry';
import { ClientTls } from '../istio/traffic-policy/client-tls';
import { TrafficPolicy } from '../istio/traffic-policy/traffic-policy';
import { ScenarioChart, ScenarioProps } from './scenario';

/** The external host of Istio's egress TLS origination task. */
export const EXTERNAL_HOST = 'edition.cnn.com';

/**
 * `egress-tls-origination`: a ServiceEntry registers `edition.cnn.com` (port 80 sent to 443, and
 * 443), and a DestinationRule originates TLS for port 80, so applications send plain HTTP and the
 * sidecar upgrades it to HTTPS, verifying edition.cnn.com's public certificate against the proxy's
 * OS CA bundle (CI1044, istioctl's IST0129, is suppressed with that reason).
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/egress/egress-tls-origination/
 */
export class EgressTlsOriginationScenario extends ScenarioChart {
  constructor(scope: Construct, props: ScenarioProps) {
    super(scope, 'egress-tls-origination', 'plain HTTP to edition.cnn.com:80 leaves the mesh as HTTPS (TLS originated by the sidecar)', props);
    new ServiceEntry(this, 'edition-cnn-com', {
      hosts: [EXTERNAL_HOST],
      ports: [
        { number: 80, name: 'http-port', protocol: PortProtocol.HTTP, targetPort: 443 },
        { number: 443, name: 'https-port', protocol: PortProtocol.HTTPS },
      ],
      location: ServiceEntryLocation.MESH_EXTERNAL,
      resolution: ServiceEntryResolution.DNS,
    });
    // no sni, as Istio's task: the sidecar then takes the SNI from the Host header and checks the
    // server's certificate names against it (auto SNI and SAN validation); an sni without
    // subjectAltNames would leave the name unchecked
    const rule = new DestinationRule(this, 'edition-cnn-com-rule', {
      metadata: { name: 'edition-cnn-com' },
      host: EXTERNAL_HOST,
      trafficPolicy: TrafficPolicy.of({
        portLevelSettings: [{ port: 80, tls: ClientTls.simple() }],
      }),
    });
    rule.metadata.addAnnotation('suppress.cdk8s-istio.io/CI1044', 'edition.cnn.com presents a publicly trusted certificate: '
      + 'without caCertificates the sidecar verifies it against its OS CA bundle, and its name against the Host header');
  }
}
