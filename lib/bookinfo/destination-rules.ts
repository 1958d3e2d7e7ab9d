import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { DestinationRule, Subset } from '../istio/destination-rule';
import { ClientTls } from '../istio/traffic-policy/client-tls';
import { TrafficPolicy } from '../istio/traffic-policy/traffic-policy';
import { BookinfoWorkloads } from './workloads';

/**
 * Properties of {@link BookinfoDestinationRules}.
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/#define-the-service-versions
 */
export interface BookinfoDestinationRulesProps {
  /** The Bookinfo workloads: one rule per Service, one subset per deployed version. */
  readonly workloads: BookinfoWorkloads;

  /**
   * Client TLS for every rule, as upstream `destination-rule-all-mtls.yaml` does with
   * `ClientTls.istioMutual()`.
   *
   * @default - no traffic policy (Istio's automatic mTLS applies), as `destination-rule-all.yaml`
   */
  readonly clientTls?: ClientTls;
}

/**
 * DestinationRules for the four Bookinfo services, each named after its host, with one subset
 * per version that is actually deployed, derived from the Deployments.
 *
 * Upstream `destination-rule-all.yaml` lists subsets for versions Bookinfo does not deploy
 * (`ratings` v2, v2-mysql, v2-mysql-vm; `details` v2): a subset that selects no pod is a
 * defect (routes to it fail with 503), so only deployed versions get one here.
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/#define-the-service-versions
 */
export class BookinfoDestinationRules extends Chart {
  /** The rules, by service name. */
  public readonly rules: { readonly [service: string]: DestinationRule };

  constructor(scope: Construct, id: string, props: BookinfoDestinationRulesProps) {
    super(scope, id, { namespace: props.workloads.namespaceName });
    const rules: { [service: string]: DestinationRule } = {};
    for (const [service, svc] of Object.entries(props.workloads.services)) {
      const rule = DestinationRule.forService(this, service, svc, {
        trafficPolicy: props.clientTls ? TrafficPolicy.of({ tls: props.clientTls }) : undefined,
      });
      for (const [version, deployment] of Object.entries(props.workloads.deployments[service] ?? {})) {
        rule.addSubset(Subset.fromWorkload(version, deployment));
      }
      rules[service] = rule;
    }
    this.rules = rules;
  }
}
