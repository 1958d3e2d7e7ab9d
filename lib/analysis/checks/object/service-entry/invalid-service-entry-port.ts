import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachItem } from '../../../manifest/read';
import { isIstioDnsLabel } from '../../../values/istio-names';
import { isPortNumber, parseProtocol, PROTOCOL_NAMES } from '../workload-entry/private/istio-formats';
import { serviceEntryView } from './private/service-entry';

/**
 * CI0403: a port of a ServiceEntry, as Istio's webhook checks it: not null, a number and (when
 * set) a targetPort in 1-65535, a name that is a DNS-1123 label (Istio accepts uppercase letters),
 * and a protocol Istio knows (case-insensitive; unset means Istio sniffs it).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServicePort
 */
export const InvalidServiceEntryPort = defineCheck({
  code: 'CI0403',
  name: 'InvalidServiceEntryPort',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a ServiceEntry port is null, its number or targetPort is outside 1-65535, its name is not a DNS-1123 label, or its protocol is unknown to Istio',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    eachItem(serviceEntryView(object.manifest).spec.ports, 'spec.ports', (port, at) => {
      if (port === null) {
        report({ field: at, value: port, message: 'service entry port is null', fix: 'remove the empty entry from spec.ports, or give it a number and a name' });
        return;
      }
      if (typeof port !== 'object') return; // the CRD schema reports the type
      if (typeof port.number === 'number' && !isPortNumber(port.number)) {
        report({ field: `${at}.number`, value: port.number, message: `port number ${formatValue(port.number)} is not from 1 to 65535`, fix: `set ${at}.number to the port the service listens on, e.g. 443 or 5432` });
      }
      if (typeof port.targetPort === 'number' && port.targetPort !== 0 && !isPortNumber(port.targetPort)) {
        report({ field: `${at}.targetPort`, value: port.targetPort, message: `target port ${formatValue(port.targetPort)} is not from 1 to 65535`, fix: 'use a targetPort from 1 to 65535, or remove it to use the port number' });
      }
      if (typeof port.name === 'string' && !isIstioDnsLabel(port.name)) {
        report({
          field: `${at}.name`, value: port.name, message: `port name ${formatValue(port.name)} is not a DNS-1123 label (at most 63 letters, digits and '-', starting and ending with a letter or digit)`,
          fix: 'name the port like https or tcp-db',
        });
      }
      if (typeof port.protocol === 'string' && port.protocol !== '' && parseProtocol(port.protocol) === undefined) {
        report({
          field: `${at}.protocol`, value: port.protocol, message: `protocol ${formatValue(port.protocol)} is not one Istio knows; known: ${PROTOCOL_NAMES.join(', ')}`,
          fix: 'set protocol to one of the known protocols, or remove it to let Istio detect the protocol',
        });
      }
    });
  },
});
