// The held-out folders of the language corpus, oldest first: each written by someone who never
// saw the models, the extractor or the other sets. Nothing trains or tunes on them; the
// benchmarks report each on its own, and a folder not in the tree is skipped with a line saying so.
export const HELDOUT_FOLDERS = ['heldout', 'heldout2', 'heldout3', 'heldout4'] as const;
/** Held-out folders of caller lines only (no call-taker.jsonl): entity extraction reads them beside the others. */
export const CALLER_HELDOUT_FOLDERS = [...HELDOUT_FOLDERS, 'heldout5', 'heldout6'] as const;
