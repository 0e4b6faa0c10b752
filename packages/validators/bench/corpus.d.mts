/** A message of the recorded corpus: its wire text, direction, and for a response the method answered. */
export interface CorpusMessage {
  text: string;
  dir: 'c2s' | 's2c';
  method: string | undefined;
}
/** Path of the committed corpus. */
export declare const CORPUS_FILE: string;
/** Reads the corpus (default: the committed one). */
export declare function loadCorpus(file?: string): CorpusMessage[];
