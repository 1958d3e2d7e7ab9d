import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { unixAddressProblem } from '../../../values/ip';
import { portProblem } from '../../../values/validate';
import { eachIngress, SIDECAR_KINDS } from './private/listeners';

const LOOPBACK_OR_ANY = ['', '127.0.0.1', '0.0.0.0', '::1', '::'];

/**
 * CI0507: an ingress listener `defaultEndpoint` Istio's webhook rejects: anything but
 * `127.0.0.1:<port>`, `0.0.0.0:<port>`, `[::1]:<port>`, `[::]:<port>`, `:<port>` or a
 * `unix://` socket, or a port that is not a number from 1 to 65535.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
 */
export const InvalidSidecarDefaultEndpoint = defineCheck({
  code: 'CI0507',
  name: 'InvalidSidecarDefaultEndpoint',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an ingress defaultEndpoint that is not a loopback or wildcard address with a port, or a unix:// socket',
  scope: 'object',
  kinds: SIDECAR_KINDS,
  evaluate({ object, report }) {
    eachIngress(object, ({ listener, at }) => {
      const endpoint = listener.defaultEndpoint;
      if (typeof endpoint !== 'string' || endpoint === '') return;
      const field = `${at}.defaultEndpoint`;
      if (endpoint.startsWith('unix://')) {
        const problem = unixAddressProblem(endpoint);
        if (problem) report({ field, value: endpoint, message: `defaultEndpoint '${endpoint}' ${problem}`, fix: 'use unix:///absolute/path/to/the/app.sock' });
        return;
      }
      const split = splitHostPort(endpoint);
      if (!split || !LOOPBACK_OR_ANY.includes(split.host)) {
        report({
          field, value: endpoint,
          message: `defaultEndpoint '${endpoint}' must be 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port>, :<port> or unix:///path`,
          fix: 'point it at the application inside the pod, e.g. \'127.0.0.1:8080\'',
        });
        return;
      }
      const problem = /^[+-]?\d+$/.test(split.port) ? portProblem(Number(split.port)) : 'is not a number';
      if (problem) report({ field, value: endpoint, message: `defaultEndpoint port '${split.port}' ${problem}`, fix: 'use the application\'s port, from 1 to 65535' });
    });
  },
});

/** Go's `net.SplitHostPort`: `host:port` or `[host]:port`, or `undefined` when malformed. */
function splitHostPort(value: string): { host: string; port: string } | undefined {
  const m = /^\[([^\]]*)\]:([^:]*)$/.exec(value) ?? /^([^:[\]]*):([^:]*)$/.exec(value);
  return m ? { host: m[1], port: m[2] } : undefined;
}
