// Whether a word said without a street type ("two two one seven elm", "he's walking down maple")
// can be a street's name. Callers drop the type as often as not; labels give such a street
// "Street" (the corpus convention). A bare word is a street only where a person, a thing or a
// time would not fit: after a house number, any word that is not a count noun or a verb; after
// "on" or "down" with no number, only the names streets are most often given, or a word
// compromise's lexicon knows as a surname or a place ("on jackson", "off hillcrest").

import { lexiconTags, ordinalValue } from './words.js';

// The commonest street names in the US that are also ordinary words (trees, "main", "market"...).
const COMMON = new Set(
  ('main oak pine maple cedar elm walnut chestnut spruce birch willow ash poplar sycamore hickory magnolia dogwood locust laurel cherry holly juniper ' +
    'cypress aspen linden hemlock redwood rosewood broadway market center centre high mill spring ridge sunset highland meadow grand front water vine ' +
    'union liberty commerce state mission harbor bay orchard prospect pleasant summit valley lincoln washington jefferson madison franklin adams church broad division railroad academy college').split(' '),
);
// What follows a number without being a street: counts and measures ("ten minutes", "two kids").
const MEASURE = new Set(
  ('year years yr yrs minute minutes min mins hour hours second seconds day days week weeks month months mile miles foot feet ft inch inches pound pounds ' +
    'lb lbs dollar dollars percent degree degrees time times am pm oclock block blocks floor floors story stories kid kids people person guy guys car cars ' +
    'pill pills shot shots round rounds bucks grand passenger passengers tonight morning night noon afternoon evening fever temp temperature sugar ' +
    'latino latina hispanic caucasian asian male female northbound southbound eastbound westbound').split(' '),
);
const NOT_NAME_TAGS = new Set(['Date', 'WeekDay', 'Month', 'Verb', 'Adverb', 'Pronoun', 'Preposition', 'Determiner', 'Conjunction', 'Expression', 'QuestionWord', 'Negative', 'Modal', 'Copula', 'Gerund', 'PastTense', 'Plural', 'Infinitive', 'PresentTense', 'Value', 'Cardinal']);
const PLACE_TAGS = new Set(['LastName', 'Place', 'City', 'Region', 'Country']);

/** `word` can be a street's name said bare: after a house number when `numbered`, else after "on"/"down". */
export function bareStreetName(word: string, numbered: boolean): boolean {
  if (ordinalValue(word) !== undefined || COMMON.has(word)) return true;
  const tags = lexiconTags(word);
  if (tags.some((t) => PLACE_TAGS.has(t))) return true;
  if (!numbered) return false;
  // An unknown word ending in a plural "s" is counted things ("three hoodies"), not a street.
  if (MEASURE.has(word) || /(?:ing|ly|ed)$/.test(word) || word.length < 3 || (tags.length === 0 && /[^su]s$/.test(word))) return false;
  return !tags.some((t) => NOT_NAME_TAGS.has(t) || t === 'Adjective');
}
