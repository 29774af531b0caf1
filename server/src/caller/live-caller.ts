import type { CallVocabulary, SpeechRecognizer } from '../../../media/asr/recognizer.js';
import { AiCaller } from '../../../media/caller/ai-caller.js';
import type { Player } from '../../../media/caller/stages.js';
import type { SpeechSynthesizer } from '../../../media/speech/synthesizer.js';
import type { SileroModel } from '../../../media/vad/vad.js';
import type { ScenarioInput } from '../protocol/scenario.js';
import type { LlmOptions } from './llm.js';
import { DEFAULT_CLASSIFY_TIMEOUT_MS } from './llm-intents.js';
import { CallerMind } from './mind.js';

// The server's part of the live caller: the mind of the scenario (and its LLM), handed to the
// orchestration in media/caller with the engines and the call's player.

export type LiveCallerDeps = {
  scenario: ScenarioInput;
  seed: number;
  vad: SileroModel;
  recognizer: SpeechRecognizer;
  synthesizer: SpeechSynthesizer;
  /** The embedded synthesizer behind a hosted one. */
  fallbackSynthesizer?: SpeechSynthesizer | undefined;
  llm?: LlmOptions | undefined;
  player: Player;
  /** ms since the call's media started. */
  now: () => number;
  /** The mind of a call already answered (a realtime session was lost): the caller carries on from it. */
  mind?: CallerMind | undefined;
};

export function createAiCaller(deps: LiveCallerDeps): Promise<AiCaller> {
  const { scenario, llm } = deps;
  const mind = deps.mind ?? new CallerMind(scenario, deps.seed, llm ? { llm, classifier: { ...llm, timeoutMs: DEFAULT_CLASSIFY_TIMEOUT_MS } } : {});
  const persona = scenario.persona;
  return AiCaller.create({
    ...deps,
    mind,
    answered: deps.mind !== undefined,
    vocabulary: vocabularyOf(scenario),
    voice: { name: persona.voice, pitchHz: persona.languageLevel === 'child' ? 260 : undefined },
    controlDifficulty: persona.controlDifficulty,
  });
}

/** The words a trainee will read back on this call: its places, names and numbers. */
export function vocabularyOf(scenario: ScenarioInput): CallVocabulary {
  const truth = scenario.groundTruth;
  const location = truth.location;
  return {
    addresses: [location.address, scenario.ali.address],
    places: [location.city, location.crossStreet, location.unit, ...location.landmarks, scenario.ali.city].filter((p): p is string => Boolean(p)),
    names: [truth.callerName, scenario.persona.name],
    phoneNumbers: [truth.callbackNumber, scenario.ani],
  };
}
