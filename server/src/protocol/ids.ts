import { z } from 'zod';

// Every id that enters ringdown (a REST path or query, a request body, a socket payload) is a
// UUID, and is read in lower case: PostgreSQL matches a uuid in any case, so an id in upper
// case finds the same row, and everything keyed by the id's text (the live-call table, the
// socket rooms) must see that row under one spelling.
export const Uuid = z.string().uuid().toLowerCase();

/** A REST path's `:id`. */
export const IdParam = z.object({ id: Uuid });
