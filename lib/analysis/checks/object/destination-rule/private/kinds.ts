/**
 * The kinds the DestinationRule checks apply to. Istio 1.30 serves DestinationRule as
 * `networking.istio.io/v1`, `v1beta1` and `v1alpha3` with the same fields; the group and kind are
 * the same for all three, so one entry covers every served version.
 */
export const DESTINATION_RULE_KINDS: readonly string[] = ['DestinationRule.networking.istio.io'];
