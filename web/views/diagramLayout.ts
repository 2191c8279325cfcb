/**
 * Lays a diagram out with ELK (elkjs, layered algorithm) in ELK's own Web Worker, so a large
 * fault tree never freezes the page: the ELK API on the page posts the graph, the worker
 * (elk-worker.min.js, served as a file of the site) computes the positions.
 */
import type { ELK } from 'elkjs/lib/elk-api.js';
import elkApi from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Diagram } from '../compute/diagram.js';
import { placeDiagram, toElkGraph, type PlacedDiagram } from './diagramGeometry.js';

// elk-api.js is CommonJS: its constructor is the module and, as typed here, its `default`.
let elk: ELK | undefined;

/** Returns the diagram laid out (absolute positions); resolves when ELK's worker is done. */
export async function layoutDiagram(diagram: Diagram): Promise<PlacedDiagram> {
  elk ??= new elkApi.default({ workerUrl: elkWorkerUrl });
  const laidOut = await elk.layout(toElkGraph(diagram));
  return placeDiagram(diagram, laidOut);
}
