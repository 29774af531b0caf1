/**
 * The fourth batch of call-taker lines, written for the kinds of line a second writer's set
 * (writer2/, read by a model that had never seen it) showed the corpus lacked: transfers and
 * holds said in passing, asking again by naming what was missed, protocol questions that pick a
 * medical card (labour, stroke signs, overdose, choking), breathing judged by sounds and colour,
 * age asked in months or as "adult or child", comfort about who is coming, silent-call
 * instructions, and small talk that states what happens next.
 */
export const FOURTH_SINGLE: Record<string, string[]> = {
  hold_notice: [
    'i\'m going to connect you with the fire department, stay with me', 'i\'m patching you over to the sheriff', 'let me get you over to poison control', 'i\'m bringing an interpreter onto the line',
    'you\'ll hear a couple of clicks, that\'s me conferencing in the ambulance', 'one sec, i\'m on the radio with the units', 'give me one second, i\'m checking the map', 'hang on a sec, i\'m adding medical to the call',
    'i\'m sending you through to highway patrol now', 'i\'m going to conference in a spanish interpreter', 'stand by, i\'m transferring you to the county', 'just a sec, let me pull that up',
    'i need to put you through to the crisis line, don\'t hang up', 'i\'m going to have the state police pick up, hold on', 'you might hear me typing, i\'m still here', 'one second, i\'m talking to the deputies',
  ],
  repeat: [
    'give me that street again', 'say the house number again for me', 'the last part, what was it?', 'i didn\'t get the name, say it again', 'repeat the plate number slowly',
    'sorry, the number again?', 'i can barely hear you, talk louder', 'you\'re cutting out, can you move to where you get better signal?', 'there\'s too much noise, say it again', 'can you turn the music down, i can\'t hear you',
    'i only heard part of that, go ahead again', 'start again from the beginning, slowly', 'you said who is hurt?', 'wait, what was that?', 'i\'m having a hard time hearing you', 'come again?',
    'say that one more time for me, slower', 'what\'s that? it\'s really loud there', 'you broke up, the address again?', 'can you get closer to the phone?',
  ],
  ask_nature: [
    'is she pregnant right now?', 'how far along is she?', 'are the contractions close together?', 'has her water broken yet?', 'can he swallow at all?', 'is his face drooping on one side?',
    'can she lift both arms?', 'is his speech slurred?', 'when was he last seen normal?', 'did he take something?', 'what did she take, do you know?', 'how many pills did he take?',
    'is he threatening to hurt himself?', 'is she talking about killing herself?', 'is he a diabetic?', 'does she have a history of seizures?', 'what does it smell like?', 'what kind of smell is it?',
    'is he still seizing?', 'is he still shaking?', 'is he choking on something?', 'can she cough?', 'is anyone fighting right now?', 'are they still arguing?', 'is the fire in the house or outside it?',
    'and then what happened?', 'what happened after that?', 'what did he do next?', 'does he have a do not resuscitate order?', 'is she having chest pain?', 'did he fall or did he pass out first?',
  ],
  ask_breathing: [
    'is he making a snoring sound?', 'what color are her lips?', 'is his skin turning gray or blue?', 'is he coughing at all?', 'can she talk in full sentences?', 'is she wheezing?',
    'was that a real breath or a gasp?', 'is he taking any breaths at all?', 'does it sound like he\'s gurgling?', 'is she breathing every few seconds or hardly at all?', 'does he sound like he\'s struggling to breathe?',
  ],
  ask_conscious: [
    'can she move her fingers for you?', 'does he open his eyes if you shake him?', 'is she able to answer questions?', 'does he know where he is?', 'is he alert and talking?', 'is she passed out?',
  ],
  ask_age: [
    'is he an adult or a child?', 'how many months old?', 'how old is the baby, in months?', 'is she a teenager or an adult?', 'roughly what age?', 'is he over sixty?', 'what\'s her age, about?',
  ],
  ask_suspect: [
    'did he leave on foot?', 'was he running or walking?', 'is he in the house or outside now?', 'where is he right now?', 'is he still inside with you?', 'is he a resident or just visiting?',
    'is he somebody you know?', 'is he still on the property?', 'what was he wearing on his feet?', 'what\'s his hair like?',
  ],
  ask_vehicle: [
    'which way is the car going now?', 'is he still driving eastbound?', 'what lane is the truck in?', 'what\'s written on the side of the van?', 'any writing on the trailer?', 'what color?',
    'is the car still moving?', 'what state is the plate?', 'is it a pickup or a car?',
  ],
  ask_location: [
    'what room is she in?', 'how far up the trail are you?', 'is there a code for the gate?', 'you\'re at the corner of what and what?', 'city?', 'what town?', 'which store are you at?',
    'are you still on the shoulder?', 'which side of the building?', 'are you with him right now?', 'go look at the house number and tell me what it says',
  ],
  reassure: [
    'deputies are on their way to you', 'the ambulance is already rolling', 'fire is on the way', 'i know, i know, this is scary', 'you\'re not in any trouble', 'the officers are almost to you',
    'they\'re a couple minutes out', 'you did the right thing calling', 'i\'ve got people headed your way right now', 'medics are coming, you\'re doing fine', 'i\'m right here with you', 'they know where you are',
  ],
  command: [
    'pinch his nose shut', 'just answer yes or no', 'if you can\'t talk, press a button for yes', 'if you can\'t speak, tap the phone', 'have somebody wait outside for the ambulance', 'send someone out to flag them down',
    'turn on the porch light', 'put the dogs away before they get there', 'don\'t let her eat or drink anything', 'keep him lying still', 'stay on the line with me', 'don\'t go back inside',
    'go to the front door and unlock it', 'keep talking to her', 'put the phone on speaker', 'we\'re going to start cpr, i\'ll walk you through it', 'pull over when it\'s safe',
  ],
  cpr_count: ['and push, and push, and push, and push', 'push, push, push, push, keep going', 'one and two and three and four and five', 'push down, push down, push down, push down'],
  other: [
    'they\'ll knock when they get there', 'the ambulance will take him to the hospital', 'i understand you\'re upset', 'uh-huh', 'mm-hm', 'okay, i understand', 'okay, he\'s going to the hospital now',
    'the officer will call you when he\'s close', 'alright, i\'ve got all that', 'i\'m putting that in the notes', 'they\'ll take it from here',
  ],
};

/** Lines with more than one intent, labelled by hand, the primary first. */
export const FOURTH_MULTI: [string, string[]][] = [
  ['sirens are coming, keep him still for me', ['command', 'reassure']],
  ['they\'re on the way, what\'s the closest cross street?', ['ask_location', 'reassure']],
  ['you\'re doing fine, is he still breathing?', ['ask_breathing', 'reassure']],
  ['mm-hm, how old is he?', ['ask_age', 'other']],
  ['got it, and what color was the truck?', ['ask_vehicle', 'other']],
  ['okay, okay, and then what happened?', ['ask_nature', 'other']],
  ['is she awake? is she breathing?', ['ask_conscious', 'ask_breathing']],
  ['what\'s he wearing, and does he have a weapon?', ['ask_suspect', 'ask_weapons']],
  ['is anyone hurt, and how many are in the car?', ['ask_injuries', 'ask_people_count']],
  ['keep pressure on it, is it still bleeding?', ['command', 'ask_injuries']],
  ['stay on the line, i\'m bringing in an interpreter', ['command', 'hold_notice']],
];
