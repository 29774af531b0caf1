// Speech recognition for the AI caller: the provider interface, the embedded PocketSphinx
// recognizer with per-call language models, and the hosted OpenAI-compatible one.
export {
  abortError,
  isAbortError,
  type CallRecognizer,
  type CallVocabulary,
  type Recognition,
  type RecognitionStream,
  type RecognitionStreamEvents,
  type RecognizedWord,
  type SpeechRecognizer,
} from './recognizer.js';
export {
  POCKETSPHINX_MODEL_DIR,
  PocketSphinxCall,
  PocketSphinxRecognizer,
  PocketSphinxTurn,
  type PocketSphinxOptions,
  type PreparedInfo,
  type TurnStats,
} from './pocketsphinx.js';
export { normalizeTranscript, OpenAIRecognizer, vocabularyPrompt, type OpenAIRecognizerOptions } from './openai.js';
export { buildCallLanguageModel, trainLanguageModel, writeCallModel, type CallModelFiles, type LanguageModel } from './language-model.js';
export { cardinalWords, digitWords, normalizeNumbers, spokenNumberForms, spokenPhoneForms, usualNumberForm } from './numbers.js';
export { scoringTokens, wordErrorRate, wordErrors, type WordErrors } from './wer.js';
