import type { RealtimeSessionCreateRequest } from 'openai/resources/realtime/realtime';
import type { Emotion, Persona } from '../protocol/scenario.js';

// What a speech-to-speech model is told about the caller it plays. It gets the person (age,
// way of speaking, how upset they are) and the rules of the conversation, never the facts of
// the emergency: every fact reaches it through the `recall` function, whose answer the
// caller's mind writes under the scenario's reveal rules. A session reopened after a drop is
// told what has been said so far, which holds only what was already said aloud.

export const RECALL = 'recall';
/** The rate Realtime sessions carry PCM16 at, both ways. */
export const SESSION_RATE_HZ = 24_000;
/** Lines of the conversation a reopened session is reminded of. */
const SUMMARY_LINES = 12;

export type ConversationLine = { speaker: 'call-taker' | 'caller'; text: string };

const EMOTION_STYLE: Record<Emotion, string> = {
  calm: 'You are worried but steady.',
  anxious: 'You are anxious: quick breaths, you hurry your words.',
  panicked: 'You are panicking: short broken sentences, you talk fast and loud.',
  hysterical: 'You are hysterical: you sob and shout, you can barely get words out.',
  crying: 'You are crying: your voice shakes and breaks.',
  angry: 'You are angry: sharp, impatient, you snap at questions.',
  in_shock: 'You are in shock: flat, slow, you trail off.',
};

const BEHAVIOUR_STYLE: Record<NonNullable<Persona['behaviours']>[number], string> = {
  yes_no_only: 'You cannot speak freely: keep to yes, no and the fewest words.',
  repeats_self: 'You sometimes say the same sentence twice.',
  talks_over: 'You tend to start on what worries you before answering.',
  drifts_off_topic: 'You wander into the story of what happened.',
  answers_wrong_question: 'You sometimes answer an earlier question.',
  whispers: 'You are hiding: whisper short sentences.',
};

const LANGUAGE_STYLE: Record<Persona['languageLevel'], string> = {
  fluent: 'You speak English fluently.',
  limited: 'Your English is limited: simple words, short sentences, some mistakes.',
  child: 'You are a child: simple words, short sentences.',
};

export function callerInstructions(persona: Persona, emotion: Emotion, summary: readonly ConversationLine[] = []): string {
  const lines = [
    `You are a ${persona.age}-year-old person who has called 911; you are speaking to the call-taker on the phone. Stay in that role whatever is said.`,
    LANGUAGE_STYLE[persona.languageLevel],
    EMOTION_STYLE[emotion],
    ...(persona.behaviours ?? []).map((b) => BEHAVIOUR_STYLE[b]),
    `You know nothing about the emergency by yourself. Whenever the call-taker says something, call ${RECALL} with what they said, then say its answer as your own words, out loud, in one or two short sentences.`,
    'Keep every detail of the answer exactly (addresses, names, numbers, what happened) and add none of your own: no address, name, number, age or event that the answer did not give you. If it does not know, you do not know.',
    'When you are given a line to say, say just that line, in your own voice.',
    'Never say you are an AI, a model or a simulation.',
  ];
  if (summary.length > 0) {
    lines.push('The call was cut off for a moment and is going on. What has been said so far:');
    lines.push(...summary.slice(-SUMMARY_LINES).map((l) => `${l.speaker === 'caller' ? 'You' : 'Call-taker'}: ${l.text}`));
  }
  return lines.join('\n');
}

/** The session the caller runs on: audio both ways at 24 kHz, the endpoint's turn detection, the recall function. */
export function callerSession(instructions: string, voice: string | undefined, transcriptionModel: string | undefined): RealtimeSessionCreateRequest {
  const format = { type: 'audio/pcm' as const, rate: SESSION_RATE_HZ as 24_000 };
  return {
    type: 'realtime',
    instructions,
    output_modalities: ['audio'],
    audio: {
      input: {
        format,
        transcription: transcriptionModel ? { model: transcriptionModel } : undefined,
        // The caller decides when to answer (it asks the mind first) and when it was talked over.
        turn_detection: { type: 'server_vad', silence_duration_ms: 500, create_response: false, interrupt_response: false },
      },
      output: { format, ...(voice ? { voice } : {}) },
    },
    tools: [
      {
        type: 'function',
        name: RECALL,
        description: 'What you know and say next, as the caller, in answer to what the call-taker just said.',
        parameters: {
          type: 'object',
          properties: { trainee_said: { type: 'string', description: 'What the call-taker just said, word for word.' } },
          required: ['trainee_said'],
        },
      },
    ],
    tool_choice: 'auto',
  };
}

/** A line the mind wants said now (the opening, something that happens, a steer), as the model is given it. */
export function sayNow(text: string): string {
  return `Say this now, in your own voice: "${text}"`;
}
