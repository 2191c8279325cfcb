/**
 * The document readMef builds is a relkit model: parseModel accepts it, and reports a problem
 * found later at the MEF element it came from.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import { loadModel, parseModel } from '../../../src/model/loadModel.js';
import { basic, read, tree } from './mefInput.js';

const text =
  tree(`<define-gate name="top"><or><gate name="trains"/><atleast min="2"><basic-event name="a"/><basic-event name="b"/><basic-event name="c"/></atleast></or></define-gate>
<define-gate name="trains"><and><basic-event name="pump"/><not><house-event name="maintenance"/></not><xor><basic-event name="a"/><basic-event name="b"/></xor></and></define-gate>
<define-basic-event name="pump"><GLM><float value="0"/><parameter name="lam"/><float value="0.1"/><system-mission-time/></GLM></define-basic-event>
${basic('a', 0.001)}
<define-basic-event name="b"><exponential><parameter name="lam"/><mul><float value="2"/><system-mission-time/></mul></exponential></define-basic-event>
<define-house-event name="maintenance"><constant value="false"/></define-house-event>
<define-parameter name="lam"><lognormal-deviate><float value="1e-4"/><float value="3"/><float value="0.95"/></lognormal-deviate></define-parameter>
<define-CCF-group name="pumps" model="MGL"><members><basic-event name="c"/><basic-event name="d"/></members><distribution><float value="0.01"/></distribution><factor level="2"><float value="0.1"/></factor></define-CCF-group>`);

describe('parseModel of a document readMef built', () => {
  it('parseModel accepts the document readMef builds, and loadModel evaluates it', () => {
    const { source } = read(text);
    expect(parseModel(source.data as object).parameterNames).toEqual([
      'system_mission_time',
      'lam',
    ]);
    const model = loadModel(source.data as object);
    expect(model.faultTree?.top).toBe('top');
    expect(model.missionTime).toBe(8760);
  });

  it('an issue loadModel finds is located at the MEF element through the source', () => {
    const { source } = read(text.replace('value="0.001"', 'value="1.5"'));
    let error: unknown;
    try {
      loadModel(source.data as object);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ModelError);
    const [issue] = (error as ModelError).issues;
    expect(issue?.path).toBe('events.a.probability');
    expect(source.locate({ path: ['events', 'a', 'probability'], message: '' })).toMatchObject({
      line: 7,
    });
  });
});
