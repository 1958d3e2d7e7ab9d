// The cdk8s-istio app: the Bookinfo base app at the top level of dist/, and Istio's
// traffic-management tasks as scenarios under dist/scenarios/<id>/.
// Run with `npm run synth` (checks everything, then replaces dist/ atomically).
import { addBookinfo } from './lib/bookinfo/app';
import { addTrafficManagementScenarios } from './lib/scenarios/traffic-management';
import { MeshApp } from './lib/synth/mesh-app';

const app = new MeshApp();
const bookinfo = addBookinfo(app);
addTrafficManagementScenarios(app, { bookinfo: bookinfo.workloads, destinationRules: bookinfo.destinationRules });
app.synth();
