/**
 * The server's contract, types only: the web app never imports server code, it talks HTTP.
 * `ROUTE_TABLE` below repeats each route's method and path, and the compiler checks them against
 * the contract's literal types, so a route the server moves breaks the web build, not the user.
 */
import type { ROUTES } from '../../../src/server/contract.ts';

export type * from '../../../src/server/contract.ts';
export type Routes = typeof ROUTES;
