// The cdk8s-istio app: the Bookinfo base app at the top level of dist/, and Istio's
// traffic-management tasks as scenarios under dist/scenarios/<id>/.
// Run with `npm run synth` (checks everything, then replaces dist/ atomically).
//
// BOOKINFO_NAMESPACE and BOOKINFO_REVISION (an istio.io/rev revision) render a variant without
// editing code; the committed dist/ is the default (namespace bookinfo, istio-injection: enabled).
import { addBookinfo } from './lib/bookinfo/app';
import { addTrafficManagementScenarios } from './lib/scenarios/traffic-management';
import { MeshApp } from './lib/synth/mesh-app';

const app = new MeshApp();
const bookinfo = addBookinfo(app, {
  namespace: process.env.BOOKINFO_NAMESPACE || undefined,
  revision: process.env.BOOKINFO_REVISION || undefined,
});
addTrafficManagementScenarios(app, { bookinfo: bookinfo.workloads, destinationRules: bookinfo.destinationRules });
app.synth();
