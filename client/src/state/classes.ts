import type { Api } from '../api.js';

/** Classes, assignments and the class dashboard: requests only, each page keeps what it shows. */
export function createClassesStore(api: Api) {
  return {
    mine: api.myAssignments,
    list: api.listClasses,
    create: api.createClass,
    get: api.getClass,
    addMember: api.addMember,
    removeMember: api.removeMember,
    assign: api.assign,
    dashboard: api.getDashboard,
    /** The class's calls and scores as a CSV download (a plain link: the browser saves it). */
    csvUrl: (id: string) => `/api/v1/classes/${encodeURIComponent(id)}/calls.csv`,
  };
}

export type ClassesStore = ReturnType<typeof createClassesStore>;
