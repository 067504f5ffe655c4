import { describe, expect, it } from 'vitest';
import { bestSentences } from '../../server/answering/select-evidence.ts';
import { evidenceQueryFor, realPlan, realPolicy, retrievalFor } from '../helpers/unit-plan.ts';

const doc = realPlan();
const policy = realPolicy();
const article28 = doc.articles[27]!;
const quoted = '加强育幼服务体系建设,发展普惠托育和托幼一体化服务。';
const neighbour = '落实优化生育支持政策和激励措施,有效降低家庭生育养育教育成本。';

/** 具体怎么做 after 第28条's 育幼 sentence was quoted: the evidence query the service builds for it. */
function elaborate(proximity: number) {
  const query = {
    ...evidenceQueryFor(retrievalFor('具体怎么做？', []), policy),
    exclude: new Set([quoted]),
    elaborateProximity: proximity,
  };
  return bestSentences(article28, query, 2, 'relevance').map((evidence) => evidence.sentence.text);
}

describe('具体怎么做: the sentences beside the one already quoted come first', () => {
  it('the policy weight puts a neighbour of the quoted sentence among the two quoted next', () => {
    expect(article28.text).toContain(quoted);
    expect(article28.text.indexOf(neighbour) + neighbour.length).toBe(
      article28.text.indexOf(quoted),
    );
    expect(policy.evidence.elaborateProximity).toBeGreaterThan(0);
    expect(elaborate(policy.evidence.elaborateProximity)).toContain(neighbour);
    expect(elaborate(policy.evidence.elaborateProximity)).not.toContain(quoted);
  });

  it('without the weight, the article is read from its opening instead', () => {
    expect(elaborate(0)).not.toContain(neighbour);
  });
});
