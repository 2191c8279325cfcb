/**
 * Writes the benchmark chain of a size (bench/markov/generateChain.ts) in the chain text format
 * (docs/chain-format.md), for the end-to-end file benchmark (bench/markov/chainFile.mjs).
 * Usage, compiled: node writeChainFile.js small|medium|large FILE
 */
import { writeFileSync } from 'node:fs';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { formatChainText } from '../../src/markov/generation/chainText.js';
import { benchModel, generateChain } from './generateChain.js';

const [size, file] = process.argv.slice(2);
if ((size !== 'small' && size !== 'medium' && size !== 'large') || file === undefined) {
  throw new Error('usage: writeChainFile small|medium|large FILE');
}
const g = generateChain(benchModel(size));
writeFileSync(file, formatChainText(buildCtmc(g.stateCount, g, g.up, g.initial)));
