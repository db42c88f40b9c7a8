/**
 * The screening CLI's core with a scripted model (GEMINI_API_KEY set): the model can raise but never lower
 * the level, a model failure keeps the deterministic level and says `model-pending`, and without a model
 * nothing but the deterministic screener runs.
 */
import assert from 'node:assert/strict';
import { ProviderError } from '../../../src/platform/providers/types';
import { screen } from '../../../src/safety/screener';
import { screenLine, screenLines } from '../../../src/safety/screen-lines';
import { PENDING_REASON } from '../../../src/safety/verdict';
import { ScriptedModel } from '../../support/safety-fakes';

async function* linesOf(list: string[]): AsyncGenerator<string> {
  for (const l of list) yield l;
}

describe('safety/screen-lines', () => {
  it('with a model: raised by it, never lowered, pending on failure', async () => {
    const model = new ScriptedModel();
    model.json = [
      { status: 'ok', value: { level: 'high', reasons: ['passive-death-wish'] }, attempts: 1 },
      { status: 'ok', value: { level: 'none', reasons: [] }, attempts: 1 },
      { status: 'error', error: new ProviderError('gemini', 'timeout', 'deadline'), attempts: 2 },
    ];
    const raised = await screenLine({ screen, model }, JSON.stringify({ id: 'a', text: 'what time does the library open' }));
    assert.deepEqual(raised, { id: 'a', level: 'high', reasons: ['model:passive-death-wish'] });
    const kept = await screenLine({ screen, model }, JSON.stringify({ id: 'b', text: 'I wish I was dead' }));
    assert.equal(kept && 'level' in kept ? kept.level : undefined, 'high');
    const failed = await screenLine({ screen, model }, JSON.stringify({ id: 'c', text: 'I feel hopeless' }));
    assert.ok(failed && 'reasons' in failed && failed.reasons.includes(PENDING_REASON));
    assert.equal(failed && 'level' in failed ? failed.level : undefined, 'moderate');
  });

  it('without a model only the screener runs; a text over the limit is an error line with its id', async () => {
    const out: string[] = [];
    const count = await screenLines({ screen }, linesOf([JSON.stringify({ id: 1, text: 'hello' }), JSON.stringify({ id: 2, text: 'x'.repeat(20_001) }), '   ']), (l) => out.push(l));
    assert.equal(count, 2);
    assert.deepEqual(JSON.parse(out[0] ?? ''), { id: 1, level: 'none', reasons: [] });
    assert.equal(JSON.parse(out[1] ?? '').id, 2);
    assert.ok(typeof JSON.parse(out[1] ?? '').error === 'string');
  });
});
