/**
 * The findings of a traffic policy as users meet them: rendered in a DestinationRule and checked
 * like every other manifest (the construct's own problems, then the object checks).
 */
import { Testing } from 'cdk8s';
import { Severity } from '../../../lib/analysis/finding';
import { DestinationRule } from '../../../lib/istio/destination-rule';
import { TrafficPolicy } from '../../../lib/istio/traffic-policy/traffic-policy';
import { findingsOf } from '../../util/findings';

/** `code`, `field` (relative to `spec.trafficPolicy`), `value`, `severity` and `message` of each finding. */
export function policyFindings(policy: TrafficPolicy): Array<{ code: string; field: string; value: unknown; severity: Severity; message: string }> {
  const rule = new DestinationRule(Testing.chart(), 'rule', { host: 'reviews', trafficPolicy: policy });
  return findingsOf(rule).map((f) => ({
    code: f.code, field: f.field.replace(/^spec\.trafficPolicy\.?/, ''), value: f.value, severity: f.severity, message: f.message,
  }));
}
