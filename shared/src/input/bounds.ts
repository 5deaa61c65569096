/**
 * Domain bounds on the numbers the API accepts, so a value either means something in the product or is refused
 * at the edge, and nothing reaches a column that cannot store it exactly (on SQLite a REAL keeps 1e308 where
 * MariaDB's DECIMAL(10,2) fails; an INT stops at 2^31 − 1).
 */

/** Ids and versions are INTEGER columns: signed 32-bit on MariaDB. */
export const ID_MAX = 2_147_483_647;

/** The deepest page a list may be asked for (pages past the data are empty anyway). */
export const PAGE_MAX = 10_000;

/**
 * 专有部分面积 of one household, m², weighting its owners' votes (Civil Code Art. 278): more than nothing, at most
 * 10 000 m² (a whole shop floor; flats are far smaller), in hundredths as the property certificate gives it.
 */
export const EXCLUSIVE_AREA_MAX = 10_000;
export const EXCLUSIVE_AREA_DECIMALS = 2;

/** 招募人数 of a volunteer activity: a community event, not a stadium. */
export const VOLUNTEER_CAPACITY_MAX = 1_000;

/** A phone's reported location accuracy, m; beyond this the fix says nothing about where the phone is. */
export const LOCATION_ACCURACY_MAX_METERS = 10_000;

/** Options of one poll (and so choices in one ballot). */
export const POLL_OPTIONS_MAX = 50;

/**
 * How far outside the bounding box of its grids a point still counts as in the district: a resident at the
 * district's edge, or a GPS fix that drifted, is served; a point in another city is not.
 */
export const SERVICE_AREA_MARGIN_METERS = 3_000;
