import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord, isRecord } from '../../../manifest/read';
import { reportDuration, reportNegative } from './private/fields';
import { DESTINATION_RULE_KINDS } from './private/kinds';
import { policySettings } from './private/traffic-policies';

/**
 * CI0211: `connectionPool` settings that Istio's webhook rejects (`validateConnectionPool`):
 * neither `tcp` nor `http`; a negative count (`maxConnections`, `http1MaxPendingRequests`,
 * `http2MaxRequests`, `maxRequestsPerConnection`, `maxRetries`, `maxConcurrentStreams`); a
 * timeout below 1ms or finer than a millisecond (`connectTimeout`, `maxConnectionDuration`,
 * `tcpKeepalive.time` and `interval`, both `idleTimeout`s; a TCP `idleTimeout` of `0s` turns the
 * timeout off and is valid); or `useClientProtocol` with the `UPGRADE` policy.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings
 */
export const InvalidConnectionPool = defineCheck({
  code: 'CI0211',
  name: 'InvalidConnectionPool',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a DestinationRule connection pool that sets nothing, has a negative limit, a timeout below 1ms, or useClientProtocol with UPGRADE',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    for (const { settings, field } of policySettings(asRecord(object.manifest.spec))) {
      const pool = settings.connectionPool;
      if (!isRecord(pool)) continue;
      const at = `${field}.connectionPool`;
      const hasHttp = pool.http !== undefined && pool.http !== null;
      const hasTcp = pool.tcp !== undefined && pool.tcp !== null;
      if (!hasHttp && !hasTcp) {
        report({ field: at, value: pool, message: 'connection pool sets neither tcp nor http', fix: `set tcp or http limits in ${at}, or remove it` });
        continue;
      }
      if (isRecord(pool.http)) {
        const http = pool.http;
        const h = `${at}.http`;
        for (const key of ['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection', 'maxRetries', 'maxConcurrentStreams']) reportNegative(report, http, h, key);
        reportDuration(report, http, h, 'idleTimeout');
        if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) {
          report({
            field: `${h}.useClientProtocol`, value: true, message: 'useClientProtocol cannot be true when h2UpgradePolicy is UPGRADE',
            fix: `remove ${h}.useClientProtocol, or set ${h}.h2UpgradePolicy to DEFAULT or DO_NOT_UPGRADE`,
          });
        }
      }
      if (isRecord(pool.tcp)) {
        const tcp = pool.tcp;
        const t = `${at}.tcp`;
        reportNegative(report, tcp, t, 'maxConnections');
        reportDuration(report, tcp, t, 'connectTimeout');
        reportDuration(report, tcp, t, 'maxConnectionDuration');
        reportDuration(report, tcp, t, 'idleTimeout', { zeroTurnsOff: true });
        if (isRecord(tcp.tcpKeepalive)) {
          reportDuration(report, tcp.tcpKeepalive, `${t}.tcpKeepalive`, 'time');
          reportDuration(report, tcp.tcpKeepalive, `${t}.tcpKeepalive`, 'interval');
        }
      }
    }
  },
});
