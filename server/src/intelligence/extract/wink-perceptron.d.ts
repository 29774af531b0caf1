// wink-perceptron ships no types: a factory of one multi-class averaged perceptron.
declare module 'wink-perceptron' {
  interface Perceptron {
    defineConfig(config: { shuffleData?: boolean; maxIterations?: number }): unknown;
    /** Each example: its features (name -> value) and its class. */
    learn(examples: [Record<string, number>, { label: string }][]): number;
    /** The best class, or "unknown" when no feature is known. */
    predict(features: Record<string, number>): string;
    exportJSON(): string;
    importJSON(json: string): boolean;
  }
  const perceptron: () => Perceptron;
  export default perceptron;
}
