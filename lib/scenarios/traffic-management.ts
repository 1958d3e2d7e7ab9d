import { Construct } from 'constructs';
import { AllV1Scenario } from './all-v1';
import { EgressLockedDownScenario } from './egress-locked-down';
import { EgressTlsOriginationScenario } from './egress-tls-origination';
import { HttpbinCircuitBreakerScenario } from './httpbin-circuit-breaker';
import { HttpbinMirrorScenario } from './httpbin-mirror';
import { RatingsAbortJasonScenario } from './ratings-abort-jason';
import { RatingsDelayJasonScenario } from './ratings-delay-jason';
import { ReviewsJasonV2Scenario } from './reviews-jason-v2';
import { ReviewsRetriesScenario } from './reviews-retries';
import { ReviewsTimeoutScenario } from './reviews-timeout';
import { ReviewsSplitScenario } from './reviews-split';
import { ScenarioChart, ScenarioProps } from './scenario';

/**
 * Adds every traffic-management scenario to `scope`, each into `scenarios/<id>/`.
 *
 * @returns the scenario charts, by id
 * @see https://istio.io/latest/docs/tasks/traffic-management/
 */
export function addTrafficManagementScenarios(scope: Construct, props: ScenarioProps): { [id: string]: ScenarioChart } {
  const charts: ScenarioChart[] = [
    new AllV1Scenario(scope, props),
    new ReviewsJasonV2Scenario(scope, props),
    new RatingsDelayJasonScenario(scope, props),
    new RatingsAbortJasonScenario(scope, props),
    new ReviewsSplitScenario(scope, { ...props, id: 'reviews-50-v3', description: 'reviews split 50/50 between v1 and v3', weights: { v1: 50, v3: 50 } }),
    new ReviewsSplitScenario(scope, { ...props, id: 'reviews-v3', description: 'all reviews traffic to v3', weights: { v3: 100 } }),
    new ReviewsSplitScenario(scope, { ...props, id: 'reviews-canary-90-10', description: 'a canary: 90% of reviews traffic to v1, 10% to v2', weights: { v1: 90, v2: 10 } }),
    new ReviewsTimeoutScenario(scope, props),
    new ReviewsRetriesScenario(scope, props),
    new HttpbinCircuitBreakerScenario(scope, props),
    new HttpbinMirrorScenario(scope, props),
    new EgressTlsOriginationScenario(scope, props),
    new EgressLockedDownScenario(scope, props),
  ];
  return Object.fromEntries(charts.map((c) => [c.scenarioId, c]));
}
