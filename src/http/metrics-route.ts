import { textRoute, type HttpRoute } from "./routes.js";

/** The path Prometheus scrapes. */
export const METRICS_PATH = "/metrics";

/** Metrics in an exposition format: its content type and the text. */
export interface MetricsExposition {
  readonly contentType: string;
  text(): Promise<string>;
}

/** `GET /metrics`: the metrics' text with their content type (500 when they cannot be read). */
export function metricsRoute(metrics: MetricsExposition): HttpRoute {
  return textRoute(METRICS_PATH, async () => ({ status: 200, contentType: metrics.contentType, body: await metrics.text() }));
}
