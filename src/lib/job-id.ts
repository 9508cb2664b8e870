/**
 * Job ids for superseding worker calls (retention, churn audit, segments, CLV ...): one sequence
 * for the whole page. Each worker feature keeps the largest id it has seen and drops older ones,
 * so two modules with counters of their own would drop each other's calls (a page whose counter
 * starts lower would never get a result).
 */
let lastJobId = 0;

export function nextJobId(): number {
  return ++lastJobId;
}
