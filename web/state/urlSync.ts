/**
 * The state in the URL hash (web/state/urlState.ts holds the format): read once when the page
 * opens, written 0.25 s after the last change so that a drag does not flood the history, and a
 * link pasted into the tab opens as a fresh page would.
 */
import { linkState } from './selectors.js';
import type { Store } from './store.js';
import { decodeState, encodeState, type ExplorerState } from './urlState.js';

/** What a page's hash holds: a state to restore, or why it was refused, or nothing. */
export type LinkRead =
  | { readonly link?: ExplorerState; readonly refused?: undefined }
  | { readonly link?: undefined; readonly refused: string };

/**
 * Returns the state of a URL hash, or the message saying why it was refused (a damaged link, or
 * one naming an example that `hasExample` does not know and giving no text).
 */
export async function readLink(
  hash: string,
  hasExample: (name: string) => boolean,
): Promise<LinkRead> {
  try {
    const link = await decodeState(hash);
    if (link && link.text === undefined && !hasExample(link.example)) {
      throw new Error(`the link names the unknown example "${link.example}"`);
    }
    return link ? { link } : {};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { refused: `${message}. Showing the default model instead.` };
  }
}

/** The hash's handle for the composition root. */
export interface UrlSync {
  /** Writes the hash 0.25 s after the last call. */
  readonly schedule: () => void;
  /** Writes the hash now. */
  readonly write: () => Promise<void>;
}

/** Mirrors `store` in the URL hash; `exampleText` tells whether the text needs to go in it. */
export function createUrlSync(store: Store, exampleText: (name: string) => string): UrlSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The hash as this page left it (or found it): any other hash is a link pasted into the tab.
  let ownHash = location.hash;
  // A link pasted into this tab changes only the hash: load its state as a fresh page would.
  window.addEventListener('hashchange', () => {
    if (location.hash !== ownHash) location.reload();
  });
  const write = async (): Promise<void> => {
    const state = store.get();
    const hash = `#${await encodeState(linkState(state, exampleText(state.example)))}`;
    // A link pasted meanwhile wins: writing over it would reload this state instead of it.
    if (location.hash !== ownHash) return;
    ownHash = hash;
    history.replaceState(null, '', hash);
    document.body.dataset.urlState = 'written';
  };
  return {
    schedule: () => {
      clearTimeout(timer);
      timer = setTimeout(() => void write(), 250);
    },
    write,
  };
}
