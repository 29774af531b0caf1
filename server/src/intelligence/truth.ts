import type { CapturedFactView } from '../protocol/api.js';
import type { GroundTruth } from '../protocol/scenario.js';
import { compareAddress, compareCallback } from './checklist.js';
import type { EntityType } from './types.js';

// The scenario's truth beside what the call captured, field by field, for the review. Location
// and callback number are compared as scoring compares them; the rest by their words.

/** yes: what was captured fits the truth; no: it does not; missing: nothing captured; none: nothing to capture. */
export type TruthMatch = 'yes' | 'no' | 'missing' | 'none';
export type TruthRow = { field: string; label: string; truth: string; captured: string; match: TruthMatch };

const ABBREVIATIONS: Record<string, string> = {
  st: 'street', ave: 'avenue', av: 'avenue', rd: 'road', ln: 'lane', dr: 'drive', blvd: 'boulevard', ct: 'court',
  pl: 'place', hwy: 'highway', pkwy: 'parkway', apt: 'apartment', ste: 'suite', fl: 'floor', mm: 'mile',
};

const tokens = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((t) => ABBREVIATIONS[t] ?? t);

/** One says no more than the other: "Willow Lane" fits "47 Willow Ln". */
function similar(truth: string, captured: string): boolean {
  const a = tokens(truth);
  const b = tokens(captured);
  return a.length > 0 && b.length > 0 && (a.every((t) => b.includes(t)) || b.every((t) => a.includes(t)));
}

const yesNo = (b: boolean | undefined) => (b === undefined ? [] : [b ? 'yes' : 'no']);

/**
 * `captured`: the facts as the live panel showed them last (capturedFacts): the latest value of
 * each, or every value of a fact that adds up (it matches when one of them fits the truth).
 */
export function truthRows(truth: GroundTruth, captured: readonly CapturedFactView[], nature: string): TruthRow[] {
  const rows: (TruthRow & { core: boolean })[] = [];
  const add = (field: string, label: string, values: string[], type: EntityType, core: boolean, same: (t: string, c: string) => boolean = similar) => {
    const got = captured.filter((f) => f.type === type).map((f) => f.normalized);
    const match: TruthMatch = got.length === 0 ? (values.length ? 'missing' : 'none') : got.some((c) => values.some((t) => same(t, c))) ? 'yes' : 'no';
    rows.push({ field, label, truth: values.join('; '), captured: got.join('; '), match, core });
  };
  const { location, patients } = truth;
  add('location', 'Location', [location.address], 'address', true, (_, c) => compareAddress(c, location) === 'agrees');
  add('unit', 'Unit', location.unit ? [location.unit] : [], 'unit', false);
  add('cross_street', 'Cross street', location.crossStreet ? [location.crossStreet] : [], 'cross_street', false);
  add('landmark', 'Landmark', location.landmarks, 'landmark', false);
  add('callback_number', 'Callback number', [truth.callbackNumber], 'callback_number', true, (t, c) => compareCallback(c, t) === 'agrees');
  add('caller_name', 'Caller name', [truth.callerName], 'caller_name', true);
  // The captured nature is a category ("medical:cardiac"): it fits the scenario's kind or the truth's words.
  add('nature', 'Nature', [truth.nature], 'nature', true, (t, c) => c.split(':')[0] === nature || tokens(c).some((w) => tokens(t).includes(w)));
  add('conscious', 'Conscious', yesNo(patients[0]?.conscious), 'conscious', false);
  add('breathing', 'Breathing', yesNo(patients[0]?.breathing), 'breathing', false);
  add('injury', 'Injuries', patients.flatMap((p) => p.injuries), 'injury', false);
  add('hazard', 'Hazards', truth.hazards, 'hazard', true);
  add('weapon', 'Weapons', truth.weapons, 'weapon', true);
  add('people_count', 'People involved', truth.peopleInvolved === undefined ? [] : [String(truth.peopleInvolved)], 'people_count', false);
  add('suspect', 'Suspects', truth.suspects, 'suspect', false);
  add('vehicle', 'Vehicles', truth.vehicles, 'vehicle', false);
  return rows.filter((r) => r.core || r.match !== 'none').map(({ core: _, ...r }) => r);
}
