import { App } from 'cdk8s';
import { placeChart } from '../synth/output-layout';
import { BookinfoDestinationRules } from './destination-rules';
import { BookinfoIngress } from './ingress';
import { BookinfoNamespace } from './namespace';
import { BookinfoOptions } from './options';
import { BookinfoWorkloads } from './workloads';

/**
 * The charts of the Bookinfo base app.
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/
 */
export interface BookinfoCharts {
  /** The namespace, labelled for sidecar injection (`00-bookinfo-namespace.k8s.yaml`). */
  readonly namespace: BookinfoNamespace;
  /** Services, ServiceAccounts and Deployments (`10-bookinfo-workloads.k8s.yaml`). */
  readonly workloads: BookinfoWorkloads;
  /** One DestinationRule per service with its version subsets (`20-bookinfo-destination-rules.k8s.yaml`). */
  readonly destinationRules: BookinfoDestinationRules;
  /** The ingress Gateway and VirtualService (`30-bookinfo-ingress.k8s.yaml`). */
  readonly ingress: BookinfoIngress;
}

/**
 * Adds the Bookinfo base app to `app`: the files at the top level of the output folder, numbered
 * so that `kubectl apply -f dist/` (which applies a folder's files in name order) creates the
 * namespace first, then the workloads, then the Istio config.
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/
 */
export function addBookinfo(app: App, options: BookinfoOptions = {}): BookinfoCharts {
  const namespace = new BookinfoNamespace(app, 'bookinfo-namespace', options);
  const workloads = new BookinfoWorkloads(app, 'bookinfo-workloads', options);
  const destinationRules = new BookinfoDestinationRules(app, 'bookinfo-destination-rules', { workloads });
  const ingress = new BookinfoIngress(app, 'bookinfo-ingress', { workloads });
  placeChart(namespace, { file: '00-bookinfo-namespace.k8s.yaml' });
  placeChart(workloads, { file: '10-bookinfo-workloads.k8s.yaml' });
  placeChart(destinationRules, { file: '20-bookinfo-destination-rules.k8s.yaml' });
  placeChart(ingress, { file: '30-bookinfo-ingress.k8s.yaml' });
  return { namespace, workloads, destinationRules, ingress };
}
