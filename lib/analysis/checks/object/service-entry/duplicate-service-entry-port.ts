import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { serviceEntryView } from './private/service-entry';

/**
 * CI0404: two ports of a ServiceEntry share a name or a number, which Istio's webhook rejects
 * (endpoint ports and destinations refer to ports by them).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServicePort
 */
export const DuplicateServiceEntryPort = defineCheck({
  code: 'CI0404',
  name: 'DuplicateServiceEntryPort',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'two ServiceEntry ports share a name or a number',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const names = new Map<unknown, number>();
    const numbers = new Map<unknown, number>();
    for (const { port, index } of serviceEntryView(object.manifest).ports) {
      const at = `spec.ports[${index}]`;
      if (typeof port.name === 'string') {
        const first = names.get(port.name);
        if (first !== undefined) report({ field: `${at}.name`, value: port.name, message: `port name ${formatValue(port.name)} is already used by spec.ports[${first}]`, fix: 'give every port of the service entry its own name' });
        else names.set(port.name, index);
      }
      if (typeof port.number === 'number') {
        const first = numbers.get(port.number);
        if (first !== undefined) report({ field: `${at}.number`, value: port.number, message: `port number ${port.number} is already used by spec.ports[${first}]`, fix: 'give every port of the service entry its own number, or merge the two ports' });
        else numbers.set(port.number, index);
      }
    }
  },
});
