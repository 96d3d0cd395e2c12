/**
 * The request header proxy.ts sets to the slug of the territory a request is for
 * (after removing any the client sent): read by server actions and route
 * handlers through lib/territory/request.ts.
 */
export const TERRITORY_HEADER = "x-comptoir-territory";

/** Query parameter naming the territory of an API call made from a town served under /<slug>. */
export const TERRITORY_PARAM = "territoire";
