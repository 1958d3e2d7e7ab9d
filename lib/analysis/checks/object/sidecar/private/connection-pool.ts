/**
 * Istio's `validateConnectionPool` over a manifest's connection pool (a Sidecar's
 * `inboundConnectionPool` and an ingress listener's `connectionPool`).
 */
import { CheckReport } from '../../../../check';
import { isRecord } from '../../../../manifest/read';
import { durationProblem, parseDuration } from '../../../../values/duration';

const HTTP_COUNTS = ['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection', 'maxRetries', 'maxConcurrentStreams'];

/** The problems Istio's webhook reports on the connection pool at `at`. */
export function connectionPoolProblems(pool: unknown, at: string): CheckReport[] {
  if (!isRecord(pool)) return [];
  const http = isRecord(pool.http) ? pool.http : undefined;
  const tcp = isRecord(pool.tcp) ? pool.tcp : undefined;
  if (!http && !tcp) {
    return [{ field: at, value: pool, message: 'connection pool sets neither tcp nor http', fix: 'set tcp or http limits under it, or remove it' }];
  }
  const out: CheckReport[] = [];
  const negative = (obj: Record<string, any>, key: string, base: string) => {
    if (typeof obj[key] === 'number' && obj[key] < 0) {
      out.push({ field: `${base}.${key}`, value: obj[key], message: `${key} must not be negative, got ${obj[key]}`, fix: `set ${key} to 0 or more, or remove it` });
    }
  };
  const duration = (obj: Record<string, any>, key: string, base: string) => {
    if (obj[key] === undefined || obj[key] === null) return;
    const problem = durationProblem(obj[key]);
    if (problem) out.push({ field: `${base}.${key}`, value: obj[key], message: `${key} ${problem}`, fix: `set ${key} to a duration of at least 1ms in whole milliseconds, e.g. '500ms' or '30s'` });
  };
  if (http) {
    const base = `${at}.http`;
    for (const key of HTTP_COUNTS) negative(http, key, base);
    duration(http, 'idleTimeout', base);
    if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) {
      out.push({
        field: `${base}.useClientProtocol`, value: true,
        message: 'useClientProtocol must not be true when h2UpgradePolicy is UPGRADE',
        fix: 'remove useClientProtocol, or set h2UpgradePolicy to DEFAULT or DO_NOT_UPGRADE',
      });
    }
  }
  if (tcp) {
    const base = `${at}.tcp`;
    negative(tcp, 'maxConnections', base);
    duration(tcp, 'connectTimeout', base);
    duration(tcp, 'maxConnectionDuration', base);
    // a TCP idleTimeout below 1ms (0s) turns the timeout off: Istio skips it
    const idle = parseDuration(tcp.idleTimeout);
    if (idle === undefined || Math.trunc(idle) !== 0) duration(tcp, 'idleTimeout', base);
    if (isRecord(tcp.tcpKeepalive)) {
      duration(tcp.tcpKeepalive, 'time', `${base}.tcpKeepalive`);
      duration(tcp.tcpKeepalive, 'interval', `${base}.tcpKeepalive`);
    }
  }
  return out;
}
