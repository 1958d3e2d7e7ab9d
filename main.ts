import * as n from "./imports/networking.istio.io"; console.log(n.VirtualService.GVK);
