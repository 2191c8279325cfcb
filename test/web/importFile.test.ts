/**
 * Opening an Open-PSA MEF or Galileo file in the explorer (web/compute/importFile.ts): the YAML
 * it puts in the editor must load to the same model as the reader's own document, so every
 * number the page shows equals `relkit analyze` of the original file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  analyze,
  evaluateModel,
  loadModel,
  parseModelSource,
  readGalileo,
  readMef,
  writeMef,
} from '../../src/index.js';
import { openModelFile } from '../../web/compute/importFile.js';

const MODELS = join(import.meta.dirname, '../../models');
const topOf = (text: string): unknown =>
  analyze(loadModel(text), { points: 2 }).measures.topEventProbability;

const MEF = `<?xml version="1.0"?>
<opsa-mef>
  <define-parameter name="lambda"><float value="2e-4"/></define-parameter>
  <define-fault-tree name="FT">
    <define-gate name="top"><or><gate name="g1"/><basic-event name="c"/></or></define-gate>
    <define-gate name="g1"><atleast min="2"><basic-event name="a"/><basic-event name="b"/><basic-event name="pump-1b"/></atleast></define-gate>
    <define-basic-event name="a"><exponential><parameter name="lambda"/><system-mission-time/></exponential></define-basic-event>
    <define-basic-event name="b"><float value="0.01"/></define-basic-event>
    <define-basic-event name="pump-1b"><float value="0.02"/></define-basic-event>
    <define-basic-event name="c"><float value="1e-5"/></define-basic-event>
  </define-fault-tree>
</opsa-mef>`;

describe('opening MEF and Galileo files in the explorer', () => {
  test('a MEF file becomes YAML that loads to the model of the reader', () => {
    const opened = openModelFile('plant.XML', MEF);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.text.startsWith('# Translated from plant.XML (Open-PSA MEF)')).toBe(true);
    const direct = analyze(
      evaluateModel(parseModelSource(readMef([{ name: 'p.xml', text: MEF }]).source)),
      {
        points: 2,
      },
    );
    expect(topOf(opened.text)).toBe(direct.measures.topEventProbability);
  });

  test('a Galileo file becomes YAML that loads to the model of the reader', () => {
    const text =
      'toplevel "S";\n"S" 2of3 "A" "B" "C";\n"A" lambda=1e-4;\n"B" prob=0.01;\n"C" prob=0.02;\n';
    const opened = openModelFile('pair.dft', text);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const direct = evaluateModel(parseModelSource(readGalileo({ name: 'pair.dft', text })));
    expect(topOf(opened.text)).toBe(analyze(direct, { points: 2 }).measures.topEventProbability);
  });

  test.each(readdirSync(MODELS).filter((f) => f.endsWith('.yaml')))(
    '%s: its MEF export opens to the same P(top) or is refused by the writer',
    (file) => {
      const model = loadModel(readFileSync(join(MODELS, file), 'utf8'));
      let xml: string;
      try {
        xml = writeMef(model);
      } catch {
        return; // standby blocks and non-MEF laws: the writer says why (test/formats)
      }
      const opened = openModelFile(`${file}.xml`, xml);
      expect(opened.ok).toBe(true);
      if (!opened.ok) return;
      const original = analyze(model, { points: 2 }).measures.topEventProbability;
      const reopened = topOf(opened.text);
      if (original !== undefined) expect(reopened).toBe(original);
      else expect(typeof reopened).toBe('number');
    },
  );

  test('YAML and JSON open unchanged; a bad MEF file gives its located problems', () => {
    expect(openModelFile('m.yaml', 'name: x')).toEqual({ ok: true, text: 'name: x' });
    expect(openModelFile('m.json', '{}')).toEqual({ ok: true, text: '{}' });
    const broken = MEF.replace('<basic-event name="c"/>', '<basic-event name="missing"/>');
    const opened = openModelFile('bad.xml', broken);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.message).toMatch(/^bad\.xml:5:\d+: .*missing/);
  });
});
