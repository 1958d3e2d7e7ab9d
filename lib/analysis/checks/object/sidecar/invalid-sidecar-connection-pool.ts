import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { connectionPoolProblems } from './private/connection-pool';
import { eachIngress, SIDECAR_KINDS } from './private/listeners';

/**
 * CI0509: a Sidecar `inboundConnectionPool` or ingress listener `connectionPool` Istio's webhook
 * rejects: neither `tcp` nor `http` set, a negative limit, a duration below 1ms or not in whole
 * milliseconds (a TCP `idleTimeout` of 0s turns the timeout off and is fine), or
 * `useClientProtocol` with `h2UpgradePolicy: UPGRADE`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings
 */
export const InvalidSidecarConnectionPool = defineCheck({
  code: 'CI0509',
  name: 'InvalidSidecarConnectionPool',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a Sidecar connection pool without tcp or http, with a negative limit or a duration Istio rejects, or useClientProtocol with h2UpgradePolicy UPGRADE',
  scope: 'object',
  kinds: SIDECAR_KINDS,
  evaluate({ object, report }) {
    eachIngress(object, ({ listener, at }) => {
      for (const p of connectionPoolProblems(listener.connectionPool, `${at}.connectionPool`)) report(p);
    });
    for (const p of connectionPoolProblems(asRecord(object.manifest.spec).inboundConnectionPool, 'spec.inboundConnectionPool')) report(p);
  },
});
